/**
 * Orders a case's participants the way the forms list them: by role in `roleOrder(type)`, and
 * within a role by `order` then name; representatives and counsel are placed under the party
 * they act for (the first one, if several), and only left in their own role group when they act
 * for nobody known. Pure.
 */
import { roleOrder, type CaseType, type PartyRole } from '../../../shared/domain/vocabulary.js';
import type { Party } from '../../../shared/domain/schemas.js';
import { isActingRole } from './party-form.js';

export interface PartyEntry {
  readonly party: Party;
  /** Those who act for this party (representatives, protectors, counsel). */
  readonly acting: readonly Party[];
}

export interface RoleGroup {
  readonly role: PartyRole;
  readonly entries: readonly PartyEntry[];
}

const byOrderThenName = (a: Party, b: Party) => a.order - b.order || a.fullName.localeCompare(b.fullName, 'vi');

export function groupParties(type: CaseType, parties: readonly Party[]): RoleGroup[] {
  const ids = new Set(parties.map((p) => p.id));
  const actingFor = new Map<string, Party[]>();
  const placed = new Set<string>();
  for (const party of [...parties].sort(byOrderThenName)) {
    if (!isActingRole(party.role)) continue;
    const principal = party.actsFor.find((id) => ids.has(id) && id !== party.id);
    if (principal === undefined) continue;
    const principalParty = parties.find((p) => p.id === principal);
    // Counsel acting for counsel would nest forever; keep it in its own group instead.
    if (!principalParty || isActingRole(principalParty.role)) continue;
    actingFor.set(principal, [...(actingFor.get(principal) ?? []), party]);
    placed.add(party.id);
  }
  const groups: RoleGroup[] = [];
  for (const role of roleOrder(type)) {
    const members = parties.filter((p) => p.role === role && !placed.has(p.id)).sort(byOrderThenName);
    if (members.length === 0) continue;
    groups.push({ role, entries: members.map((party) => ({ party, acting: actingFor.get(party.id) ?? [] })) });
  }
  return groups;
}
