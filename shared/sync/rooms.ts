/**
 * Sync room names (DESIGN §4): one room per Y.Doc, `court/{courtId}/case/{caseId}` for a case and
 * `court/{courtId}/doc/{docId}` for a document body. The same pure function parses a room on the
 * server (from the WebSocket URL or a batch request) and builds it on the client, so both sides
 * agree on exactly which names exist.
 *
 * Ids are strict (`ROOM_ID_PATTERN`): they travel in URL paths and SQL keys, so nothing that needs
 * escaping, no slash, no percent sign, no whitespace, at most 80 characters.
 */
import { domainError, err, ok, type Result } from '../domain/result.js';

export const ROOM_KINDS = ['case', 'doc'] as const;
export type RoomKind = (typeof ROOM_KINDS)[number];

/** Letters, digits and `_ . : -`, 1 to 80 characters. */
export const ROOM_ID_PATTERN = /^[A-Za-z0-9_.:-]{1,80}$/;

/** A parsed room: the court it belongs to, and which doc of that court. */
export interface RoomRef {
  readonly courtId: string;
  readonly kind: RoomKind;
  readonly id: string;
}

/** True when `id` may be a court, case or document id in a room name. */
export function isValidRoomId(id: string): boolean {
  // `.` and `..` match the pattern but read as path segments to every URL parser on the way.
  return ROOM_ID_PATTERN.test(id) && id !== '.' && id !== '..';
}

/**
 * Parses `court/{courtId}/{case|doc}/{id}`.
 *
 * @example
 *   parseRoomName('court/tand-kv1-vinhlong/case/c-001')
 *   // { ok: true, value: { courtId: 'tand-kv1-vinhlong', kind: 'case', id: 'c-001' } }
 */
export function parseRoomName(name: string): Result<RoomRef> {
  const parts = name.split('/');
  const [prefix, courtId, kind, id] = parts;
  if (parts.length !== 4 || prefix !== 'court' || courtId === undefined || kind === undefined || id === undefined) {
    return err(invalidRoom(name));
  }
  if (!isValidRoomId(courtId) || !isValidRoomId(id) || !(ROOM_KINDS as readonly string[]).includes(kind)) {
    return err(invalidRoom(name));
  }
  return ok({ courtId, kind: kind as RoomKind, id });
}

/**
 * Builds the room name of a case or document; throws on an invalid id, which is a programming
 * error (ids come from our own data).
 *
 * @example
 *   formatRoomName({ courtId: 'tand-kv1-vinhlong', kind: 'doc', id: 'd-42' }) // 'court/tand-kv1-vinhlong/doc/d-42'
 */
export function formatRoomName(ref: RoomRef): string {
  if (!isValidRoomId(ref.courtId) || !isValidRoomId(ref.id)) {
    throw new Error(`Invalid room id: court ${JSON.stringify(ref.courtId)}, ${ref.kind} ${JSON.stringify(ref.id)}`);
  }
  return `court/${ref.courtId}/${ref.kind}/${ref.id}`;
}

/** The key of a doc inside its court (`case/{id}` or `doc/{id}`): what the server stores per court. */
export function roomDocKey(ref: RoomRef): string {
  return `${ref.kind}/${ref.id}`;
}

function invalidRoom(name: string) {
  return domainError(
    'sync.room.invalid',
    'Tên phòng đồng bộ không hợp lệ.',
    'Invalid sync room name.',
    name.length > 200 ? `${name.slice(0, 200)}…` : name,
  );
}
