/**
 * Whose work a view shows: a judge's (the cases assigned to them) or a clerk's (the cases of the
 * judges they serve, and any case they are the assigned clerk of). The day pack, the reminders
 * and the caseload page all filter with it. Pure.
 */
import type { StaffMember } from '../domain/schemas.js';

export interface StaffScope {
  /** Undefined: the whole court. */
  readonly staffId?: string;
  readonly role?: StaffMember['role'];
  readonly judgeIds?: ReadonlySet<string>;
  readonly clerkId?: string;
}

export const WHOLE_COURT: StaffScope = {};

/** The scope of one staff member; an unknown id (or none) is the whole court. */
export function scopeFor(staff: readonly StaffMember[], staffId: string | undefined): StaffScope {
  const member = staffId ? staff.find((s) => s.id === staffId) : undefined;
  if (!member) return WHOLE_COURT;
  if (member.role === 'judge') return { staffId: member.id, role: 'judge', judgeIds: new Set([member.id]) };
  if (member.role === 'clerk') return { staffId: member.id, role: 'clerk', judgeIds: new Set(member.servesJudgeIds), clerkId: member.id };
  return WHOLE_COURT;
}

/** True when a case (or one of its hearings) belongs to the scope. */
export function inScope(scope: StaffScope, item: { readonly judgeId?: string | undefined; readonly clerkId?: string | undefined }): boolean {
  if (!scope.judgeIds && scope.clerkId === undefined) return true;
  if (scope.clerkId !== undefined && item.clerkId === scope.clerkId) return true;
  return item.judgeId !== undefined && scope.judgeIds !== undefined && scope.judgeIds.has(item.judgeId);
}
