/**
 * The replica's doc ids (`case:{id}`, `doc:{id}`; DESIGN §3) and the server's room names
 * (`court/{court}/case/{id}`, `court/{court}/doc/{id}`; docs/SYNC-PROTOCOL.md §2) are the same
 * thing in two spellings; this is the one place that converts.
 */
import { formatRoomName, parseRoomName } from '../../shared/sync/rooms.js';

interface CourtSession {
  readonly court: string;
}

export function roomOfDocId(session: CourtSession, docId: string): string {
  const colon = docId.indexOf(':');
  const kind = docId.slice(0, colon);
  if (colon < 0 || (kind !== 'case' && kind !== 'doc')) throw new Error(`Not a syncable doc id: ${docId}`);
  return formatRoomName({ courtId: session.court, kind, id: docId.slice(colon + 1) });
}

/** The doc id of a room of this session's court, or undefined (another court, or not a room). */
export function docIdOfRoom(session: CourtSession, room: string): string | undefined {
  const parsed = parseRoomName(room);
  if (!parsed.ok || parsed.value.courtId !== session.court) return undefined;
  return `${parsed.value.kind}:${parsed.value.id}`;
}
