import { afterEach, describe, expect, it } from 'vitest';
import { removeParty, setCaseStatus, upsertHearing, upsertParty } from '../../../../shared/domain/case-mutations.js';
import type { Case } from '../../../../shared/domain/schemas.js';
import { projectCase } from '../../../../renderer/replica/projection.js';
import { openReplica } from '../../../../renderer/replica/replica.js';
import { CourtdeskDb } from '../../../../renderer/replica/schema.js';
import { CASE_SORTS, matchesFilter } from '../../../../renderer/replica/search.js';
import type { CaseFilter, CaseRow, CaseSort, Replica } from '../../../../renderer/replica/types.js';
import { fakeIdb, JUDGES, makeCourtFile, tickingClock } from './fixtures.js';

const open: Replica[] = [];
async function openTest(idb: ReturnType<typeof fakeIdb>): Promise<Replica> {
  const replica = await openReplica({ ...idb, now: tickingClock() });
  open.push(replica);
  return replica;
}
afterEach(() => {
  for (const replica of open.splice(0)) replica.close();
});

const NAMES = ['Nguyễn Văn Ấn', 'Nguyễn Văn An', 'Đặng Thị Hà', 'Trần Thị Bình'];
const file = makeCourtFile({ seed: 7, cases: 40, plaintiffNames: NAMES });
const expectedRows = (cases: readonly Case[]): CaseRow[] => cases.map((c) => projectCase(c).caseRow);

function expectedPage(rows: CaseRow[], filter: CaseFilter, sort: CaseSort, offset: number, limit: number) {
  const matching = rows.filter((r) => matchesFilter(r, filter)).sort(CASE_SORTS[sort]);
  return { rows: matching.slice(offset, offset + limit), total: matching.length };
}

describe('import', () => {
  it('imports every case with its rows, court, staff and progress', async () => {
    const idb = fakeIdb();
    const replica = await openTest(idb);
    const progress: number[] = [];
    const report = await replica.importCourtFile(file, (p) => progress.push(p.done));
    expect(report).toEqual({ imported: 40, skipped: 0 });
    expect(progress.at(-1)).toBe(40);
    const info = await replica.info();
    expect(info.caseCount).toBe(40);
    expect(info.court?.name).toBe('Tòa án nhân dân khu vực 1 - Vĩnh Long');
    expect(info.staff.map((s) => s.id)).toEqual(expect.arrayContaining(JUDGES));
    expect(info.demoLoadedAt).toBeDefined();

    const first = file.cases[0]!;
    const loaded = await replica.loadCase(first.id);
    expect(loaded.ok && loaded.value.parties.map((p) => p.fullName).sort()).toEqual(first.parties.map((p) => p.fullName).sort());
    expect((await replica.partiesOf(first.id)).map((p) => p.fullName).sort()).toEqual(
      first.parties.map((p) => p.fullName).sort(),
    );
    expect((await replica.documentsOf(first.id)).length).toBe(first.documents.length);
  });

  it('skips cases already present and never overwrites them', async () => {
    const idb = fakeIdb();
    const replica = await openTest(idb);
    await replica.importCourtFile(file);
    const target = file.cases[3]!;
    const renamed = await replica.editCase(target.id, (doc, ctx) =>
      upsertParty(doc, { ...target.parties[1]!, fullName: 'Lê Văn Sửa' }, ctx),
    );
    expect(renamed.ok).toBe(true);

    expect(await replica.importCourtFile(file)).toEqual({ imported: 0, skipped: 40 });
    const overlapping = makeCourtFile({ seed: 8, cases: 20, firstOrdinal: 31 });
    expect(await replica.importCourtFile(overlapping)).toEqual({ imported: 10, skipped: 10 });
    expect((await replica.info()).caseCount).toBe(50);

    const kept = await replica.loadCase(target.id);
    expect(kept.ok && kept.value.parties.find((p) => p.id === target.parties[1]!.id)?.fullName).toBe('Lê Văn Sửa');
  });

  it('keeps the first of two cases with the same id in one file', async () => {
    const replica = await openTest(fakeIdb());
    const twice = { ...file, cases: [file.cases[0]!, { ...file.cases[1]!, id: file.cases[0]!.id }] };
    expect(await replica.importCourtFile(twice)).toEqual({ imported: 1, skipped: 1 });
    const loaded = await replica.loadCase(file.cases[0]!.id);
    expect(loaded.ok && loaded.value.acceptanceNumber).toBe(file.cases[0]!.acceptanceNumber);
  });
});

describe('register', () => {
  const filters: CaseFilter[] = [
    {},
    { statuses: ['preparing', 'scheduled'] },
    { types: ['HS'] },
    { judgeId: 'tp-02' },
    { acceptedFrom: '2024-06-01', acceptedTo: '2025-03-31' },
    { types: ['DS', 'HNGĐ'], judgeId: 'tp-01' },
  ];
  const sorts: CaseSort[] = ['numberDesc', 'numberAsc', 'nextHearing', 'updatedDesc'];

  it('lists register rows, without the details stored beside them, right after an import', async () => {
    const replica = await openTest(fakeIdb());
    // The in-memory index is loaded (empty) first, so the import fills it itself, not from IndexedDB.
    expect(await replica.listCases({ query: 'zz' }, 'numberAsc', 0, 1)).toEqual({ rows: [], total: 0 });
    await replica.importCourtFile(file);
    expect(await replica.listCases({}, 'numberAsc', 0, 100)).toEqual(expectedPage(expectedRows(file.cases), {}, 'numberAsc', 0, 100));
  });

  it('filters, sorts and pages the same from the indexes (cold) and from memory', async () => {
    const idb = fakeIdb();
    await (await openTest(idb)).importCourtFile(file);
    open.pop()!.close();
    const rows = expectedRows(file.cases);
    for (const filter of filters) {
      for (const sort of sorts) {
        for (const [offset, limit] of [
          [0, 7],
          [5, 7],
          [30, 20],
        ] as const) {
          // A fresh replica answers its first page from the indexes.
          const cold = await openTest(idb);
          const first = await cold.listCases(filter, sort, offset, limit);
          await cold.listCases({ query: 'zz' }, sort, 0, 1); // waits for the in-memory index
          const warm = await cold.listCases(filter, sort, offset, limit);
          const expected = expectedPage(rows, filter, sort, offset, limit);
          const label = JSON.stringify({ filter, sort, offset, limit });
          expect(first, label).toEqual(expected);
          expect(warm, label).toEqual(expected);
          open.pop()!.close();
        }
      }
    }
  });

  it('finds names without diacritics, đ as d, and ranks the exact accented name first', async () => {
    const replica = await openTest(fakeIdb());
    await replica.importCourtFile(file);
    const an = await replica.listCases({ query: 'nguyen van an' }, 'numberDesc', 0, 50);
    const ids = an.rows.map((r) => r.id);
    expect(ids).toContain(file.cases[0]!.id); // Nguyễn Văn Ấn
    expect(ids).toContain(file.cases[1]!.id); // Nguyễn Văn An

    const exact = await replica.listCases({ query: 'Nguyễn Văn Ấn' }, 'numberAsc', 0, 50);
    expect(exact.rows[0]!.id).toBe(file.cases[0]!.id);
    const plain = await replica.listCases({ query: 'Nguyễn Văn An' }, 'numberAsc', 0, 50);
    expect(plain.rows[0]!.id).toBe(file.cases[1]!.id);

    const dang = await replica.listCases({ query: 'dang' }, 'numberDesc', 0, 50);
    expect(dang.rows.map((r) => r.id)).toContain(file.cases[2]!.id);
    expect(dang.rows.every((r) => r.searchText.includes('dang'))).toBe(true);
    expect((await replica.listCases({ query: 'ĐẶNG THỊ' }, 'numberDesc', 0, 50)).rows.map((r) => r.id)).toContain(
      file.cases[2]!.id,
    );
  });

  it('finds a case by its number typed with slashes, spaces or without the zero padding', async () => {
    const replica = await openTest(fakeIdb());
    await replica.importCourtFile(file);
    const target = file.cases[5]!; // "06/2025/TLST-XX" or 2024
    const [ordinal, year] = target.acceptanceNumber.split('/') as [string, string];
    for (const query of [`${ordinal}/${year}`, `${ordinal} ${year}`, `${Number(ordinal)}/${year}`, target.acceptanceNumber.toLowerCase()]) {
      const page = await replica.listCases({ query }, 'numberDesc', 0, 10);
      expect(page.rows[0]?.id, query).toBe(target.id);
    }
  });

  it('combines a query with filters and counts every match', async () => {
    const replica = await openTest(fakeIdb());
    await replica.importCourtFile(file);
    const rows = expectedRows(file.cases);
    const filter: CaseFilter = { query: 'nguyen', statuses: ['accepted', 'preparing', 'scheduled'] };
    const page = await replica.listCases(filter, 'numberDesc', 0, 3);
    const matching = rows.filter((r) => matchesFilter(r, filter) && r.searchText.split(/[^a-z0-9]+/).some((w) => w.startsWith('nguyen')));
    expect(page.total).toBe(matching.length);
    expect(page.rows.length).toBe(Math.min(3, matching.length));
  });
});

describe('hearings', () => {
  it('lists the hearings of a period, optionally of one judge, in time order', async () => {
    const replica = await openTest(fakeIdb());
    await replica.importCourtFile(file);
    const all = file.cases.flatMap((c) => c.hearings.map((h) => ({ c, h })));
    const inFeb = all.filter(({ h }) => h.startsAt >= '2026-02-01' && h.startsAt < '2026-02-15');
    const rows = await replica.hearingsBetween('2026-02-01', '2026-02-14');
    expect(rows.map((r) => r.key).sort()).toEqual(inFeb.map(({ c, h }) => `${c.id}/${h.id}`).sort());
    expect(rows.map((r) => r.startsAt)).toEqual([...rows.map((r) => r.startsAt)].sort());
    const judge = await replica.hearingsBetween('2026-01-01', '2026-03-31', 'tp-01');
    expect(judge.length).toBe(all.filter(({ c }) => c.judgeId === 'tp-01').length);
    expect(judge.every((r) => r.judgeId === 'tp-01')).toBe(true);
  });
});

describe('edits', () => {
  it('updates rows and search with the edit, persists it across a reopen, and notifies', async () => {
    const idb = fakeIdb();
    const replica = await openTest(idb);
    await replica.importCourtFile(file);
    await replica.listCases({ query: 'x' }, 'numberDesc', 0, 1); // index in memory before the edit
    const target = file.cases[10]!;
    const changes: string[][] = [];
    replica.subscribe((change) => changes.push([...change.caseIds]));

    const added = await replica.editCase(target.id, (doc, ctx) =>
      upsertParty(doc, { id: 'p9', role: 'witness', fullName: 'Võ Thị Ơn', order: 9 }, ctx),
    );
    expect(added.ok).toBe(true);
    expect(changes).toEqual([[target.id]]);
    expect((await replica.partiesOf(target.id)).map((p) => p.fullName)).toContain('Võ Thị Ơn');
    expect((await replica.listCases({ query: 'vo thi on' }, 'numberDesc', 0, 5)).rows.map((r) => r.id)).toEqual([target.id]);

    const hearing = await replica.editCase(target.id, (doc, ctx) =>
      upsertHearing(doc, { id: 'h9', startsAt: '2026-04-02T08:00', room: 'Phòng xử án số 2' }, ctx),
    );
    expect(hearing.ok).toBe(true);
    expect((await replica.hearingsBetween('2026-04-02', '2026-04-02')).map((h) => h.key)).toEqual([`${target.id}/h9`]);

    replica.close();
    open.pop();
    const again = await openTest(idb);
    const loaded = await again.loadCase(target.id);
    expect(loaded.ok && loaded.value.parties.map((p) => p.fullName)).toContain('Võ Thị Ơn');
    expect((await again.listCases({ query: 'on vo' }, 'numberDesc', 0, 5)).rows.map((r) => r.id)).toEqual([target.id]);
    const removed = await again.editCase(target.id, (doc, ctx) => removeParty(doc, 'p9', ctx));
    expect(removed.ok).toBe(true);
    expect((await again.partiesOf(target.id)).map((p) => p.partyId)).not.toContain('p9');
  });

  it('returns a refused edit as a Vietnamese error and writes nothing', async () => {
    const idb = fakeIdb();
    const replica = await openTest(idb);
    await replica.importCourtFile(file);
    const target = file.cases.find((c) => c.status === 'accepted')!;
    const before = await countUpdates(idb.name);
    const refused = await replica.editCase(target.id, (doc, ctx) => setCaseStatus(doc, 'effective', ctx));
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.messageVi).toMatch(/Không thể chuyển trạng thái/);
    expect(await countUpdates(idb.name)).toBe(before);
    const missing = await replica.editCase('khong-co', (doc, ctx) => setCaseStatus(doc, 'preparing', ctx));
    expect(!missing.ok && missing.error.code).toBe('replica.caseNotFound');
    expect(!(await replica.loadCase('khong-co')).ok).toBe(true);
  });

  it('compacts a doc after many edits without changing what it reads', async () => {
    const idb = fakeIdb();
    const replica = await openTest(idb);
    await replica.importCourtFile(file);
    const target = file.cases[0]!;
    for (let i = 0; i < 130; i += 1) {
      const saved = await replica.editCase(target.id, (doc, ctx) =>
        upsertParty(doc, { ...target.parties[0]!, address: `Số ${i}, phường 1` }, ctx),
      );
      expect(saved.ok).toBe(true);
    }
    const raw = new CourtdeskDb(idb.name, idb);
    await raw.open();
    const pending = await raw.docUpdates.where('docId').equals(`case:${target.id}`).count();
    const snapshot = await raw.docSnapshots.get(`case:${target.id}`);
    raw.close();
    expect(pending).toBe(30);
    expect(snapshot?.updateCount).toBe(100);
    replica.close();
    open.pop();
    const again = await openTest(idb);
    const loaded = await again.loadCase(target.id);
    expect(loaded.ok && loaded.value.parties.find((p) => p.id === target.parties[0]!.id)?.address).toBe('Số 129, phường 1');
  });
});

async function countUpdates(name: string): Promise<number> {
  const raw = new CourtdeskDb(name, fakeIdb(name));
  await raw.open();
  const count = await raw.docUpdates.count();
  raw.close();
  return count;
}
