/**
 * The procedural events that start and end deadlines, read from what the Case schema stores:
 * thụ lý (acceptanceDate), the trial decision (trialDecisionDate), the pronouncement
 * (judgmentDate), the hearings (held, adjourned) and, for a settlement, a held mediation whose
 * outcome says "hòa giải thành". The schema keeps no status history, so dates it lacks (legal
 * effect, suspension, resumption) come in as optional inputs ({@link ExtraEvents}).
 */
import type { Case } from '../domain/schemas.js';
import { foldVietnamese } from '../text/fold.js';
import { toDay } from './dates.js';
import type { EndEvent, StartEvent } from './rule-table.js';

/** Dates the case schema does not store; a caller that knows them passes them in. */
export interface ExtraEvents {
  /** Ngày bản án, quyết định có hiệu lực pháp luật (starts the publication limit). */
  readonly legalEffectDate?: string;
  /** Ngày quyết định tạm đình chỉ (shown with a paused deadline). */
  readonly suspendedOn?: string;
  /** Ngày quyết định tiếp tục giải quyết / phục hồi (restarts preparation limits). */
  readonly resumedOn?: string;
  /** Rules whose extension (gia hạn) was granted: their due date is the cap. */
  readonly extendedRuleIds?: readonly string[];
}

/** Day numbers of what happened in a case, computed once per case. */
export interface CaseEvents {
  readonly starts: Partial<Record<Exclude<StartEvent, 'resumption'>, number>>;
  /** For each end event, the days it happened on, ascending. */
  readonly ends: Record<EndEvent, readonly number[]>;
  /** Days of hearings still scheduled (not yet held), ascending, by whether they are trials. */
  readonly scheduledTrials: readonly number[];
  readonly scheduledHearings: readonly number[];
}

const SETTLED = /(^|[^a-z])hoa giai thanh/;
const NOT_SETTLED = /khong thanh/;

function isSettledOutcome(outcome: string): boolean {
  if (outcome === '') return false;
  const folded = foldVietnamese(outcome);
  return SETTLED.test(folded) && !NOT_SETTLED.test(folded);
}

export function caseEvents(c: Case, extra: ExtraEvents = {}): CaseEvents {
  const trialOpened: number[] = [];
  const trialHeld: number[] = [];
  const hearingHeld: number[] = [];
  let adjournment: number | undefined;
  let mediationSettled: number | undefined;
  const scheduledTrials: number[] = [];
  const scheduledHearings: number[] = [];
  for (const hearing of c.hearings) {
    if (hearing.status === 'scheduled') {
      const day = toDay(hearing.startsAt);
      scheduledHearings.push(day);
      if (hearing.kind === 'trial') scheduledTrials.push(day);
      continue;
    }
    if (hearing.status !== 'held' && hearing.status !== 'adjourned') continue;
    const day = toDay(hearing.startsAt);
    if (hearing.kind === 'trial') {
      trialOpened.push(day);
      if (hearing.status === 'held') trialHeld.push(day);
      else if (adjournment === undefined || day > adjournment) adjournment = day;
    }
    if (hearing.status === 'held') {
      hearingHeld.push(day);
      if (hearing.kind === 'mediation' && isSettledOutcome(hearing.outcome) && (mediationSettled === undefined || day > mediationSettled)) {
        mediationSettled = day;
      }
    }
  }
  const sort = (days: number[]) => days.sort((a, b) => a - b);
  const trialDecision = c.trialDecisionDate === undefined ? undefined : toDay(c.trialDecisionDate);
  const judgment = c.judgmentDate === undefined ? undefined : toDay(c.judgmentDate);
  const starts: CaseEvents['starts'] = { acceptance: toDay(c.acceptanceDate) };
  if (trialDecision !== undefined) starts.trialDecision = trialDecision;
  if (judgment !== undefined) starts.judgment = judgment;
  if (adjournment !== undefined) starts.adjournment = adjournment;
  if (mediationSettled !== undefined) starts.mediationSettled = mediationSettled;
  if (extra.legalEffectDate !== undefined) starts.legalEffect = toDay(extra.legalEffectDate);
  return {
    starts,
    ends: {
      trialDecision: trialDecision === undefined ? [] : [trialDecision],
      judgment: judgment === undefined ? [] : [judgment],
      trialOpened: sort(trialOpened),
      trialHeld: sort(trialHeld),
      hearingHeld: sort(hearingHeld),
    },
    scheduledTrials: sort(scheduledTrials),
    scheduledHearings: sort(scheduledHearings),
  };
}
