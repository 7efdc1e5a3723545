/**
 * Who may open which room: the one place the server decides it, for WebSocket rooms and batch
 * documents alike. Today: the token's court must be the room's court, and any account role may
 * read and write its court's case and document rooms.
 *
 * Hook for later (DESIGN §4): deliberation minutes (biên bản nghị án) are visible to the panel
 * only. That needs the doc's kind and panel, so it will take a lookup into the case doc; add it
 * here and nowhere else.
 */
import { ACCOUNT_ROLES } from '../../shared/sync/claims.js';
import type { SessionClaims } from '../../shared/sync/claims.js';
import type { RoomRef } from '../../shared/sync/rooms.js';

export type AccessDecision = { allowed: true } | { allowed: false; reason: 'otherCourt' | 'role' };

export function canAccess(claims: SessionClaims, room: RoomRef): AccessDecision {
  if (claims.court !== room.courtId) return { allowed: false, reason: 'otherCourt' };
  if (!claims.roles.some((role) => (ACCOUNT_ROLES as readonly string[]).includes(role))) return { allowed: false, reason: 'role' };
  return { allowed: true };
}
