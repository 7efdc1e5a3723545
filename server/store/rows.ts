/**
 * What the SQLite and PostgreSQL stores read the same way: the columns of device keys, packs and
 * doc access, and the merge of a doc's stored parts. Only the user column's name differs
 * (`user` in SQLite, `user_name` in PostgreSQL, where USER is a keyword).
 */
import * as Y from 'yjs';
import { StoreError, type DeviceKeyRecord, type PackSummary } from './store.js';

export interface DeviceKeyColumns {
  court: string;
  key_id: string;
  public_key: string;
  device_name: string;
  registered_at: string;
  revoked_at: string | null;
}

export interface PackColumns {
  kind: string;
  pack_id: string;
  version: string;
  bytes?: Buffer;
  sha256: string;
  published_by: string;
  published_at: string;
}

export function deviceKeyOf(row: DeviceKeyColumns, user: string): DeviceKeyRecord {
  return {
    court: row.court,
    user,
    keyId: row.key_id,
    publicKey: row.public_key,
    deviceName: row.device_name,
    registeredAt: row.registered_at,
    ...(row.revoked_at === null ? {} : { revokedAt: row.revoked_at }),
  };
}

export function packSummaryOf(row: PackColumns): PackSummary {
  return {
    kind: row.kind === 'deadlines' ? 'deadlines' : 'templates',
    packId: row.pack_id,
    version: row.version,
    sha256: row.sha256,
    publishedBy: row.published_by,
    publishedAt: row.published_at,
  };
}

/**
 * The `restricted_to` column of `doc_access` (DocAccessStore): JSON staff ids, NULL for a
 * court-wide document. Anything unreadable counts as "nobody" rather than "everyone".
 */
export function parseStaffList(text: string | null): readonly string[] | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/** Snapshot and pending updates as one update; a part Yjs cannot merge makes the doc corrupt. */
export function mergeParts(parts: Uint8Array[], court: string, docKey: string): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  try {
    return Y.mergeUpdates(parts);
  } catch (error) {
    throw new StoreError('store.corrupt', `Updates of ${court}/${docKey} cannot be merged`, { cause: error });
  }
}
