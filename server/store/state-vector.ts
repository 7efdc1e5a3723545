/**
 * The state vector each store keeps beside a doc's snapshot, so a batch pull never decodes a
 * stored update just to tell the client what the server holds (`Y.encodeStateVectorFromUpdate`
 * costs ~0.6 ms per 13 KB document body: 48 s for an 80,000-doc court).
 *
 * Both stores keep it as JSON text `{"<client>": <clock>}` (SQLite TEXT, PostgreSQL JSONB), so
 * the SQLite → PostgreSQL migration copies it as is and PostgreSQL can advance it inside the
 * append statement (`courtdesk_sv_append`, pg-schema.ts) under the court's row lock.
 *
 * Meaning: exactly `Y.decodeStateVector(Y.encodeStateVectorFromUpdate(merged))` of the doc's
 * snapshot and pending updates, i.e. per client the end of the run of clocks that starts at 0.
 * An append advances it from the update's per-client clock ranges (`parseUpdateMeta`), which is
 * exact for every update a Y.Doc emits or encodes (each holds one unbroken run of clocks per
 * client). An update that starts after the doc's known end for some client would leave a hole;
 * the state vector then becomes NULL ("unknown") and is computed from the merged update when the
 * doc is read; it is stored again (by that read or by a compaction) once the doc has no hole.
 * Merging changes no clock, so compaction never changes a known state vector.
 */
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { StoreError } from './store.js';

/** client id → next expected clock. */
export type ClockMap = ReadonlyMap<number, number>;

/** Per client, the clocks an update holds: `[first, end)`. JSON for the PostgreSQL function. */
export type UpdateRanges = Readonly<Record<string, readonly [number, number]>>;

/**
 * The clock ranges of `update`, per client (what `courtdesk_sv_append` takes); null for bytes Yjs
 * cannot read, which makes the state vector unknown (the store keeps the bytes as it always did;
 * reading the doc will report it corrupt).
 */
export function updateRanges(update: Uint8Array): UpdateRanges | null {
  let meta;
  try {
    meta = Y.parseUpdateMeta(update);
  } catch {
    return null;
  }
  const out: Record<string, [number, number]> = {};
  for (const [client, first] of meta.from) out[String(client)] = [first, meta.to.get(client) ?? first];
  return out;
}

/**
 * The state vector after appending an update with these ranges, or null when it becomes unknown
 * (unknown before, or the update leaves a hole). The same rule as `courtdesk_sv_append`.
 */
export function appendRanges(known: ClockMap | null, ranges: UpdateRanges | null): Map<number, number> | null {
  if (known === null || ranges === null) return null;
  const next = new Map(known);
  for (const [key, [first, end]] of Object.entries(ranges)) {
    const client = Number(key);
    const have = next.get(client) ?? 0;
    if (first > have) return null;
    if (end > have) next.set(client, end);
  }
  return next;
}

/**
 * The exact state vector of a stored (merged) update, and whether it may be kept: only when the
 * update has no hole (every client's clocks run unbroken from 0), since an append can advance a
 * kept state vector only over what it knows; a doc with a hole stays unknown until the hole is
 * filled and it is compacted. Two decodes: only for compaction and unknown state vectors. Bytes
 * Yjs cannot read make the doc corrupt, as when merging fails.
 */
export function stateVectorOfUpdate(update: Uint8Array, court: string, docKey: string): { clocks: Map<number, number>; keep: boolean } {
  try {
    const clocks = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update));
    const { from, to } = Y.parseUpdateMeta(update);
    const keep = [...from].every(([client, first]) => first === 0 && clocks.get(client) === to.get(client));
    return { clocks, keep };
  } catch (error) {
    throw new StoreError('store.corrupt', `Stored state of ${court}/${docKey} cannot be read`, { cause: error });
  }
}

/** `{"client": clock}` text, as both stores keep it. */
export function clockMapToJson(map: ClockMap): string {
  const out: Record<string, number> = {};
  for (const [client, clock] of map) out[String(client)] = clock;
  return JSON.stringify(out);
}

/** Parses the stored JSON (text or a jsonb object the driver already parsed); null when absent or unreadable. */
export function clockMapFromJson(stored: unknown): Map<number, number> | null {
  let value = stored;
  if (typeof stored === 'string') {
    try {
      value = JSON.parse(stored);
    } catch {
      return null;
    }
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const map = new Map<number, number>();
  for (const [key, clock] of Object.entries(value as Record<string, unknown>)) {
    const client = Number(key);
    if (!Number.isSafeInteger(client) || typeof clock !== 'number' || !Number.isSafeInteger(clock) || clock < 0) return null;
    if (clock > 0) map.set(client, clock);
  }
  return map;
}

/**
 * Yjs's binary state vector of a clock map, clients in descending order like
 * `Y.encodeStateVector` (and like the updates a Y.Doc encodes), so it is byte-equal to
 * `encodeStateVectorFromUpdate` of a doc's own update.
 */
export function encodeClockMap(map: ClockMap): Uint8Array {
  const encoder = encoding.createEncoder();
  const entries = [...map.entries()].filter(([, clock]) => clock > 0).sort((a, b) => b[0] - a[0]);
  encoding.writeVarUint(encoder, entries.length);
  for (const [client, clock] of entries) {
    encoding.writeVarUint(encoder, client);
    encoding.writeVarUint(encoder, clock);
  }
  return encoding.toUint8Array(encoder);
}
