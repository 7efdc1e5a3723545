/**
 * Worked examples, one or more per rule of the bundled table. Every expected date was worked out
 * by hand from the rule (length, unit, start event) and the 2025 calendar: weekends, Tết Ất Tỵ
 * (27–31/01/2025, Thông báo 6150), Giỗ Tổ 07/4, 30/4–01/5 with the 02/5 swap, 01–02/9.
 */
import { describe, expect, it } from 'vitest';
import { computeDeadlines, defaultTables, type Deadline } from '../../../../shared/deadlines/index.js';
import type { Case } from '../../../../shared/domain/schemas.js';
import { hearing, makeCase } from './fixtures.js';

function find(c: Case, ruleId: string, today: string, events?: Parameters<typeof computeDeadlines>[1]['events']): Deadline {
  const found = computeDeadlines(c, { today, ...(events ? { events } : {}) }).find((d) => d.ruleId === ruleId);
  if (!found) throw new Error(`no deadline ${ruleId}`);
  return found;
}

interface Example {
  readonly rule: string;
  readonly c: Case;
  readonly today: string;
  readonly start: [string, string];
  readonly due: string;
  readonly movedFrom?: string;
  readonly max?: string;
}

const civilJudgment = makeCase({ type: 'DS', acceptanceDate: '2025-01-06', status: 'decided', trialDecisionDate: '2025-05-20', judgmentDate: '2025-06-20' });
const criminalJudgment = makeCase({ type: 'HS', offenceClass: 'serious', acceptanceDate: '2025-01-06', status: 'decided', trialDecisionDate: '2025-03-10', judgmentDate: '2025-03-28' });

const EXAMPLES: Example[] = [
  // 3 working days from Thu 23/01/2025: Fri 24, then Tết and two weekends, Mon 03/02, Tue 04/02.
  { rule: 'ds.st.acceptance-notice', c: makeCase({ type: 'DS', acceptanceDate: '2025-01-23' }), today: '2025-01-24', start: ['acceptance', '2025-01-23'], due: '2025-02-04' },
  { rule: 'ds.st.preparation', c: makeCase({ type: 'DS', acceptanceDate: '2025-03-10', status: 'preparing' }), today: '2025-06-01', start: ['acceptance', '2025-03-10'], due: '2025-07-10', max: '2025-09-10' },
  // Moved by a weekend: 08/02 + 4 months = Sun 08/06 → Mon 09/06.
  { rule: 'ds.st.preparation', c: makeCase({ type: 'HNGĐ', acceptanceDate: '2025-02-08', status: 'preparing' }), today: '2025-06-01', start: ['acceptance', '2025-02-08'], due: '2025-06-09', movedFrom: '2025-06-08', max: '2025-08-08' },
  // Month end: 31/12 + 2 months = 28/02/2026 (no 31st), a Saturday → Mon 02/03/2026.
  { rule: 'kdtm.st.preparation', c: makeCase({ type: 'KDTM', acceptanceDate: '2025-12-31', status: 'preparing' }), today: '2026-01-05', start: ['acceptance', '2025-12-31'], due: '2026-03-02', movedFrom: '2026-02-28', max: '2026-03-31' },
  { rule: 'kdtm.st.preparation', c: makeCase({ type: 'LĐ', acceptanceDate: '2025-10-31', status: 'preparing' }), today: '2025-11-28', start: ['acceptance', '2025-10-31'], due: '2025-12-31', max: '2026-02-02' },
  // 01/08 + 1 month = Mon 01/09, Quốc khánh (01–02/9/2025) → Wed 03/09.
  { rule: 'ds.st.hearing-after-decision', c: makeCase({ type: 'DS', acceptanceDate: '2025-04-01', status: 'scheduled', trialDecisionDate: '2025-08-01' }), today: '2025-08-20', start: ['trialDecision', '2025-08-01'], due: '2025-09-03', movedFrom: '2025-09-01', max: '2025-10-01' },
  {
    rule: 'ds.st.adjournment',
    c: makeCase({ type: 'DS', acceptanceDate: '2024-12-02', status: 'scheduled', trialDecisionDate: '2025-03-01', hearings: [hearing('h1', '2025-03-14T08:00', 'adjourned', { adjournmentReason: 'Bị đơn vắng mặt' })] }),
    today: '2025-03-20',
    start: ['adjournment', '2025-03-14'],
    due: '2025-04-14',
  },
  // 25/04 + 7 days = Fri 02/05/2025, swapped off (worked Sat 26/04) → Mon 05/05.
  {
    rule: 'ds.st.settlement-decision',
    c: makeCase({ type: 'DS', acceptanceDate: '2025-02-03', status: 'preparing', hearings: [hearing('m1', '2025-04-25T08:00', 'held', { kind: 'mediation', outcome: 'Hòa giải thành: các đương sự thỏa thuận được với nhau' })] }),
    today: '2025-04-28',
    start: ['mediationSettled', '2025-04-25'],
    due: '2025-05-05',
    movedFrom: '2025-05-02',
  },
  { rule: 'ds.st.judgment-delivery', c: civilJudgment, today: '2025-06-23', start: ['judgment', '2025-06-20'], due: '2025-06-30' },
  { rule: 'ds.st.appeal', c: civilJudgment, today: '2025-06-23', start: ['judgment', '2025-06-20'], due: '2025-07-07', movedFrom: '2025-07-05' },
  { rule: 'ds.st.protest-same-level', c: civilJudgment, today: '2025-06-23', start: ['judgment', '2025-06-20'], due: '2025-07-07', movedFrom: '2025-07-05' },
  { rule: 'ds.st.protest-higher-level', c: civilJudgment, today: '2025-06-23', start: ['judgment', '2025-06-20'], due: '2025-07-21', movedFrom: '2025-07-20' },
  { rule: 'ds.viec.preparation', c: makeCase({ type: 'HNGĐ', proceeding: 'petition', acceptanceDate: '2025-12-30', status: 'preparing' }), today: '2026-01-05', start: ['acceptance', '2025-12-30'], due: '2026-01-30' },
  { rule: 'ds.pt.preparation', c: makeCase({ type: 'DS', level: 'PT', acceptanceDate: '2025-05-15', status: 'preparing' }), today: '2025-06-01', start: ['acceptance', '2025-05-15'], due: '2025-07-15', max: '2025-08-15' },
  { rule: 'ds.pt.hearing-after-decision', c: makeCase({ type: 'DS', level: 'PT', acceptanceDate: '2025-05-15', status: 'scheduled', trialDecisionDate: '2025-07-10' }), today: '2025-07-11', start: ['trialDecision', '2025-07-10'], due: '2025-08-11', movedFrom: '2025-08-10', max: '2025-09-10' },
  // Across Tết: 28/12/2024 + 30 days = Mon 27/01/2025, Tết (27–31/01) then a weekend → Mon 03/02.
  { rule: 'hs.st.preparation.less-serious', c: makeCase({ type: 'HS', offenceClass: 'lessSerious', acceptanceDate: '2024-12-28', status: 'preparing' }), today: '2025-01-15', start: ['acceptance', '2024-12-28'], due: '2025-02-03', movedFrom: '2025-01-27', max: '2025-02-11' },
  { rule: 'hs.st.preparation.serious', c: makeCase({ type: 'HS', offenceClass: 'serious', acceptanceDate: '2025-03-03', status: 'preparing' }), today: '2025-04-01', start: ['acceptance', '2025-03-03'], due: '2025-04-17', max: '2025-05-05' },
  { rule: 'hs.st.preparation.very-serious', c: makeCase({ type: 'HS', offenceClass: 'verySerious', acceptanceDate: '2025-02-28', status: 'preparing' }), today: '2025-04-01', start: ['acceptance', '2025-02-28'], due: '2025-04-28', max: '2025-05-28' },
  // 30/11/2024 + 3 months = 28/02/2025 (no 30th in February).
  { rule: 'hs.st.preparation.especially-serious', c: makeCase({ type: 'HS', offenceClass: 'especiallySerious', acceptanceDate: '2024-11-30', status: 'preparing' }), today: '2025-01-02', start: ['acceptance', '2024-11-30'], due: '2025-02-28', max: '2025-03-31' },
  // 15/04 + 15 = 30/04 (holiday), 01/05 (holiday), 02/05 (swap), weekend → Mon 05/05.
  { rule: 'hs.st.hearing-after-decision', c: makeCase({ type: 'HS', offenceClass: 'serious', acceptanceDate: '2025-03-03', status: 'scheduled', trialDecisionDate: '2025-04-15' }), today: '2025-04-16', start: ['trialDecision', '2025-04-15'], due: '2025-05-05', movedFrom: '2025-04-30', max: '2025-05-15' },
  {
    rule: 'hs.st.adjournment',
    c: makeCase({ type: 'HS', offenceClass: 'serious', acceptanceDate: '2025-06-02', status: 'scheduled', trialDecisionDate: '2025-07-20', hearings: [hearing('h1', '2025-08-05T08:00', 'adjourned')] }),
    today: '2025-08-06',
    start: ['adjournment', '2025-08-05'],
    due: '2025-09-04',
  },
  // 28/03 + 10 = Mon 07/04/2025, Giỗ Tổ Hùng Vương → Tue 08/04.
  { rule: 'hs.st.judgment-delivery', c: criminalJudgment, today: '2025-03-31', start: ['judgment', '2025-03-28'], due: '2025-04-08', movedFrom: '2025-04-07' },
  { rule: 'hs.st.appeal', c: criminalJudgment, today: '2025-03-31', start: ['judgment', '2025-03-28'], due: '2025-04-14', movedFrom: '2025-04-12' },
  { rule: 'hs.st.protest-same-level', c: criminalJudgment, today: '2025-03-31', start: ['judgment', '2025-03-28'], due: '2025-04-14', movedFrom: '2025-04-12' },
  { rule: 'hs.st.protest-higher-level', c: criminalJudgment, today: '2025-03-31', start: ['judgment', '2025-03-28'], due: '2025-04-28', movedFrom: '2025-04-27' },
  { rule: 'hs.pt.preparation', c: makeCase({ type: 'HS', level: 'PT', acceptanceDate: '2025-06-02', status: 'preparing' }), today: '2025-06-03', start: ['acceptance', '2025-06-02'], due: '2025-08-01' },
  { rule: 'hs.gdt.hearing', c: makeCase({ type: 'HS', level: 'GĐT', acceptanceDate: '2025-01-15', status: 'preparing' }), today: '2025-02-01', start: ['acceptance', '2025-01-15'], due: '2025-05-15' },
  { rule: 'hc.st.preparation', c: makeCase({ type: 'HC', acceptanceDate: '2025-01-20', status: 'preparing' }), today: '2025-02-01', start: ['acceptance', '2025-01-20'], due: '2025-05-20', max: '2025-07-21' },
  { rule: 'hc.st.hearing-after-decision', c: makeCase({ type: 'HC', acceptanceDate: '2025-01-20', status: 'scheduled', trialDecisionDate: '2025-06-10' }), today: '2025-06-11', start: ['trialDecision', '2025-06-10'], due: '2025-06-30', max: '2025-07-10' },
  {
    rule: 'hc.st.adjournment',
    c: makeCase({ type: 'HC', acceptanceDate: '2025-01-20', status: 'scheduled', trialDecisionDate: '2025-06-10', hearings: [hearing('h1', '2025-07-01T08:00', 'adjourned')] }),
    today: '2025-07-02',
    start: ['adjournment', '2025-07-01'],
    due: '2025-07-31',
  },
  { rule: 'hc.st.appeal', c: makeCase({ type: 'HC', acceptanceDate: '2025-01-20', status: 'decided', trialDecisionDate: '2025-09-01', judgmentDate: '2025-10-01' }), today: '2025-10-02', start: ['judgment', '2025-10-01'], due: '2025-10-16' },
];

describe('computeDeadlines: worked examples for every rule', () => {
  it.each(EXAMPLES.map((e) => [`${e.rule} from ${e.start[1]}`, e] as const))('%s', (_name, example) => {
    const d = find(example.c, example.rule, example.today);
    expect([d.startEvent, d.startDate]).toEqual(example.start);
    expect(d.dueDate).toBe(example.due);
    expect(d.movedFrom).toBe(example.movedFrom);
    expect(d.maxDueDate).toBe(example.max);
    expect(d.daysLeft).toBe(Math.round((Date.parse(example.due) - Date.parse(example.today)) / 86_400_000));
    expect(d.status).not.toBe('met');
  });

  it('covers every rule of the bundled table (publication is tested below)', () => {
    const covered = new Set([...EXAMPLES.map((e) => e.rule), 'pub.judgment-publication']);
    expect(defaultTables().rules.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it('starts the publication limit only from a legal-effect date given as input', () => {
    const c = makeCase({ type: 'DS', acceptanceDate: '2025-01-06', status: 'effective', trialDecisionDate: '2025-06-01', judgmentDate: '2025-07-01' });
    expect(computeDeadlines(c, { today: '2025-08-04' }).some((d) => d.ruleId === 'pub.judgment-publication')).toBe(false);
    // 03/08 + 30 = Tue 02/09/2025, Quốc khánh → Wed 03/09.
    const d = find(c, 'pub.judgment-publication', '2025-08-04', { legalEffectDate: '2025-08-03' });
    expect([d.startEvent, d.startDate, d.dueDate, d.movedFrom]).toEqual(['legalEffect', '2025-08-03', '2025-09-03', '2025-09-02']);
  });
});

describe('computeDeadlines: statuses', () => {
  const preparing = makeCase({ type: 'DS', acceptanceDate: '2025-03-10', status: 'preparing' });

  it('is running, then due soon, then overdue as today moves', () => {
    expect(find(preparing, 'ds.st.preparation', '2025-06-01').status).toBe('running');
    expect(find(preparing, 'ds.st.preparation', '2025-07-01')).toMatchObject({ status: 'dueSoon', daysLeft: 9 });
    expect(find(preparing, 'ds.st.preparation', '2025-07-10')).toMatchObject({ status: 'dueSoon', daysLeft: 0 });
    expect(find(preparing, 'ds.st.preparation', '2025-07-11')).toMatchObject({ status: 'overdue', daysLeft: -1 });
  });

  it('is met once the trial decision is made, even after the due date', () => {
    const decided = makeCase({ type: 'DS', acceptanceDate: '2025-03-10', status: 'scheduled', trialDecisionDate: '2025-07-25' });
    expect(find(decided, 'ds.st.preparation', '2025-08-01').status).toBe('met');
    expect(find(decided, 'ds.st.hearing-after-decision', '2025-08-01').status).toBe('running');
  });

  it('uses the extension cap as due date when the extension was granted', () => {
    const d = find(preparing, 'ds.st.preparation', '2025-07-20', { extendedRuleIds: ['ds.st.preparation'] });
    expect(d).toMatchObject({ dueDate: '2025-09-10', maxDueDate: '2025-09-10', extended: true, status: 'running' });
  });

  it('skips the criminal preparation limit when the offence class is unknown', () => {
    const c = makeCase({ type: 'HS', acceptanceDate: '2025-03-03', status: 'preparing' });
    expect(computeDeadlines(c, { today: '2025-03-04' }).filter((d) => d.ruleId.startsWith('hs.st.preparation'))).toEqual([]);
  });

  it('picks the preparation limit of the offence class only', () => {
    const c = makeCase({ type: 'HS', offenceClass: 'verySerious', acceptanceDate: '2025-03-03', status: 'preparing' });
    expect(computeDeadlines(c, { today: '2025-03-04' }).map((d) => d.ruleId)).toEqual(['hs.st.preparation.very-serious']);
  });

  it('refuses a malformed today', () => {
    expect(() => computeDeadlines(preparing, { today: '2025-02-30' })).toThrow(RangeError);
  });
});

describe('computeDeadlines: suspension (tạm đình chỉ) and adjournment (hoãn phiên tòa)', () => {
  it('pauses the preparation limit while the case is suspended', () => {
    const c = makeCase({ type: 'DS', acceptanceDate: '2025-01-10', status: 'suspended' });
    const d = find(c, 'ds.st.preparation', '2025-08-01', { suspendedOn: '2025-03-01' });
    expect(d).toMatchObject({ status: 'paused', dueDate: null, daysLeft: null });
    expect(d.note).toContain('tạm đình chỉ');
    expect(d.note).toContain('2025-03-01');
  });

  it('restarts the preparation limit in full from the resumption', () => {
    const c = makeCase({ type: 'DS', acceptanceDate: '2025-01-10', status: 'preparing' });
    const d = find(c, 'ds.st.preparation', '2025-06-01', { resumedOn: '2025-05-05' });
    expect(d).toMatchObject({ startEvent: 'resumption', startDate: '2025-05-05', dueDate: '2025-09-05', status: 'running' });
    // Without the resumption date it would be long overdue.
    expect(find(c, 'ds.st.preparation', '2025-06-01').status).toBe('overdue');
  });

  it('pauses the hearing limit of a case suspended after the trial decision', () => {
    const c = makeCase({ type: 'HS', offenceClass: 'serious', acceptanceDate: '2025-03-03', status: 'suspended', trialDecisionDate: '2025-04-15' });
    expect(find(c, 'hs.st.hearing-after-decision', '2025-06-01').status).toBe('paused');
  });

  it('an adjournment meets the hearing limit and starts the adjournment limit; the held hearing ends it', () => {
    const adjourned = makeCase({
      type: 'DS',
      acceptanceDate: '2024-12-02',
      status: 'scheduled',
      trialDecisionDate: '2025-03-01',
      hearings: [hearing('h1', '2025-03-14T08:00', 'adjourned', { rescheduledTo: 'h2' }), hearing('h2', '2025-04-10T08:00', 'scheduled')],
    });
    expect(find(adjourned, 'ds.st.hearing-after-decision', '2025-03-20').status).toBe('met');
    expect(find(adjourned, 'ds.st.adjournment', '2025-03-20')).toMatchObject({ status: 'running', dueDate: '2025-04-14' });

    const held = makeCase({ ...adjourned, hearings: [adjourned.hearings[0]!, { ...adjourned.hearings[1]!, status: 'held' }] });
    expect(find(held, 'ds.st.adjournment', '2025-04-11').status).toBe('met');
  });

  it('counts from the latest adjournment when a hearing is adjourned twice', () => {
    const c = makeCase({
      type: 'HS',
      offenceClass: 'serious',
      acceptanceDate: '2025-06-02',
      status: 'scheduled',
      trialDecisionDate: '2025-07-20',
      hearings: [hearing('h1', '2025-08-05T08:00', 'adjourned'), hearing('h2', '2025-08-25T08:00', 'adjourned')],
    });
    // 25/08 + 30 = Wed 24/09/2025.
    expect(find(c, 'hs.st.adjournment', '2025-08-26')).toMatchObject({ startDate: '2025-08-25', dueDate: '2025-09-24' });
  });

  it('warns when the hearing already scheduled falls after the due date', () => {
    const c = makeCase({ type: 'HS', offenceClass: 'serious', acceptanceDate: '2025-03-03', status: 'scheduled', trialDecisionDate: '2025-04-15', hearings: [hearing('h1', '2025-05-12T08:00', 'scheduled')] });
    expect(find(c, 'hs.st.hearing-after-decision', '2025-04-16').note).toContain('2025-05-12');
  });

  it('does not start a settlement wait after a failed mediation', () => {
    const c = makeCase({ type: 'DS', acceptanceDate: '2025-02-03', status: 'preparing', hearings: [hearing('m1', '2025-04-25T08:00', 'held', { kind: 'mediation', outcome: 'Hòa giải không thành' })] });
    expect(computeDeadlines(c, { today: '2025-04-28' }).some((d) => d.ruleId === 'ds.st.settlement-decision')).toBe(false);
  });
});
