/**
 * A tiny seeded court for the replica tests: a few judges and clerks, cases of several types with
 * principal parties, a representative, hearings and document refs. Names include the letters the
 * search must fold (Đ, Ấ, ơ…). Deterministic for a seed, so a failing seed can be replayed.
 */
import { indexedDB as fakeIndexedDB, IDBKeyRange as FakeIDBKeyRange } from 'fake-indexeddb';
import { CourtFileSchema, type CaseInput, type CourtFile, type CourtFileInput } from '../../../../shared/domain/schemas.js';
import type { CaseType } from '../../../../shared/domain/vocabulary.js';
import * as Y from 'yjs';
import type { Replica, SyncPulledDoc } from '../../../../renderer/replica/types.js';

/** mulberry32: small, fast and good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Đặng', 'Võ', 'Bùi', 'Đỗ', 'Huỳnh'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Minh', 'Ngọc', 'Quốc'];
const GIVEN = ['An', 'Ấn', 'Bình', 'Cường', 'Dũng', 'Đức', 'Hà', 'Hương', 'Lan', 'Mơ', 'Sơn', 'Tuấn', 'Yến'];
const SUBJECTS: Record<CaseType, readonly string[]> = {
  DS: ['V/v tranh chấp hợp đồng vay tài sản', 'V/v tranh chấp quyền sử dụng đất', 'V/v đòi tài sản'],
  HNGĐ: ['V/v ly hôn, tranh chấp nuôi con', 'V/v ly hôn'],
  KDTM: ['V/v tranh chấp hợp đồng mua bán hàng hóa'],
  LĐ: ['V/v tranh chấp về đơn phương chấm dứt hợp đồng lao động'],
  HS: ['Trộm cắp tài sản', 'Cố ý gây thương tích', 'Lừa đảo chiếm đoạt tài sản'],
  HC: ['V/v khiếu kiện quyết định hành chính trong lĩnh vực đất đai'],
  PS: ['V/v yêu cầu mở thủ tục phá sản'],
  BPXLHC: ['V/v xem xét áp dụng biện pháp đưa vào cơ sở cai nghiện bắt buộc'],
};
const TYPES: readonly CaseType[] = ['DS', 'DS', 'HNGĐ', 'KDTM', 'LĐ', 'HS', 'HS', 'HC'];
const PRINCIPALS: Record<CaseType, readonly [string, string]> = {
  DS: ['plaintiff', 'defendant'],
  HNGĐ: ['plaintiff', 'defendant'],
  KDTM: ['plaintiff', 'defendant'],
  LĐ: ['plaintiff', 'defendant'],
  HS: ['accused', 'victim'],
  HC: ['claimant', 'respondent'],
  PS: ['petitioner', 'interestedParty'],
  BPXLHC: ['petitioner', 'interestedParty'],
};

export const JUDGES = ['tp-01', 'tp-02', 'tp-03'];
export const CLERKS = ['tk-01', 'tk-02'];

export function personName(rand: () => number): string {
  return `${pick(rand, FAMILY)} ${pick(rand, MIDDLE)} ${pick(rand, GIVEN)}`;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export interface CourtOptions {
  readonly seed?: number;
  readonly cases?: number;
  /** Case ids start at this ordinal (to build overlapping files). */
  readonly firstOrdinal?: number;
  /** Fixed names for the first cases' plaintiffs, in order. */
  readonly plaintiffNames?: readonly string[];
}

/** Builds a validated court file. */
export function makeCourtFile(options: CourtOptions = {}): CourtFile {
  const rand = prng(options.seed ?? 1);
  const count = options.cases ?? 30;
  const first = options.firstOrdinal ?? 1;
  const cases: CaseInput[] = [];
  for (let i = 0; i < count; i += 1) {
    const ordinal = first + i;
    const type = pick(rand, TYPES);
    const year = 2024 + Math.floor(rand() * 2);
    const month = 1 + Math.floor(rand() * 12);
    const day = 1 + Math.floor(rand() * 28);
    const id = `c${pad(ordinal, 5)}`;
    const [firstRole, secondRole] = PRINCIPALS[type];
    const plaintiffName = options.plaintiffNames?.[i] ?? personName(rand);
    const parties: CaseInput['parties'] = [
      { id: 'p1', role: firstRole as never, fullName: plaintiffName, order: 1, address: 'Phường 1, tỉnh Vĩnh Long' },
      { id: 'p2', role: secondRole as never, fullName: personName(rand), order: 2 },
    ];
    if (rand() < 0.4) parties.push({ id: 'p3', role: 'interestedParty', fullName: personName(rand), order: 3 });
    if (rand() < 0.4) parties.push({ id: 'p4', role: 'representative', fullName: personName(rand), actsFor: ['p1'], order: 4 });
    const hearings: CaseInput['hearings'] = [];
    const hearingCount = Math.floor(rand() * 3);
    for (let h = 0; h < hearingCount; h += 1) {
      hearings.push({
        id: `h${h + 1}`,
        startsAt: `2026-${pad(1 + Math.floor(rand() * 3))}-${pad(1 + Math.floor(rand() * 28))}T${pad(7 + Math.floor(rand() * 9))}:${rand() < 0.5 ? '00' : '30'}`,
        room: `Phòng xử án số ${1 + Math.floor(rand() * 3)}`,
        status: rand() < 0.7 ? 'scheduled' : 'held',
      });
    }
    const documents: CaseInput['documents'] =
      rand() < 0.5
        ? [{ id: 'd1', kind: 'hearingMinutes', title: 'Biên bản phiên tòa', createdAt: '2026-01-05T02:00:00Z', updatedAt: '2026-01-05T02:00:00Z' }]
        : [];
    cases.push({
      id,
      courtId: 'tand-kv1-vl',
      type,
      level: 'ST',
      acceptanceNumber: `${pad(ordinal)}/${year}/TLST-${type}`,
      acceptanceDate: `${year}-${pad(month)}-${pad(day)}`,
      subject: pick(rand, SUBJECTS[type]),
      status: pick(rand, ['accepted', 'preparing', 'scheduled', 'decided'] as const),
      judgeId: pick(rand, JUDGES),
      clerkId: pick(rand, CLERKS),
      parties,
      hearings,
      documents,
      createdAt: `${year}-${pad(month)}-${pad(day)}T01:00:00Z`,
      updatedAt: `${year}-${pad(month)}-${pad(day)}T01:00:00Z`,
    });
  }
  const input: CourtFileInput = {
    format: 'courtdesk.court',
    formatVersion: 1,
    generatedAt: '2026-01-01T00:00:00Z',
    seed: options.seed ?? 1,
    court: { id: 'tand-kv1-vl', name: 'Tòa án nhân dân khu vực 1 - Vĩnh Long', province: 'tỉnh Vĩnh Long', level: 'regional' },
    staff: [
      ...JUDGES.map((id, i) => ({ id, name: `Thẩm phán ${GIVEN[i]!}`, role: 'judge' as const })),
      ...CLERKS.map((id, i) => ({ id, name: `Thư ký ${GIVEN[i + 5]!}`, role: 'clerk' as const })),
    ],
    cases,
  };
  return CourtFileSchema.parse(input);
}

let counter = 0;
/** A database name no other test uses. */
export function uniqueDbName(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${Date.now()}-${counter}`;
}

/** Options that point the replica at fake-indexeddb under a fresh name. */
export function fakeIdb(name = uniqueDbName('replica')): { name: string; indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange } {
  return { name, indexedDB: fakeIndexedDB, IDBKeyRange: FakeIDBKeyRange };
}

/** A clock that ticks one second per call, from a fixed start: deterministic `updatedAt`. */
export function tickingClock(start = Date.UTC(2026, 0, 10, 1, 0, 0)): () => string {
  let t = start;
  return () => {
    t += 1000;
    return new Date(t).toISOString();
  };
}

/**
 * The court server's copy: a replica (made by the caller's `open`, which closes it after the test)
 * holding a generated court file, whose case docs `pull` hands out as the server sends them.
 */
export async function courtServer(open: () => Promise<Replica>, cases: number, seed: number) {
  const server = await open();
  const file = makeCourtFile({ seed, cases });
  await server.importCourtFile(file);
  const ids = file.cases.map((c) => c.id).sort();
  const pull = async (caseIds: readonly string[] = ids, seq = 1): Promise<SyncPulledDoc[]> =>
    Promise.all(
      caseIds.map(async (caseId) => {
        const update = (await server.sync.docState(caseId))!;
        return { caseId, update, stateVector: Y.encodeStateVectorFromUpdate(update), seq };
      }),
    );
  return { server, file, ids, pull };
}
