/**
 * One computation of the reminders from the local replica: the cases of the chosen scope, the
 * pack verdicts of the next court day (renderer/dayplan/prepare.ts `assessRows`, no sync), then
 * the pure rules of compute.ts. Loaded on demand (the template engine comes with it).
 */
import { inScope, scopeFor } from '../../shared/caseload/scope.js';
import type { Court, StaffMember } from '../../shared/domain/schemas.js';
import { loadScopedCases } from '../dayplan/scoped-cases.js';
import type { LocalDocProbe } from '../dayplan/local-docs.js';
import { readPreparedDays } from '../dayplan/pack-memory.js';
import { assessRows, hearingsOfDays } from '../dayplan/prepare.js';
import type { Replica } from '../replica/types.js';
import { effectiveDeadlineTables } from '../packs/deadline-tables.js';
import { computeReminders, nextCourtDay, type Reminder } from './compute.js';

export interface RunInput {
  readonly replica: Replica;
  readonly probe: LocalDocProbe;
  readonly court: Court;
  readonly staff: readonly StaffMember[];
  readonly staffId: string;
  readonly today: string;
  readonly withinDays: number;
  readonly serverConfigured: boolean;
}

export async function runReminders(input: RunInput): Promise<Reminder[]> {
  const scope = scopeFor(input.staff, input.staffId || undefined);
  const { cases } = await loadScopedCases(input.replica, scope);
  const day = nextCourtDay(input.today);
  const mine = await hearingsOfDays(input.replica, [day], (h) => h.status === 'scheduled' && inScope(scope, h));
  const packs = await assessRows({ replica: input.replica, probe: input.probe, court: input.court, staff: input.staff, serverConfigured: input.serverConfigured }, mine);
  return computeReminders({
    cases,
    today: input.today,
    withinDays: input.withinDays,
    tables: effectiveDeadlineTables(),
    nextDay: {
      day,
      prepared: readPreparedDays()[day] !== undefined,
      hearings: packs.map((p) => ({ caseId: p.hearing.caseId, hearingId: p.hearing.hearingId, acceptanceNumber: p.hearing.acceptanceNumber, startsAt: p.hearing.startsAt, readiness: p.readiness })),
    },
  });
}
