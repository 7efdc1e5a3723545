import { beforeAll, describe, expect, it } from 'vitest';
import { parseCaseNumber } from '../../../../shared/domain/case-number.js';
import { DomainException } from '../../../../shared/domain/result.js';
import { CourtFileSchema, type Case, type CourtFile } from '../../../../shared/domain/schemas.js';
import {
  ACTING_ROLES,
  CASE_TYPES,
  PARTY_ROLES,
  PRINCIPAL_ROLES_BY_CASE_TYPE,
  type PartyRole,
} from '../../../../shared/domain/vocabulary.js';
import { mondayOf, toDayNumber, weekday } from '../../../../shared/demo/calendar.js';
import { DEMO_COURT, generateCourt, staffCounts, summarizeCourt } from '../../../../shared/demo/index.js';

const TODAY = '2025-11-28'; // a Friday
const day = (date: string) => toDayNumber(date.slice(0, 10));
const minutes = (startsAt: string) => Number(startsAt.slice(11, 13)) * 60 + Number(startsAt.slice(14, 16));

describe('generateCourt: validity and determinism', () => {
  it.each([
    [0, 1],
    [1, 1],
    [25, 2],
    [300, 1],
    [300, 42],
    [1000, 7],
  ])('%i cases, seed %i: passes CourtFileSchema and parsing changes nothing', (cases, seed) => {
    const file = generateCourt({ cases, seed, today: TODAY });
    const parsed = CourtFileSchema.parse(JSON.parse(JSON.stringify(file)));
    // Parsing is the identity: text already NFC and trimmed, numbers canonical, defaults present.
    expect(parsed).toEqual(file);
    expect(file.cases).toHaveLength(cases);
    expect(file.seed).toBe(seed);
  });

  it('gives byte-identical JSON for the same options', () => {
    const a = JSON.stringify(generateCourt({ cases: 300, seed: 9, today: TODAY }));
    const b = JSON.stringify(generateCourt({ cases: 300, seed: 9, today: TODAY }));
    expect(a).toBe(b);
  });

  it('gives different courts for different seeds and different days', () => {
    const base = JSON.stringify(generateCourt({ cases: 50, seed: 1, today: TODAY }).cases);
    expect(JSON.stringify(generateCourt({ cases: 50, seed: 2, today: TODAY }).cases)).not.toBe(base);
    expect(JSON.stringify(generateCourt({ cases: 50, seed: 1, today: '2025-12-05' }).cases)).not.toBe(base);
  });

  it('takes its timestamp from today, not the clock', () => {
    expect(generateCourt({ cases: 1, seed: 1, today: TODAY }).generatedAt).toBe('2025-11-28T00:00:00.000Z');
  });

  it.each([
    [{ cases: -1, seed: 1, today: TODAY }],
    [{ cases: 1.5, seed: 1, today: TODAY }],
    [{ cases: 1, seed: Number.NaN, today: TODAY }],
    [{ cases: 1, seed: 1, today: '2025-02-30' }],
    [{ cases: 1, seed: 1, today: '28/11/2025' }],
  ])('refuses bad options with a Vietnamese message: %j', (options) => {
    let caught: unknown;
    try {
      generateCourt(options);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainException);
    expect((caught as DomainException).error.code).toBe('demo.invalidOptions');
    expect((caught as DomainException).error.messageVi).toMatch(/phải/);
  });
});

describe('generateCourt: a plausible 300-case court', () => {
  let file: CourtFile;
  let cases: readonly Case[];
  const today = day(TODAY);

  beforeAll(() => {
    file = generateCourt({ cases: 300, seed: 1, today: TODAY });
    cases = file.cases;
  });

  it('is the regional court of Vĩnh Long', () => {
    expect(file.court).toEqual(DEMO_COURT);
    expect(file.court).toMatchObject({ name: 'Tòa án nhân dân khu vực 1 - Vĩnh Long', province: 'tỉnh Vĩnh Long', level: 'regional' });
    expect(file.court.procuracyName).toBe('Viện kiểm sát nhân dân khu vực 1 - Vĩnh Long');
  });

  it('has staff scaled to the caseload, every judge with a clerk', () => {
    expect(staffCounts(300)).toEqual({ judges: 8, clerks: 10, assessors: 20, prosecutors: 6 });
    const count = (role: string) => file.staff.filter((s) => s.role === role).length;
    expect([count('judge'), count('clerk'), count('assessor'), count('prosecutor')]).toEqual([8, 10, 20, 6]);
    const judges = new Set(file.staff.filter((s) => s.role === 'judge').map((s) => s.id));
    const served = new Set<string>();
    for (const clerk of file.staff.filter((s) => s.role === 'clerk')) {
      expect(clerk.servesJudgeIds.length).toBeGreaterThanOrEqual(1);
      expect(clerk.servesJudgeIds.length).toBeLessThanOrEqual(2);
      for (const id of clerk.servesJudgeIds) {
        expect(judges.has(id)).toBe(true);
        served.add(id);
      }
    }
    expect(served).toEqual(judges);
    for (const p of file.staff.filter((s) => s.role === 'prosecutor')) expect(p.organisation).toBe(file.court.procuracyName);
  });

  it('has every case type, civil and family most, mostly first instance', () => {
    const s = summarizeCourt(file);
    for (const type of CASE_TYPES.filter((t) => t !== 'PS')) expect(s.byType[type], type).toBeGreaterThan(0);
    expect(s.byType.DS + s.byType.HNGĐ).toBeGreaterThan(cases.length * 0.45);
    expect(s.byType.HS).toBeGreaterThan(s.byType.KDTM);
    const appeals = cases.filter((c) => c.level === 'PT').length;
    expect(appeals).toBeGreaterThan(0);
    expect(appeals).toBeLessThan(cases.length * 0.15);
    // Statuses across the whole lifecycle.
    for (const status of ['accepted', 'preparing', 'scheduled', 'decided', 'effective', 'suspended', 'terminated'] as const) {
      expect(s.byStatus[status], status).toBeGreaterThan(0);
    }
    // PS is rare: it must appear somewhere in a bigger court.
    expect(summarizeCourt(generateCourt({ cases: 2000, seed: 1, today: TODAY })).byType.PS).toBeGreaterThan(0);
  });

  it('numbers acceptances sequentially per type, level and year, in date order', () => {
    const groups = new Map<string, Case[]>();
    for (const c of cases) {
      const parsed = parseCaseNumber(c.acceptanceNumber, 'acceptance');
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.value.caseType).toBe(c.type);
      expect(parsed.value.level).toBe(c.level);
      expect(parsed.value.year).toBe(Number(c.acceptanceDate.slice(0, 4)));
      const key = `${c.type}|${c.level}|${parsed.value.year}`;
      groups.set(key, [...(groups.get(key) ?? []), c]);
    }
    const firstYear = Math.min(...cases.map((c) => Number(c.acceptanceDate.slice(0, 4))));
    for (const [key, group] of groups) {
      const ordinals = group.map((c) => (parseCaseNumber(c.acceptanceNumber) as { ok: true; value: { ordinal: number } }).value.ordinal);
      // Consecutive; from 1 in every full year, from the year's pace in the first (partial) one.
      const start = ordinals[0]!;
      expect(ordinals, key).toEqual(group.map((_, i) => start + i));
      if (!key.endsWith(`|${firstYear}`)) expect(start, key).toBe(1);
      const dates = group.map((c) => c.acceptanceDate);
      expect(dates).toEqual([...dates].sort());
    }
    // The first year does not read "01/2024" in September.
    const earliest = cases.find((c) => c.type === 'DS' && c.level === 'ST')!;
    expect(Number(earliest.acceptanceNumber.split('/')[0])).toBeGreaterThan(5);
    // Acceptance dates within about 20 months before today; ids in acceptance order.
    for (const c of cases) {
      expect(day(c.acceptanceDate)).toBeLessThanOrEqual(today);
      expect(day(c.acceptanceDate)).toBeGreaterThan(today - 620);
    }
    expect(cases.map((c) => c.id)).toEqual(cases.map((_, i) => `c-${String(i + 1).padStart(6, '0')}`));
  });

  it('gives judgment and trial-decision numbers that match the case and their dates', () => {
    let judgments = 0;
    for (const c of cases) {
      if (c.judgmentNumber) {
        judgments += 1;
        const parsed = parseCaseNumber(c.judgmentNumber, 'judgment');
        expect(parsed.ok && parsed.value.caseType === c.type && parsed.value.level === c.level).toBe(true);
        expect(parsed.ok && parsed.value.year).toBe(Number(c.judgmentDate!.slice(0, 4)));
        expect(c.documents.some((d) => d.kind === 'judgment' && d.number === c.judgmentNumber)).toBe(true);
      }
      if (c.trialDecisionNumber) {
        expect(c.trialDecisionNumber).toMatch(c.level === 'ST' ? /\/QĐXXST-/ : /\/QĐXXPT-/);
        expect(day(c.trialDecisionDate!)).toBeGreaterThanOrEqual(day(c.acceptanceDate));
        expect(day(c.trialDecisionDate!)).toBeLessThanOrEqual(today);
      }
    }
    expect(judgments).toBeGreaterThan(50);
  });

  it('keeps statuses coherent with dates and hearings', () => {
    for (const c of cases) {
      const label = `${c.id} ${c.status}`;
      const scheduled = c.hearings.filter((h) => h.status === 'scheduled');
      for (const h of c.hearings) {
        if (h.status === 'scheduled') expect(day(h.startsAt), label).toBeGreaterThanOrEqual(today);
        else expect(day(h.startsAt), label).toBeLessThan(today);
        if (h.status === 'held') expect(h.outcome, label).not.toBe('');
        else expect(h.outcome, label).toBe('');
        expect(day(h.startsAt), label).toBeGreaterThanOrEqual(day(c.acceptanceDate));
      }
      const trials = c.hearings.filter((h) => h.kind === 'trial');
      switch (c.status) {
        case 'scheduled':
          expect(trials.some((h) => h.status === 'scheduled'), label).toBe(true);
          if (c.proceeding === 'lawsuit') expect(c.trialDecisionNumber, label).toBeDefined();
          break;
        case 'decided':
        case 'appealed':
          expect(trials.some((h) => h.status === 'held'), label).toBe(true);
          expect(scheduled, label).toHaveLength(0);
          if (c.proceeding === 'lawsuit') {
            expect(c.judgmentNumber, label).toBeDefined();
            const held = trials.filter((h) => h.status === 'held');
            expect(c.judgmentDate, label).toBe(held[held.length - 1]!.startsAt.slice(0, 10));
          }
          break;
        case 'effective':
          expect(scheduled, label).toHaveLength(0);
          expect(c.judgmentNumber !== undefined || c.documents.some((d) => d.kind === 'decision' && d.number), label).toBe(true);
          break;
        case 'accepted':
          expect(c.hearings, label).toHaveLength(0);
          expect(c.panel, label).toHaveLength(0);
          break;
        case 'suspended':
        case 'terminated':
          expect(c.notes, label).toMatch(/đình chỉ/i);
          break;
        default:
          break;
      }
      if (c.judgmentDate) expect(day(c.judgmentDate), label).toBeLessThan(today);
      if (c.type === 'HS') {
        expect(c.offenceClass, label).toBeDefined();
        const firstTrial = trials[0];
        if (firstTrial && c.trialDecisionDate) expect(day(firstTrial.startsAt) - day(c.trialDecisionDate), label).toBeGreaterThanOrEqual(10);
      } else {
        expect(c.subject, label).toMatch(/^V\/v /);
      }
    }
  });

  it('links every adjourned hearing to its later replacement, with a reason', () => {
    let adjourned = 0;
    for (const c of cases) {
      for (const h of c.hearings.filter((x) => x.status === 'adjourned')) {
        adjourned += 1;
        expect(h.adjournmentReason).not.toBe('');
        const next = c.hearings.find((x) => x.id === h.rescheduledTo);
        expect(next, h.id).toBeDefined();
        expect(next!.startsAt > h.startsAt).toBe(true);
      }
    }
    expect(adjourned).toBeGreaterThan(3);
  });

  it('sets hearings on working days, 07:30–16:30, without double-booking a room or a judge', () => {
    const rooms = new Map<string, Array<[number, number]>>();
    const judges = new Map<string, Array<[number, number, string]>>();
    for (const c of cases) {
      for (const h of c.hearings) {
        const d = day(h.startsAt);
        const wd = weekday(d);
        expect(wd >= 1 && wd <= 5, h.startsAt).toBe(true);
        const start = minutes(h.startsAt);
        expect(start).toBeGreaterThanOrEqual(7 * 60 + 30);
        expect(start + h.durationMinutes).toBeLessThanOrEqual(16 * 60 + 30);
        expect(start < 12 * 60 ? start + h.durationMinutes <= 11 * 60 + 30 : start >= 13 * 60 + 30).toBe(true);
        expect(h.room).toMatch(h.kind === 'trial' ? /^Phòng xử án số \d+$/ : /^Phòng hòa giải, đối thoại số \d+$/);
        const roomKey = `${h.startsAt.slice(0, 10)}|${h.room}`;
        rooms.set(roomKey, [...(rooms.get(roomKey) ?? []), [start, start + h.durationMinutes]]);
        const judgeKey = `${h.startsAt.slice(0, 10)}|${c.judgeId}`;
        judges.set(judgeKey, [...(judges.get(judgeKey) ?? []), [start, start + h.durationMinutes, h.id]]);
      }
    }
    const overlaps = (spans: Array<[number, number, ...unknown[]]>) =>
      spans.some((a, i) => spans.some((b, j) => i < j && a[0] < b[1] && b[0] < a[1]));
    for (const [key, spans] of rooms) expect(overlaps(spans), key).toBe(false);
    for (const [key, spans] of judges) expect(overlaps(spans), key).toBe(false);
    expect(new Set([...rooms.keys()].map((k) => k.split('|')[1])).size).toBeGreaterThanOrEqual(4);
  });

  it('staffs panels from the case: the judge presides, the clerk serves that judge', () => {
    const staff = new Map(file.staff.map((s) => [s.id, s]));
    let fiveMember = 0;
    for (const c of cases) {
      const clerk = staff.get(c.clerkId!)!;
      expect(clerk.role).toBe('clerk');
      expect(clerk.servesJudgeIds).toContain(c.judgeId);
      if (c.panel.length === 0) continue;
      const byRole = (role: string) => c.panel.filter((m) => m.role === role);
      expect(byRole('presidingJudge').map((m) => m.staffId)).toEqual([c.judgeId]);
      expect(byRole('clerk').map((m) => m.staffId)).toEqual([c.clerkId]);
      for (const m of c.panel) expect(staff.get(m.staffId!)?.name).toBe(m.name);
      expect(new Set(c.panel.map((m) => m.staffId)).size).toBe(c.panel.length);
      if (c.type === 'HS') expect(byRole('prosecutor'), c.id).toHaveLength(1);
      if (c.level === 'PT') expect(byRole('judge'), c.id).toHaveLength(2);
      if (c.level === 'ST' && c.proceeding === 'lawsuit') {
        const sitting = byRole('presidingJudge').length + byRole('judge').length + byRole('assessor').length;
        expect([3, 5], c.id).toContain(sitting);
        if (sitting === 5) fiveMember += 1;
      }
      if (c.parties.some((p) => p.isMinor) && c.level === 'ST' && c.proceeding === 'lawsuit') {
        const youth = byRole('assessor').some((m) => /Đoàn|Trường/.test(staff.get(m.staffId!)?.organisation ?? ''));
        expect(youth, c.id).toBe(true);
      }
    }
    expect(fiveMember).toBeGreaterThan(0);
  });

  it('gives parties the roles of their case type, with actsFor pointing inside the case', () => {
    const allIds = new Set<string>();
    const principalByType = (type: Case['type']) => new Set<PartyRole>(PRINCIPAL_ROLES_BY_CASE_TYPE[type]);
    const otherRoles = new Set<PartyRole>(PARTY_ROLES.filter((r) => !Object.values(PRINCIPAL_ROLES_BY_CASE_TYPE).flat().includes(r)));
    let organisations = 0;
    for (const c of cases) {
      const ids = new Set(c.parties.map((p) => p.id));
      expect(ids.size).toBe(c.parties.length);
      for (const p of c.parties) {
        expect(allIds.has(p.id), p.id).toBe(false);
        allIds.add(p.id);
        expect(principalByType(c.type).has(p.role) || otherRoles.has(p.role), `${c.type} ${p.role}`).toBe(true);
        if (ACTING_ROLES.includes(p.role)) {
          expect(p.actsFor.length, p.id).toBeGreaterThan(0);
          for (const id of p.actsFor) expect(ids.has(id) && id !== p.id, p.id).toBe(true);
        } else {
          expect(p.actsFor).toEqual([]);
        }
        if (p.kind === 'organisation') organisations += 1;
      }
      // The one who brought the case is always there: plaintiff, accused, claimant or petitioner.
      const first = c.proceeding === 'petition' ? 'petitioner' : PRINCIPAL_ROLES_BY_CASE_TYPE[c.type][0]!;
      expect(c.parties.some((p) => p.role === first), `${c.id} lacks ${first}`).toBe(true);
      expect(c.parties.map((p) => p.order)).toEqual(c.parties.map((_, i) => i + 1));
    }
    expect(organisations).toBeGreaterThan(20);
    const orgNames = cases.flatMap((c) => c.parties.filter((p) => p.kind === 'organisation').map((p) => p.fullName));
    expect(orgNames.some((n) => n.startsWith('Công ty TNHH'))).toBe(true);
    expect(orgNames.some((n) => n.startsWith('Ngân hàng'))).toBe(true);
    const respondents = cases.filter((c) => c.type === 'HC').flatMap((c) => c.parties.filter((p) => p.role === 'respondent'));
    expect(respondents.length).toBeGreaterThan(0);
    for (const r of respondents) expect(r.fullName).toMatch(/Ủy ban nhân dân|Sở /);
  });

  it('uses post-2025 addresses (no districts), mostly in Vĩnh Long', () => {
    const addresses = cases.flatMap((c) => c.parties.map((p) => p.address)).filter((a) => a !== '');
    expect(addresses.length).toBeGreaterThan(500);
    for (const a of addresses) {
      expect(a).not.toMatch(/huyện|quận|thị xã/);
      expect(a).toMatch(/(xã|phường|đặc khu) [^,]+, (tỉnh Vĩnh Long|thành phố Cần Thơ|tỉnh Đồng Tháp|tỉnh An Giang|Thành phố Hồ Chí Minh)$/);
    }
    const home = addresses.filter((a) => a.endsWith('tỉnh Vĩnh Long')).length;
    expect(home / addresses.length).toBeGreaterThan(0.7);
    expect(home).toBeLessThan(addresses.length);
  });

  it('names people plausibly and gives well-formed CCCD numbers and phones', () => {
    const people = [...file.staff.map((s) => ({ fullName: s.name, gender: s.gender })), ...cases.flatMap((c) => c.parties.filter((p) => p.kind === 'person'))];
    for (const p of people) {
      const words = p.fullName.split(' ');
      expect(words.length, p.fullName).toBeGreaterThanOrEqual(3);
      if (p.gender === 'male') expect(words.slice(1, -1), p.fullName).not.toContain('Thị');
      if (p.gender === 'female') expect(words.slice(1, -1), p.fullName).not.toContain('Văn');
    }
    const parties = cases.flatMap((c) => c.parties);
    const withId = parties.filter((p) => p.kind === 'person' && p.idNumber);
    expect(withId.length).toBeGreaterThan(100);
    for (const p of withId) {
      expect(p.idNumber).toMatch(/^0\d{11}$/);
      const sexCentury = Number(p.idNumber!.slice(3, 4));
      expect(sexCentury % 2 === 1).toBe(p.gender === 'female');
      expect(sexCentury >= 2).toBe(p.birthYear! >= 2000);
      expect(p.idNumber!.slice(4, 6)).toBe(String(p.birthYear! % 100).padStart(2, '0'));
    }
    for (const p of parties.filter((x) => x.phone)) expect(p.phone).toMatch(/^0[35789]\d{8}$/);
    const minors = parties.filter((p) => p.isMinor);
    for (const m of minors) expect(2025 - m.birthYear!).toBeLessThan(18);
  });

  it('keeps a few documents per case with titles, numbers and statuses', () => {
    for (const c of cases) {
      expect(c.documents.length).toBeGreaterThanOrEqual(1);
      for (const d of c.documents) {
        expect(d.title.length).toBeGreaterThan(5);
        expect(d.createdAt <= d.updatedAt).toBe(true);
        expect(day(d.createdAt)).toBeLessThanOrEqual(today);
      }
      if (c.status === 'effective' && c.judgmentNumber) {
        const judgment = c.documents.find((d) => d.kind === 'judgment')!;
        expect(['locked', 'published']).toContain(judgment.status);
      }
      expect(c.updatedAt >= c.createdAt).toBe(true);
    }
    const statuses = new Set(cases.flatMap((c) => c.documents.map((d) => d.status)));
    expect([...statuses].sort()).toEqual(['draft', 'locked', 'published', 'signed']);
  });
});

describe('generateCourt: the day and the week always have hearings', () => {
  it.each([
    ['2025-11-24', 1], // Monday
    ['2025-11-28', 2], // Friday
    ['2025-11-29', 3], // Saturday: treated as a make-up working day
    ['2025-11-30', 4], // Sunday
    ['2026-01-02', 5],
    ['2026-06-15', 6],
  ])('today %s, seed %i', (today, seed) => {
    const file = generateCourt({ cases: 300, seed, today });
    const t = toDayNumber(today);
    const monday = mondayOf(t);
    const days = file.cases.flatMap((c) => c.hearings.map((h) => day(h.startsAt)));
    expect(days.filter((d) => d === t).length).toBeGreaterThanOrEqual(2);
    expect(days.filter((d) => d >= monday && d < monday + 7).length).toBeGreaterThanOrEqual(8);
    // And the coming weeks are booked too.
    expect(days.filter((d) => d > t && d <= t + 21).length).toBeGreaterThanOrEqual(30);
    expect(summarizeCourt(file, today).hearingsToday).toBe(days.filter((d) => d === t).length);
  });
});
