/**
 * The life of one demo case as dated steps, before any names or numbers are attached.
 *
 * A court's register at a given day is a snapshot: many cases long closed, a backlog in
 * preparation, and a queue set for trial in the coming weeks. Drawing acceptance dates uniformly
 * and simulating forward would leave "today" nearly empty, so the status is drawn first and the
 * dates are laid out around `today` to fit it: a case set for trial gets its trial in the next few
 * weeks (nearer days more likely) and its trial decision, mediation and acceptance backwards from
 * there by the usual procedural delays; a closed case gets its trial in the past and everything
 * before it. Durations follow the statutory time limits (BLTTDS Điều 203, BLTTHS Điều 277).
 */
import type { CaseStatus, CaseType, HearingKind, ProcedureLevel, ProceedingKind } from '../domain/vocabulary.js';
import type { WorkCalendar } from './calendar.js';
import { weightedTable, type Rng, type WeightedTable } from './prng.js';
import { charges, subjectsOf, type ChargeEntry, type SubjectEntry } from './subjects.js';

export type Step =
  /** Mediation (civil) or dialogue (administrative) session. */
  | { readonly kind: 'session'; readonly hearingKind: HearingKind; readonly day: number; readonly result: 'scheduled' | 'failed' | 'settled' }
  | { readonly kind: 'trialDecision'; readonly day: number }
  /** A trial hearing, or for a petition the session that decides it. */
  | { readonly kind: 'trial'; readonly day: number; readonly result: 'scheduled' | 'held' | 'adjourned' }
  | { readonly kind: 'decision'; readonly decision: 'settlement' | 'termination' | 'suspension'; readonly day: number }
  | { readonly kind: 'appeal'; readonly day: number };

export interface CasePlan {
  /** Position in generation order: the case's random stream and the tie-breaker of every sort. */
  readonly seq: number;
  readonly type: CaseType;
  readonly level: ProcedureLevel;
  readonly proceeding: ProceedingKind;
  /** Non-criminal cases. */
  readonly subject?: SubjectEntry;
  /** Criminal cases. */
  readonly charge?: ChargeEntry;
  readonly status: CaseStatus;
  readonly accepted: number;
  readonly steps: readonly Step[];
}

/** Civil and family cases most, criminal many, the rest few (a rural regional court's mix). */
const TYPE_MIX = weightedTable<CaseType>([
  ['DS', 30],
  ['HNGĐ', 27],
  ['HS', 22],
  ['KDTM', 7],
  ['LĐ', 2.5],
  ['HC', 5],
  ['PS', 0.5],
  ['BPXLHC', 6],
]);

type StatusWeights = Partial<Record<CaseStatus, number>>;
const FIRST_INSTANCE: StatusWeights = {
  accepted: 5, preparing: 20, scheduled: 19, suspended: 4, decided: 5, appealed: 4, effective: 33, settled: 3, terminated: 7,
};
const CRIMINAL: StatusWeights = { accepted: 5, preparing: 16, scheduled: 22, suspended: 2, decided: 6, appealed: 6, effective: 41, terminated: 2 };
const ADMINISTRATIVE: StatusWeights = { ...FIRST_INSTANCE, settled: 0, terminated: 10 };
/** Appeal judgments take effect when pronounced: no "decided" or "appealed" at this level. */
const APPEAL: StatusWeights = { accepted: 8, preparing: 25, scheduled: 20, suspended: 2, effective: 38, terminated: 7 };
const PETITION: StatusWeights = { accepted: 8, preparing: 12, scheduled: 15, decided: 8, effective: 48, terminated: 9 };

const statusTables = new Map<StatusWeights, WeightedTable<CaseStatus>>();
function statusTable(weights: StatusWeights): WeightedTable<CaseStatus> {
  let table = statusTables.get(weights);
  if (!table) {
    table = weightedTable(Object.entries(weights) as Array<[CaseStatus, number]>);
    statusTables.set(weights, table);
  }
  return table;
}

/** A working-day offset in [0, max], nearer days more likely (the minimum of two uniform draws). */
function nearOffset(rng: Rng, max: number): number {
  return Math.min(rng.int(0, max), rng.int(0, max));
}

interface Durations {
  /** Acceptance → trial decision, calendar days. */
  readonly prep: readonly [number, number];
  /** Trial decision → trial. Criminal trial decisions reach the accused 10 days ahead (Điều 286). */
  readonly lead: readonly [number, number];
}

function durations(type: CaseType, level: ProcedureLevel, proceeding: ProceedingKind, charge?: ChargeEntry): Durations {
  if (level === 'PT') return { prep: [30, 60], lead: [10, 20] };
  if (type === 'BPXLHC') return { prep: [5, 14], lead: [3, 7] };
  if (proceeding === 'petition') return { prep: [15, 35], lead: [5, 10] };
  if (type === 'HS') {
    const byClass = { lessSerious: [15, 30], serious: [25, 45], verySerious: [35, 60], especiallySerious: [50, 90] } as const;
    return { prep: byClass[charge?.offenceClass ?? 'lessSerious'], lead: [10, 20] };
  }
  if (type === 'KDTM' || type === 'LĐ') return { prep: [35, 70], lead: [10, 20] };
  return { prep: [50, 130], lead: [10, 25] };
}

export interface PlanContext {
  readonly today: number;
  readonly calendar: WorkCalendar;
}

/** Draws one case: type, level, subject, status and the dated steps that lead to that status. */
export function planCase(rng: Rng, seq: number, ctx: PlanContext): CasePlan {
  const type = rng.weighted(TYPE_MIX);
  let subject: SubjectEntry | undefined;
  let charge: ChargeEntry | undefined;
  if (type === 'HS') charge = rng.weighted(charges());
  else subject = rng.weighted(subjectsOf(type));
  const proceeding: ProceedingKind = subject?.proceeding ?? 'lawsuit';
  const appealable = proceeding === 'lawsuit' && type !== 'PS' && type !== 'BPXLHC';
  const level: ProcedureLevel = appealable && rng.chance(0.06) ? 'PT' : 'ST';

  const weights =
    level === 'PT' ? APPEAL : proceeding === 'petition' ? PETITION : type === 'HS' ? CRIMINAL : type === 'HC' ? ADMINISTRATIVE : FIRST_INSTANCE;
  const status = rng.weighted(statusTable(weights));
  const civilLawsuit = proceeding === 'lawsuit' && level === 'ST' && (type === 'DS' || type === 'HNGĐ' || type === 'KDTM' || type === 'LĐ');
  const sessionKind: HearingKind | undefined = civilLawsuit ? 'mediation' : type === 'HC' && level === 'ST' ? 'dialogue' : undefined;
  const d = durations(type, level, proceeding, charge);
  const { accepted, steps } = layOut(rng, ctx, status, { sessionKind, durations: d, petition: proceeding === 'petition', civilLawsuit });
  return { seq, type, level, proceeding, ...(subject ? { subject } : {}), ...(charge ? { charge } : {}), status, accepted, steps };
}

interface Shape {
  readonly sessionKind: HearingKind | undefined;
  readonly durations: Durations;
  readonly petition: boolean;
  readonly civilLawsuit: boolean;
}

function layOut(rng: Rng, ctx: PlanContext, status: CaseStatus, shape: Shape): { accepted: number; steps: Step[] } {
  const { today, calendar: cal } = ctx;
  const steps: Step[] = [];
  const [prepMin, prepMax] = shape.durations.prep;
  const [leadMin, leadMax] = shape.durations.lead;

  /** A failed mediation or dialogue between acceptance and `before`, when there is room for one. */
  const pastSession = (accepted: number, before: number, chance = 1) => {
    if (shape.sessionKind && before - accepted >= 25 && rng.chance(chance)) {
      const day = cal.onOrBefore(accepted + rng.int(15, Math.min(45, before - accepted - 7)));
      steps.push({ kind: 'session', hearingKind: shape.sessionKind, day, result: 'failed' });
    }
  };

  /** The trial chain ending on `trialDay`: acceptance, session, decision, adjourned first trial. */
  const trialChain = (trialDay: number, result: 'scheduled' | 'held'): number => {
    let adjourned: number | undefined;
    if (rng.chance(0.2)) {
      adjourned = cal.onOrBefore(trialDay - rng.int(7, 28));
      if (adjourned >= today) adjourned = undefined;
    }
    const firstTrial = adjourned ?? trialDay;
    let decisionDay = cal.onOrBefore(firstTrial - rng.int(leadMin, leadMax));
    if (decisionDay > today) decisionDay = today;
    const accepted = cal.onOrBefore(decisionDay - rng.int(prepMin, prepMax));
    pastSession(accepted, decisionDay, 0.85);
    if (!shape.petition) steps.push({ kind: 'trialDecision', day: decisionDay });
    if (adjourned !== undefined) steps.push({ kind: 'trial', day: adjourned, result: 'adjourned' });
    steps.push({ kind: 'trial', day: trialDay, result });
    return accepted;
  };

  /** A mediation that ended in settlement on `day`, and the decision recognising it 7 days on. */
  const settlement = (day: number): number => {
    const accepted = cal.onOrBefore(day - rng.int(15, 45));
    steps.push({ kind: 'session', hearingKind: 'mediation', day, result: 'settled' });
    const decisionDay = cal.onOrAfter(day + 7);
    if (decisionDay < today) steps.push({ kind: 'decision', decision: 'settlement', day: decisionDay });
    return accepted;
  };

  switch (status) {
    case 'accepted':
      return { accepted: cal.onOrBefore(today - rng.int(0, 10)), steps };
    case 'preparing': {
      const accepted = cal.onOrBefore(today - rng.int(11, Math.max(12, prepMax - 5)));
      if (shape.sessionKind) {
        const simulated = accepted + rng.int(15, 45);
        const day = simulated < today ? cal.onOrBefore(simulated) : cal.addWorkingDays(today, nearOffset(rng, 15));
        steps.push({ kind: 'session', hearingKind: shape.sessionKind, day, result: day < today ? 'failed' : 'scheduled' });
      }
      return { accepted, steps };
    }
    case 'scheduled':
      return { accepted: trialChain(cal.addWorkingDays(today, nearOffset(rng, 20)), 'scheduled'), steps };
    case 'decided':
      return { accepted: trialChain(cal.onOrBefore(today - rng.int(1, 25)), 'held'), steps };
    case 'appealed': {
      const accepted = trialChain(cal.onOrBefore(today - rng.int(16, 220)), 'held');
      const trialDay = steps[steps.length - 1]!.day;
      steps.push({ kind: 'appeal', day: cal.onOrBefore(Math.min(trialDay + rng.int(3, 15), today - 1)) });
      return { accepted, steps };
    }
    case 'effective':
      if (shape.civilLawsuit && rng.chance(0.22)) return { accepted: settlement(cal.onOrBefore(today - rng.int(38, 420))), steps };
      return { accepted: trialChain(cal.onOrBefore(today - rng.int(31, 400)), 'held'), steps };
    case 'settled':
      return { accepted: settlement(cal.onOrBefore(today - rng.int(1, 30))), steps };
    case 'terminated':
    case 'suspended': {
      const day = cal.onOrBefore(today - rng.int(3, status === 'terminated' ? 400 : 220));
      const accepted = cal.onOrBefore(day - rng.int(20, 120));
      pastSession(accepted, day, 0.5);
      steps.push({ kind: 'decision', decision: status === 'terminated' ? 'termination' : 'suspension', day });
      return { accepted, steps };
    }
  }
}
