/**
 * Who may open which room: the one place the server decides it, for WebSocket rooms and batch
 * documents alike.
 *
 * - `canAccess` (no document needed): the token's court must be the room's court, and the
 *   account must have a role.
 * - `canAccessDoc` (needs the stored document's meta): a document whose meta lists
 *   `restrictedToStaff` (biên bản nghị án, a judgment draft before pronouncement: DESIGN §4) is
 *   refused to every account whose `staffId` is not in that list, administrators included. A
 *   document the store does not hold yet has no meta and is allowed (its creator is writing it).
 *
 * Callers: ws/upgrade.ts (`canAccess`, before the upgrade completes), ws/connection.ts
 * (`canAccessDoc`, once the doc is loaded and before any byte of it is sent) and the batch
 * endpoints (docs/batch-sync.ts: `canAccessDoc` per pushed and per pulled document).
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

/** The meta fields access depends on, as read from the stored document (server/docs/document-rules.ts). */
export interface DocAccessMeta {
  readonly restrictedToStaff?: readonly string[];
}

export type DocAccessDecision = AccessDecision | { allowed: false; reason: 'restricted' };

/**
 * `canAccess`, then, for a document room, the panel-only rule. `loadMeta` answers the stored
 * document's meta (null when nothing is stored); it is called only for document rooms.
 *
 * @example
 *   const decision = await canAccessDoc(claims, room, async () => documentAccessMeta(live.doc));
 *   if (!decision.allowed) ws.close(CLOSE_CODES.forbidden, decision.reason);
 */
export async function canAccessDoc(claims: SessionClaims, room: RoomRef, loadMeta: () => Promise<DocAccessMeta | null>): Promise<DocAccessDecision> {
  const base = canAccess(claims, room);
  if (!base.allowed || room.kind !== 'doc') return base;
  const meta = await loadMeta();
  const restricted = meta?.restrictedToStaff;
  if (restricted === undefined) return { allowed: true };
  return claims.staffId !== undefined && restricted.includes(claims.staffId) ? { allowed: true } : { allowed: false, reason: 'restricted' };
}
