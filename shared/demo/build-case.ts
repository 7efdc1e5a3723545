/**
 * Turns a planned case (./plan.ts) into a full `Case`: staff assignment, parties, the trial panel,
 * hearings booked in rooms, documents, and official numbers requested from the number book (they
 * are filled in when the book resolves, after every case is built).
 */
import type { Case, CaseDocumentRef, Hearing, PanelMember, Party, StaffMember } from '../domain/schemas.js';
import type { Attendance, DocumentKind, DocumentStatus, HearingKind, PanelRole } from '../domain/vocabulary.js';
import { fromDayNumber, localDateTime, timestampAt, type WorkCalendar } from './calendar.js';
import type { StaffDirectory } from './court.js';
import type { NumberBook } from './numbering.js';
import {
  acceptanceNoticeTitle,
  adjournmentReason,
  closingReason,
  decisionTitle,
  sessionOutcome,
  trialOutcome,
} from './outcomes.js';
import { buildParties } from './parties.js';
import type { CasePlan } from './plan.js';
import type { Rng } from './prng.js';
import type { HearingScheduler } from './schedule.js';

export interface BuildContext {
  readonly today: number;
  readonly year: number;
  readonly calendar: WorkCalendar;
  readonly courtId: string;
  readonly staff: StaffDirectory;
  readonly scheduler: HearingScheduler;
  readonly numbers: NumberBook;
}

/** A `Case` whose official numbers arrive later; the fields are plain so the book can set them. */
export type CaseDraft = { -readonly [K in keyof Case]: Case[K] };
type DocumentDraft = { -readonly [K in keyof CaseDocumentRef]: CaseDocumentRef[K] };

const pad2 = (n: number) => String(n).padStart(2, '0');

function trialMinutes(rng: Rng, plan: CasePlan): number {
  if (plan.proceeding === 'petition') return 60;
  if (plan.level === 'PT') return 120;
  switch (plan.charge?.offenceClass) {
    case undefined:
      return rng.pick([90, 120]);
    case 'lessSerious':
      return rng.pick([90, 120]);
    case 'serious':
      return rng.pick([120, 180]);
    default:
      return 240;
  }
}

/** Up to `count` members of `pool` not yet in `taken` (which records them). */
function distinct(rng: Rng, pool: readonly StaffMember[], count: number, taken: Set<string>): StaffMember[] {
  const chosen: StaffMember[] = [];
  // Random draws, not a filtered copy: pools run to hundreds at benchmark sizes. A pool smaller
  // than asked simply yields fewer members after a bounded number of tries.
  for (let tries = 0; chosen.length < count && tries < count * 40; tries += 1) {
    const pick = rng.pick(pool);
    if (!taken.has(pick.id)) {
      taken.add(pick.id);
      chosen.push(pick);
    }
  }
  return chosen;
}

/**
 * The panel (Hội đồng xét xử) and the officers of the hearing. First instance: the judge and two
 * lay assessors, or two judges and three assessors for the gravest or most complex cases; appeal: three judges;
 * a petition: the judge alone. The prosecutor attends criminal, administrative and petition
 * hearings, and civil ones where the procuracy takes part (land, minors: about two in five).
 */
function buildPanel(rng: Rng, plan: CasePlan, judge: StaffMember, clerk: StaffMember, staff: StaffDirectory, prefix: string, parties: readonly Party[]): PanelMember[] {
  const members: Array<[PanelRole, StaffMember]> = [['presidingJudge', judge]];
  const used = new Set([judge.id]);
  const add = (role: PanelRole, people: readonly StaffMember[]) => {
    for (const person of people) members.push([role, person]);
  };
  if (plan.level === 'PT') {
    add('judge', distinct(rng, staff.judges, 2, used));
  } else if (plan.proceeding === 'lawsuit') {
    // Two judges and three assessors for the gravest crimes and for the rare complex civil case.
    const large =
      plan.charge?.offenceClass === 'especiallySerious' ||
      (plan.charge?.offenceClass === 'verySerious' && rng.chance(0.3)) ||
      (plan.type !== 'HS' && rng.chance(0.03));
    if (large) add('judge', distinct(rng, staff.judges, 1, used));
    // With a minor accused or victim, one assessor must be a teacher or a Youth Union officer.
    if (parties.some((p) => p.isMinor)) add('assessor', distinct(rng, staff.youthAssessors, 1, used));
    const assessors = members.filter(([role]) => role === 'assessor').length;
    add('assessor', distinct(rng, staff.assessors, (large ? 3 : 2) - assessors, used));
    if (large) add('alternateJudge', distinct(rng, staff.judges, 1, used));
    if (rng.chance(large ? 0.6 : 0.08)) add('alternateAssessor', distinct(rng, staff.assessors, 1, used));
  }
  used.add(clerk.id);
  add('clerk', [clerk]);
  const prosecutorAttends = plan.type === 'HS' || plan.type === 'HC' || plan.proceeding === 'petition' || plan.level === 'PT' || rng.chance(0.4);
  if (prosecutorAttends) {
    const [prosecutor] = distinct(rng, staff.prosecutors, 1, used);
    if (prosecutor) add('prosecutor', [prosecutor]);
  }
  return members.map(([role, person], i) => ({ id: `${prefix}-${pad2(i + 1)}`, role, staffId: person.id, name: person.name, order: i + 1 }));
}

function attendanceOf(rng: Rng, parties: readonly Party[], absentId?: string): Record<string, Attendance> {
  const out: Record<string, Attendance> = {};
  for (const party of parties) {
    const presentChance = party.role === 'witness' ? 0.7 : 0.93;
    out[party.id] = party.id === absentId ? 'absent' : rng.chance(presentChance) ? 'present' : 'absent';
  }
  return out;
}

/** Builds the case; its official numbers are filled in when `ctx.numbers` resolves. */
export function buildCase(rng: Rng, plan: CasePlan, caseNo: number, ctx: BuildContext): CaseDraft {
  const n = String(caseNo).padStart(6, '0');
  const { staff, calendar, today, numbers } = ctx;
  /** The last working day before today: paper steps that follow a moved hearing stay in the past. */
  const lastPastDay = calendar.onOrBefore(today - 1);
  const judge = rng.pick(staff.judges);
  const clerk = rng.pick(staff.clerksByJudge.get(judge.id) ?? staff.all.filter((s) => s.role === 'clerk'));
  const parties = buildParties(rng, plan, `p-${n}`, ctx.year);
  const hearings: Hearing[] = [];
  const documents: DocumentDraft[] = [];
  let panel: PanelMember[] = [];
  let notes = '';

  const at = (day: number) => timestampAt(day, rng.int(7 * 60 + 30, 16 * 60 + 30));
  const addDocument = (kind: DocumentKind, title: string, status: DocumentStatus, day: number, settledDays = 0): DocumentDraft => {
    const createdAt = at(day);
    const updatedDay = Math.min(day + settledDays, today);
    const document: DocumentDraft = {
      id: `d-${n}-${pad2(documents.length + 1)}`,
      kind,
      title,
      status,
      createdAt,
      updatedAt: updatedDay > day ? at(updatedDay) : createdAt,
    };
    documents.push(document);
    return document;
  };
  const numbered = (document: DocumentDraft) => (number: string) => {
    document.number = number;
  };

  const draft: CaseDraft = {
    id: `c-${n}`,
    courtId: ctx.courtId,
    proceeding: plan.proceeding,
    type: plan.type,
    level: plan.level,
    acceptanceNumber: '',
    acceptanceDate: '',
    subject: plan.charge?.charge ?? plan.subject?.subject ?? '',
    status: plan.status,
    ...(plan.charge ? { offenceClass: plan.charge.offenceClass } : {}),
    judgeId: judge.id,
    clerkId: clerk.id,
    parties,
    panel: [],
    hearings,
    documents,
    notes: '',
    createdAt: '',
    updatedAt: '',
  };
  draft.acceptanceDate = fromDayNumber(plan.accepted);
  draft.createdAt = at(plan.accepted);
  numbers.request('acceptance', plan.type, plan.level, plan.accepted, plan.seq, (number) => {
    draft.acceptanceNumber = number;
  });
  addDocument('other', acceptanceNoticeTitle(plan), 'signed', plan.accepted);

  const closedTrial = plan.charge?.closed === true || parties.some((p) => p.isMinor) || (plan.type === 'HNGĐ' && rng.chance(0.15));
  const trialSteps = plan.steps.filter((s) => s.kind === 'trial');
  const effectiveJudgment = plan.status === 'effective';
  let previous = plan.accepted;
  /** Criminal trial decisions must reach the accused 10 days before the trial (BLTTHS Điều 286). */
  let earliestTrial = previous + 1;
  let hearingCount = 0;
  const nextHearingId = () => `h-${n}-${pad2(++hearingCount)}`;

  for (const step of plan.steps) {
    switch (step.kind) {
      case 'session': {
        const booking = ctx.scheduler.book(rng, { kind: step.hearingKind, day: step.day, judgeId: judge.id, durationMinutes: 60, notBefore: previous + 1 });
        const result = step.result !== 'scheduled' && booking.day < today ? step.result : undefined;
        const held = result !== undefined;
        hearings.push(hearing(nextHearingId(), step.hearingKind, booking, {
          status: held ? 'held' : 'scheduled',
          outcome: result ? sessionOutcome(step.hearingKind, result) : '',
          attendance: held ? attendanceOf(rng, parties) : {},
        }));
        if (held) {
          const title = step.hearingKind === 'dialogue' ? 'Biên bản đối thoại' : step.result === 'settled' ? 'Biên bản hòa giải thành' : 'Biên bản hòa giải';
          addDocument(step.hearingKind === 'dialogue' ? 'other' : 'mediationMinutes', title, 'signed', booking.day);
        }
        previous = booking.day;
        break;
      }
      case 'trialDecision': {
        // A mediation moved to a later day by the room booking still comes before the decision.
        const day = Math.min(Math.max(step.day, previous), today);
        draft.trialDecisionDate = fromDayNumber(day);
        const document = addDocument('decision', 'Quyết định đưa vụ án ra xét xử', 'signed', day);
        numbers.request('trialDecision', plan.type, plan.level, day, plan.seq, (number) => {
          draft.trialDecisionNumber = number;
          document.number = number;
        });
        panel = buildPanel(rng, plan, judge, clerk, staff, `m-${n}`, parties);
        previous = day;
        earliestTrial = day + 10;
        break;
      }
      case 'trial': {
        if (panel.length === 0) panel = buildPanel(rng, plan, judge, clerk, staff, `m-${n}`, parties);
        const booking = ctx.scheduler.book(rng, { kind: 'trial', day: step.day, judgeId: judge.id, durationMinutes: trialMinutes(rng, plan), notBefore: Math.max(previous + 1, earliestTrial) });
        const id = nextHearingId();
        const petition = plan.proceeding === 'petition';
        const online = rng.chance(0.04);
        if (step.result === 'adjourned') {
          const { reason, absentId } = adjournmentReason(rng, plan.type, parties);
          const last = trialSteps[trialSteps.length - 1] !== step;
          hearings.push(hearing(id, 'trial', booking, {
            status: 'adjourned',
            closed: closedTrial,
            online,
            adjournmentReason: reason,
            ...(last ? { rescheduledTo: `h-${n}-${pad2(hearingCount + 1)}` } : {}),
            attendance: attendanceOf(rng, parties, absentId),
          }));
          const document = addDocument('decision', petition ? 'Quyết định hoãn phiên họp' : 'Quyết định hoãn phiên tòa', 'signed', booking.day);
          if (!petition) numbers.request('adjournment', plan.type, plan.level, booking.day, plan.seq, numbered(document));
        } else if (step.result === 'held' && booking.day < today) {
          hearings.push(hearing(id, 'trial', booking, {
            status: 'held',
            closed: closedTrial,
            online,
            outcome: trialOutcome(rng, plan, parties),
            attendance: attendanceOf(rng, parties),
          }));
          const locked: DocumentStatus = effectiveJudgment ? 'locked' : 'signed';
          addDocument(petition ? 'other' : 'hearingMinutes', petition ? 'Biên bản phiên họp' : 'Biên bản phiên tòa', locked, booking.day, 1);
          if (petition) {
            const document = addDocument('decision', plan.subject?.decisionTitle ?? 'Quyết định giải quyết việc dân sự', effectiveJudgment ? 'published' : 'signed', booking.day, 2);
            numbers.request('decision', plan.type, plan.level, booking.day, plan.seq, numbered(document));
          } else {
            addDocument('deliberationMinutes', 'Biên bản nghị án', 'locked', booking.day);
            const published = effectiveJudgment && rng.chance(0.6);
            const title = plan.level === 'PT' ? 'Bản án phúc thẩm' : 'Bản án sơ thẩm';
            const document = addDocument('judgment', title, published ? 'published' : effectiveJudgment ? 'locked' : 'signed', booking.day, published ? rng.int(10, 30) : 3);
            draft.judgmentDate = fromDayNumber(booking.day);
            numbers.request('judgment', plan.type, plan.level, booking.day, plan.seq, (number) => {
              draft.judgmentNumber = number;
              document.number = number;
            });
          }
        } else {
          hearings.push(hearing(id, 'trial', booking, { status: 'scheduled', closed: closedTrial, online }));
          if (booking.day === today && !petition) addDocument('hearingMinutes', 'Biên bản phiên tòa', 'draft', today);
        }
        previous = booking.day;
        break;
      }
      case 'decision': {
        const day = Math.min(Math.max(step.day, previous), lastPastDay);
        const document = addDocument('decision', decisionTitle(plan, step.decision), 'signed', day);
        numbers.request('decision', plan.type, plan.level, day, plan.seq, numbered(document));
        if (step.decision !== 'settlement') notes = closingReason(rng, plan, step.decision);
        previous = day;
        break;
      }
      case 'appeal': {
        const appellant = plan.type === 'HS' ? 'Đơn kháng cáo của bị cáo' : plan.type === 'HC' ? 'Đơn kháng cáo của người khởi kiện' : 'Đơn kháng cáo của đương sự';
        addDocument('other', appellant, 'signed', Math.min(Math.max(step.day, previous + 1), lastPastDay));
        break;
      }
    }
  }

  draft.panel = panel;
  draft.notes = notes;
  draft.updatedAt = documents.reduce((latest, d) => (d.updatedAt > latest ? d.updatedAt : latest), draft.createdAt);
  return draft;
}

/**
 * The finished case, its keys in the schema's order (numbers were set after the other fields, so
 * the draft has them last): the JSON reads like the schema and stays byte-stable.
 */
export function finalizeCase(d: CaseDraft): Case {
  return {
    id: d.id,
    courtId: d.courtId,
    proceeding: d.proceeding,
    type: d.type,
    level: d.level,
    acceptanceNumber: d.acceptanceNumber,
    acceptanceDate: d.acceptanceDate,
    subject: d.subject,
    status: d.status,
    ...(d.offenceClass !== undefined ? { offenceClass: d.offenceClass } : {}),
    ...(d.judgeId !== undefined ? { judgeId: d.judgeId } : {}),
    ...(d.clerkId !== undefined ? { clerkId: d.clerkId } : {}),
    ...(d.trialDecisionNumber !== undefined ? { trialDecisionNumber: d.trialDecisionNumber } : {}),
    ...(d.trialDecisionDate !== undefined ? { trialDecisionDate: d.trialDecisionDate } : {}),
    ...(d.judgmentNumber !== undefined ? { judgmentNumber: d.judgmentNumber } : {}),
    ...(d.judgmentDate !== undefined ? { judgmentDate: d.judgmentDate } : {}),
    parties: d.parties,
    panel: d.panel,
    hearings: d.hearings,
    documents: d.documents.map((doc) => ({
      id: doc.id,
      kind: doc.kind,
      title: doc.title,
      ...(doc.number !== undefined ? { number: doc.number } : {}),
      status: doc.status,
      createdAt: doc.createdAt,
      updatedAt: doc.updatedAt,
    })),
    notes: d.notes,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
  };
}

interface HearingFields {
  readonly status: Hearing['status'];
  readonly closed?: boolean;
  readonly online?: boolean;
  readonly outcome?: string;
  readonly adjournmentReason?: string;
  readonly rescheduledTo?: string;
  readonly attendance?: Record<string, Attendance>;
}

function hearing(id: string, kind: HearingKind, booking: { day: number; start: number; room: string; durationMinutes: number }, fields: HearingFields): Hearing {
  return {
    id,
    kind,
    startsAt: localDateTime(booking.day, booking.start),
    durationMinutes: booking.durationMinutes,
    room: booking.room,
    closed: fields.closed ?? false,
    online: fields.online ?? false,
    status: fields.status,
    outcome: fields.outcome ?? '',
    adjournmentReason: fields.adjournmentReason ?? '',
    ...(fields.rescheduledTo !== undefined ? { rescheduledTo: fields.rescheduledTo } : {}),
    attendance: fields.attendance ?? {},
  };
}
