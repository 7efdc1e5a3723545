/**
 * The case's people as the anonymiser's input (shared/anonymise/model.ts): every party with the
 * data it can mask (address, ID and phone numbers), then the officers of the panel and the case's
 * assigned judge and clerk, whose roles make the anonymiser keep their names (NQ 03/2017 Art. 7:
 * người tiến hành tố tụng are published as they are).
 */
import type { PartyInput } from '../../shared/anonymise/model.js';
import type { Case, StaffMember } from '../../shared/domain/schemas.js';

const present = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

export function anonymiserParties(kase: Pick<Case, 'parties' | 'panel' | 'judgeId' | 'clerkId'>, staff: readonly StaffMember[] = []): PartyInput[] {
  const parties = [...kase.parties]
    .sort((a, b) => a.order - b.order)
    .map(
      (p): PartyInput => ({
        name: p.fullName,
        role: p.role,
        kind: p.kind,
        ...(present(p.address) ? { address: p.address } : {}),
        ...(present(p.idNumber) ? { idNumber: p.idNumber } : {}),
        ...(present(p.phone) ? { phone: p.phone } : {}),
      }),
    );
  const officers: PartyInput[] = [...kase.panel].sort((a, b) => a.order - b.order).map((m) => ({ name: m.name, role: m.role, kind: 'person' }));
  // The assigned judge and clerk appear in templates through the staff list even without a panel entry.
  const known = new Set(officers.map((o) => o.name));
  for (const id of [kase.judgeId, kase.clerkId]) {
    const member = id ? staff.find((s) => s.id === id) : undefined;
    if (member && !known.has(member.name)) {
      known.add(member.name);
      officers.push({ name: member.name, role: member.role, kind: 'person' });
    }
  }
  return [...parties, ...officers];
}
