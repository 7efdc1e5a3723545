/**
 * Test data for the template engine: a hand-written court (stable, for golden files) and helpers
 * that pick demo-generator cases for every case type a template serves, with the data the domain
 * model does not hold yet (end times, a defendant's record, remote sites) filled in `extra`.
 */
import { generateCourt } from '../../../../shared/demo/index.js';
import { CaseSchema, CourtFileSchema, type Case, type CourtFile } from '../../../../shared/domain/schemas.js';
import type { CaseType } from '../../../../shared/domain/vocabulary.js';
import { buildContext } from '../../../../shared/templates/context.js';
import type { Template } from '../../../../shared/templates/model.js';
import type { ContextValue } from '../../../../shared/templates/paths.js';
import { servesCase } from '../../../../shared/templates/select.js';

const T = '2026-01-02T03:00:00Z';

const person = (id: string, role: string, fullName: string, extra: Record<string, unknown> = {}) => ({
  id,
  role,
  fullName,
  gender: 'male',
  birthYear: 1980,
  address: 'số 12 đường Lê Lợi, phường Long Châu, tỉnh Vĩnh Long',
  ...extra,
});

const member = (id: string, role: string, name: string, staffId: string, order: number) => ({ id, role, name, staffId, order });

const input = {
  format: 'courtdesk.court',
  formatVersion: 1,
  generatedAt: T,
  court: {
    id: 'tand-kv1-vl',
    name: 'Tòa án nhân dân khu vực 1 - Vĩnh Long',
    province: 'tỉnh Vĩnh Long',
    level: 'regional',
    address: 'phường Long Châu, tỉnh Vĩnh Long',
    procuracyName: 'Viện kiểm sát nhân dân khu vực 1 - Vĩnh Long',
  },
  staff: [
    { id: 's-j1', name: 'Trần Thị Cẩm Anh', role: 'judge', gender: 'female' },
    { id: 's-j2', name: 'Võ Lê Vương', role: 'judge', gender: 'male' },
    { id: 's-c1', name: 'Hồ Thị Hiền Tiên', role: 'clerk', gender: 'female' },
    { id: 's-a1', name: 'Lê Thanh Thi', role: 'assessor', gender: 'female' },
    { id: 's-a2', name: 'Nguyễn Văn Bình', role: 'assessor', gender: 'male' },
    { id: 's-p1', name: 'Lê Văn Trình', role: 'prosecutor', gender: 'male', organisation: 'Viện kiểm sát nhân dân khu vực 1 - Vĩnh Long' },
  ],
  cases: [
    {
      id: 'c-ds',
      courtId: 'tand-kv1-vl',
      type: 'DS',
      level: 'ST',
      acceptanceNumber: '12/2025/TLST-DS',
      acceptanceDate: '2025-09-05',
      subject: 'V/v tranh chấp hợp đồng vay tài sản',
      status: 'decided',
      trialDecisionNumber: '15/2026/QĐXXST-DS',
      trialDecisionDate: '2026-01-20',
      judgmentNumber: '34/2026/DS-ST',
      judgmentDate: '2026-02-05',
      parties: [
        person('p1', 'plaintiff', 'Nguyễn Văn An', { order: 1 }),
        person('p2', 'representative', 'Lê Thị Hoa', { gender: 'female', actsFor: ['p1'], order: 2 }),
        person('p3', 'legalRightsProtector', 'Phạm Minh Đức', { actsFor: ['p1'], organisation: 'Đoàn Luật sư tỉnh Vĩnh Long', order: 3 }),
        { id: 'p4', role: 'defendant', kind: 'organisation', fullName: 'Công ty TNHH Thương mại Hòa Bình', address: 'số 5 đường Phạm Thái Bường, phường 4, tỉnh Vĩnh Long', order: 4 },
        person('p5', 'interestedParty', 'Trần Thị Bình', { gender: 'female', birthYear: 1985, order: 5 }),
        person('p6', 'witness', 'Đặng Văn Cường', { order: 6 }),
      ],
      panel: [
        member('m1', 'presidingJudge', 'Trần Thị Cẩm Anh', 's-j1', 1),
        member('m2', 'assessor', 'Lê Thanh Thi', 's-a1', 2),
        member('m3', 'assessor', 'Nguyễn Văn Bình', 's-a2', 3),
        member('m4', 'clerk', 'Hồ Thị Hiền Tiên', 's-c1', 4),
        member('m5', 'prosecutor', 'Lê Văn Trình', 's-p1', 5),
      ],
      hearings: [
        { id: 'h-med', kind: 'mediation', startsAt: '2025-11-10T14:00', room: 'Phòng hòa giải số 2', status: 'held', attendance: { p1: 'present', p2: 'present', p4: 'present', p5: 'absent' } },
        {
          id: 'h-trial',
          kind: 'trial',
          startsAt: '2026-02-05T08:00',
          room: 'Phòng xử án số 1',
          status: 'held',
          attendance: { p1: 'present', p2: 'present', p3: 'present', p4: 'present', p5: 'absent', p6: 'present' },
        },
      ],
      createdAt: T,
      updatedAt: T,
    },
    {
      id: 'c-hs',
      courtId: 'tand-kv1-vl',
      type: 'HS',
      level: 'ST',
      acceptanceNumber: '06/2026/TLST-HS',
      acceptanceDate: '2026-01-06',
      subject: 'Trộm cắp tài sản',
      status: 'decided',
      offenceClass: 'lessSerious',
      trialDecisionNumber: '09/2026/QĐXXST-HS',
      trialDecisionDate: '2026-01-27',
      judgmentNumber: '19/2026/HS-ST',
      judgmentDate: '2026-03-10',
      parties: [
        person('a1', 'accused', 'Vũ Thị Lan Anh', { gender: 'female', birthYear: 1990, occupation: 'Buôn bán', order: 1 }),
        person('a2', 'accused', 'Hoàng Văn Nam', { birthYear: 2008, occupation: 'Học sinh', isMinor: true, order: 2 }),
        person('a3', 'representative', 'Hoàng Văn Sơn', { actsFor: ['a2'], order: 3 }),
        person('a4', 'defenceCounsel', 'Đỗ Thị Mai', { gender: 'female', actsFor: ['a2'], organisation: 'Văn phòng Luật sư Hồng Đức, Đoàn Luật sư tỉnh Vĩnh Long', order: 4 }),
        person('a5', 'victim', 'Bùi Quang Huy', { order: 5 }),
        person('a6', 'witness', 'Nguyễn Minh Tâm', { order: 6 }),
      ],
      panel: [
        member('n1', 'presidingJudge', 'Võ Lê Vương', 's-j2', 1),
        member('n2', 'assessor', 'Lê Thanh Thi', 's-a1', 2),
        member('n3', 'assessor', 'Nguyễn Văn Bình', 's-a2', 3),
        member('n4', 'clerk', 'Hồ Thị Hiền Tiên', 's-c1', 4),
        member('n5', 'prosecutor', 'Lê Văn Trình', 's-p1', 5),
      ],
      hearings: [
        { id: 'h-hs', kind: 'trial', startsAt: '2026-03-10T07:30', room: 'Phòng xử án số 2', status: 'held', online: true, attendance: { a1: 'present', a2: 'present', a3: 'present', a4: 'present', a5: 'present', a6: 'absent' } },
      ],
      createdAt: T,
      updatedAt: T,
    },
    {
      id: 'c-hc',
      courtId: 'tand-kv1-vl',
      type: 'HC',
      level: 'ST',
      acceptanceNumber: '03/2025/TLST-HC',
      acceptanceDate: '2025-10-01',
      subject: 'Khiếu kiện quyết định hành chính trong lĩnh vực quản lý đất đai',
      status: 'decided',
      trialDecisionNumber: '02/2026/QĐXXST-HC',
      trialDecisionDate: '2026-01-15',
      judgmentNumber: '05/2026/HC-ST',
      judgmentDate: '2026-02-12',
      parties: [
        person('k1', 'claimant', 'Lý Văn Tài', { order: 1 }),
        { id: 'k2', role: 'respondent', kind: 'organisation', fullName: 'Ủy ban nhân dân xã Long Hồ', address: 'xã Long Hồ, tỉnh Vĩnh Long', order: 2 },
        person('k3', 'representative', 'Phan Văn Lợi', { actsFor: ['k2'], order: 3 }),
      ],
      panel: [
        member('q1', 'presidingJudge', 'Trần Thị Cẩm Anh', 's-j1', 1),
        member('q2', 'assessor', 'Lê Thanh Thi', 's-a1', 2),
        member('q3', 'assessor', 'Nguyễn Văn Bình', 's-a2', 3),
        member('q4', 'clerk', 'Hồ Thị Hiền Tiên', 's-c1', 4),
        member('q5', 'prosecutor', 'Lê Văn Trình', 's-p1', 5),
      ],
      hearings: [{ id: 'h-hc', kind: 'trial', startsAt: '2026-02-12T08:00', room: 'Phòng xử án số 1', status: 'held', attendance: { k1: 'present', k2: 'absent', k3: 'present' } }],
      createdAt: T,
      updatedAt: T,
    },
  ],
};

/** The hand-written court: three cases (DS with mediation, HS online with a minor, HC). */
export const FIXTURE_COURT: CourtFile = CourtFileSchema.parse(input);

/** A demo court large enough to hold every case type with a held trial. */
export function demoCourt(): CourtFile {
  return CourtFileSchema.parse(generateCourt({ cases: 400, seed: 20260115, today: '2026-01-15' }));
}

/**
 * What a clerk or judge adds while drafting, which the domain model does not hold: end times,
 * deliberation times, the indictment, the defendants' records, the remote sites.
 */
export function draftingExtra(kase: Case): Record<string, ContextValue> {
  const extra: Record<string, ContextValue> = {
    'hearing.endTime': '10 giờ 30 phút',
    'deliberation.startTime': '09 giờ 45 phút',
    'deliberation.endTime': '10 giờ 15 phút',
    'case.indictment': 'Cáo trạng số 20/CT-VKS ngày 05 tháng 01 năm 2026',
    'hearing.remoteSites': [
      { name: 'Điểm cầu Trại tạm giam Công an tỉnh Vĩnh Long', address: 'xã Tân Ngãi, tỉnh Vĩnh Long', participants: 'Bị cáo và người bào chữa' },
    ],
  };
  for (const party of kase.parties.filter((p) => p.role === 'accused')) {
    const at = (field: string) => `parties.byId.${party.id}.${field}`;
    extra[at('birthDate')] = `12/5/${party.birthYear ?? 1990}`;
    extra[at('birthPlace')] = 'tỉnh Vĩnh Long';
    extra[at('education')] = '9/12';
    extra[at('ethnicity')] = 'Kinh';
    extra[at('religion')] = 'Không';
    extra[at('nationality')] = 'Việt Nam';
    extra[at('parents')] = 'con ông Nguyễn Văn B và bà Lê Thị C';
    extra[at('priorConvictions')] = 'Không';
    extra[at('priorViolations')] = 'Không';
    extra[at('preventiveMeasure')] = 'cấm đi khỏi nơi cư trú';
    extra[at('chargeArticle')] = 'khoản 1 Điều 173 của Bộ luật Hình sự';
  }
  return extra;
}

export function contextFor(court: CourtFile, template: Template, kase: Case, today = '2026-03-12'): ContextValue {
  return buildContext({ court: court.court, staff: court.staff, kase, hearingKinds: template.meta.hearingKinds, today, extra: draftingExtra(kase) });
}

const hasHeldHearing = (template: Template, kase: Case) =>
  kase.hearings.some((h) => template.meta.hearingKinds.includes(h.kind) && h.status === 'held');

/**
 * A demo case of `type` that the template serves and whose hearing was held. When the demo court
 * has none (e.g. no online KDTM trial), one is derived from a case of the same family by changing
 * its type (and, for an online variant, marking its hearings online), then re-validated.
 */
export function demoCaseFor(court: CourtFile, template: Template, type: CaseType): Case {
  const serves = (kase: Case) => servesCase(template.meta, kase, contextFor(court, template, kase));
  const direct = court.cases.find((c) => c.type === type && c.proceeding === 'lawsuit' && hasHeldHearing(template, c) && serves(c));
  if (direct) return direct;
  const family = court.cases.filter((c) => template.meta.caseTypes.includes(c.type) && c.level === 'ST' && c.proceeding === 'lawsuit' && hasHeldHearing(template, c));
  for (const base of family) {
    const online = template.meta.requiresText === 'hearing.online';
    const swapCode = (n: string | undefined) => n?.replace(new RegExp(`${base.type}(?=$|-)`, 'u'), type);
    const derived = CaseSchema.parse({
      ...base,
      type,
      acceptanceNumber: swapCode(base.acceptanceNumber),
      trialDecisionNumber: swapCode(base.trialDecisionNumber),
      judgmentNumber: swapCode(base.judgmentNumber),
      hearings: base.hearings.map((h) => ({ ...h, online: online ? true : h.online })),
    });
    if (serves(derived)) return derived;
  }
  throw new Error(`no demo case for ${template.meta.id} / ${type}`);
}
