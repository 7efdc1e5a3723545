/**
 * Seeded randomised test (STYLE §6, after tldraw's 100 seeds × 200 operations): random edits
 * through `editCase`, then the rows the replica maintained incrementally must equal
 * (1) what `rebuildProjection()` computes from the docs and (2) a from-scratch projection of the
 * docs reloaded by a freshly opened replica. The seed is in the test name and in every message;
 * a failing seed becomes a named regression test below.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  adjournHearing,
  recordHearingOutcome,
  removeParty,
  setCaseStatus,
  updateCaseFields,
  upsertDocumentRef,
  upsertHearing,
  upsertParty,
} from '../../../../shared/domain/case-mutations.js';
import type { Case } from '../../../../shared/domain/schemas.js';
import { CASE_STATUSES } from '../../../../shared/domain/vocabulary.js';
import { caseDetailsOf, caseRowOf, projectCase } from '../../../../renderer/replica/projection.js';
import { openReplica } from '../../../../renderer/replica/replica.js';
import { CourtdeskDb, type CaseRecord } from '../../../../renderer/replica/schema.js';
import type { CaseEdit, Replica } from '../../../../renderer/replica/types.js';
import { fakeIdb, JUDGES, makeCourtFile, personName, pick, prng, tickingClock } from './fixtures.js';

type Edit = { name: string; edit: CaseEdit<unknown> };

const pad = (n: number) => String(n).padStart(2, '0');

/** One random edit of a case, chosen from what the case currently holds. */
function randomEdit(rand: () => number, c: Case, step: number): Edit {
  const party = c.parties.length > 0 ? pick(rand, c.parties) : undefined;
  const hearing = c.hearings.length > 0 ? pick(rand, c.hearings) : undefined;
  const roll = rand();
  if (roll < 0.2) {
    const rename = party !== undefined && rand() < 0.5;
    const input = rename
      ? { ...party, fullName: personName(rand) }
      : { id: `r${step}`, role: pick(rand, ['witness', 'interestedParty', 'plaintiff', 'defendant'] as const), fullName: personName(rand), order: step };
    return { name: `upsertParty ${input.id}`, edit: (doc, ctx) => upsertParty(doc, input, ctx) };
  }
  if (roll < 0.32 && party) return { name: `removeParty ${party.id}`, edit: (doc, ctx) => removeParty(doc, party.id, ctx) };
  if (roll < 0.45 && hearing) {
    return {
      name: `recordHearingOutcome ${hearing.id}`,
      edit: (doc, ctx) => recordHearingOutcome(doc, hearing.id, { outcome: `Kết quả ${step}` }, ctx),
    };
  }
  if (roll < 0.58 && hearing) {
    const later = rand() < 0.6;
    return {
      name: `adjournHearing ${hearing.id}${later ? ' + new' : ''}`,
      edit: (doc, ctx) =>
        adjournHearing(
          doc,
          hearing.id,
          later
            ? { reason: 'Vắng mặt bị đơn', newStartsAt: `2026-${pad(4 + Math.floor(rand() * 6))}-${pad(1 + Math.floor(rand() * 28))}T08:00`, newHearingId: `n${step}` }
            : { reason: 'Vắng mặt bị đơn' },
          ctx,
        ),
    };
  }
  if (roll < 0.66) {
    const startsAt = `2026-${pad(1 + Math.floor(rand() * 12))}-${pad(1 + Math.floor(rand() * 28))}T${pad(7 + Math.floor(rand() * 9))}:00`;
    return { name: `upsertHearing a${step}`, edit: (doc, ctx) => upsertHearing(doc, { id: `a${step}`, startsAt }, ctx) };
  }
  if (roll < 0.78) {
    const status = pick(rand, CASE_STATUSES);
    return { name: `setCaseStatus ${status}`, edit: (doc, ctx) => setCaseStatus(doc, status, ctx) };
  }
  if (roll < 0.84) {
    return {
      name: `upsertDocumentRef d${step}`,
      edit: (doc, ctx) =>
        upsertDocumentRef(doc, { id: `d${step}`, kind: 'decision', title: `Quyết định ${step}`, createdAt: ctx.now, updatedAt: ctx.now }, ctx),
    };
  }
  const patch = pick(rand, [
    { subject: `V/v tranh chấp số ${step}` },
    { judgeId: pick(rand, JUDGES) },
    { acceptanceNumber: `${1 + Math.floor(rand() * 90)}/2025/TLST-${c.type}` },
    { acceptanceDate: `2025-${pad(1 + Math.floor(rand() * 12))}-${pad(1 + Math.floor(rand() * 28))}` },
  ]);
  return { name: `updateCaseFields ${JSON.stringify(patch)}`, edit: (doc, ctx) => updateCaseFields(doc, patch, ctx) };
}

interface Tables {
  cases: unknown[];
  parties: unknown[];
  hearings: unknown[];
  documents: unknown[];
}

async function readTables(idb: ReturnType<typeof fakeIdb>): Promise<Tables> {
  const db = new CourtdeskDb(idb.name, idb);
  await db.open();
  const records = checkedDetails(await db.cases.toArray());
  const tables = {
    cases: records.map(caseRowOf),
    parties: inKeyOrder(records.flatMap((r) => caseDetailsOf(r).parties)),
    hearings: inKeyOrder(records.flatMap((r) => caseDetailsOf(r).hearings)),
    documents: inKeyOrder(records.flatMap((r) => caseDetailsOf(r).documents)),
  };
  db.close();
  return tables;
}

function inKeyOrder<R extends { key: string }>(rows: readonly R[]): R[] {
  return [...rows].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * The cases records, their details checked: all five fields or none, never empty lists only,
 * every row of its case, and the index fields exactly the days (and judge) of its hearings.
 */
function checkedDetails(records: readonly CaseRecord[]): readonly CaseRecord[] {
  for (const record of records) {
    const fields = [record.details, record.hearingDays, record.judgeDays];
    if (fields.every((field) => field === undefined)) continue;
    expect(fields.every((field) => field !== undefined)).toBe(true);
    const { parties, hearings, documents } = caseDetailsOf(record);
    expect(parties.length + hearings.length + documents.length).toBeGreaterThan(0);
    for (const row of [...parties, ...hearings, ...documents]) expect(row.caseId).toBe(record.id);
    const days = [...new Set(hearings.map((h) => h.day))].sort();
    expect(record.hearingDays).toEqual(days);
    expect(record.judgeDays).toEqual(days.map((day) => [hearings[0]!.judgeId, day]));
  }
  return records;
}

async function snapshotCounts(idb: ReturnType<typeof fakeIdb>): Promise<number[]> {
  const db = new CourtdeskDb(idb.name, idb);
  await db.open();
  const counts = (await db.docSnapshots.toArray()).map((s) => s.updateCount);
  db.close();
  return counts;
}

function projectAll(cases: readonly Case[]): Tables {
  const byKey = <T extends object>(rows: T[], key: keyof T) => rows.sort((a, b) => (String(a[key]) < String(b[key]) ? -1 : 1));
  const projections = cases.map(projectCase);
  return {
    cases: byKey(projections.map((p) => p.caseRow), 'id'),
    parties: byKey(projections.flatMap((p) => p.partyRows), 'key'),
    hearings: byKey(projections.flatMap((p) => p.hearingRows), 'key'),
    documents: byKey(projections.flatMap((p) => p.documentRows), 'key'),
  };
}

async function runSeed(seed: number, operations: number, caseCount: number, hotCases: number, compacts = false): Promise<void> {
  const rand = prng(seed);
  const idb = fakeIdb();
  const file = makeCourtFile({ seed, cases: caseCount });
  const log: string[] = [];
  const where = () => `seed ${seed}; last operations:\n  ${log.slice(-8).join('\n  ')}`;
  let applied = 0;
  let replica: Replica = await openReplica({ ...idb, now: tickingClock() });
  try {
    await replica.importCourtFile(file);
    // Half the seeds keep the in-memory index live during the edits.
    if (seed % 2 === 0) await replica.listCases({ query: 'nguyen' }, 'numberDesc', 0, 10);
    const ids = file.cases.slice(0, hotCases).map((c) => c.id);
    for (let step = 0; step < operations; step += 1) {
      const id = pick(rand, ids);
      const current = await replica.loadCase(id);
      expect(current.ok, where()).toBe(true);
      if (!current.ok) return;
      const { name, edit } = randomEdit(rand, current.value, step);
      const result = await replica.editCase(id, edit);
      log.push(`${step} ${id} ${name} → ${result.ok ? 'ok' : result.error.code}`);
      if (result.ok) applied += 1;
    }
    // The generator must mostly produce edits the domain accepts, or the test proves little.
    expect(applied, where()).toBeGreaterThan(operations / 2);
    const memoryPage = await replica.listCases({}, 'numberDesc', 0, 10_000);

    const incremental = await readTables(idb);
    if (compacts) expect(Math.max(...(await snapshotCounts(idb))), where()).toBeGreaterThanOrEqual(100);
    const report = await replica.rebuildProjection();
    expect(report.failed, where()).toEqual([]);
    const rebuilt = await readTables(idb);
    expect(rebuilt, where()).toEqual(incremental);

    replica.close();
    replica = await openReplica({ ...idb, now: tickingClock() });
    const reloaded: Case[] = [];
    for (const c of file.cases) {
      const loaded = await replica.loadCase(c.id);
      expect(loaded.ok, where()).toBe(true);
      if (loaded.ok) reloaded.push(loaded.value);
    }
    expect(projectAll(reloaded), where()).toEqual(incremental);
    // The in-memory index followed every edit: same rows, same order as a fresh replica's.
    expect(memoryPage, where()).toEqual(await replica.listCases({}, 'numberDesc', 0, 10_000));
  } finally {
    replica.close();
  }
}

/**
 * The same random edits made on one replica and carried to a second one as remote updates (the
 * catch-up's path: rows replaced from the before/after projections, no row reads), in batches of
 * random size: the second replica's rows must equal its own rebuild and the first one's rows.
 */
async function runRemoteSeed(seed: number, operations: number, caseCount: number): Promise<void> {
  const rand = prng(seed);
  const source = fakeIdb();
  const mirror = fakeIdb();
  const file = makeCourtFile({ seed, cases: caseCount });
  const log: string[] = [];
  const where = () => `seed ${seed}; last operations:\n  ${log.slice(-8).join('\n  ')}`;
  const a = await openReplica({ ...source, now: tickingClock() });
  const b = await openReplica({ ...mirror, now: tickingClock() });
  try {
    await a.importCourtFile(file);
    await b.importCourtFile(file);
    const ids = file.cases.map((c) => c.id);
    const carry = async () => {
      const batch = [];
      for (const id of ids) {
        const mine = (await b.sync.docState(id))!;
        const theirs = (await a.sync.docState(id))!;
        batch.push({ caseId: id, update: Y.diffUpdate(theirs, Y.encodeStateVectorFromUpdate(mine)), stateVector: Y.encodeStateVectorFromUpdate(theirs) });
      }
      const report = await b.sync.applyRemote(batch);
      expect(report.applied, where()).toBe(true);
      expect(report.failed, where()).toEqual([]);
    };
    for (let step = 0; step < operations; step += 1) {
      const id = pick(rand, ids);
      const current = await a.loadCase(id);
      if (!current.ok) continue;
      const { name, edit } = randomEdit(rand, current.value, step);
      const result = await a.editCase(id, edit);
      log.push(`${step} ${id} ${name} → ${result.ok ? 'ok' : result.error.code}`);
      if (rand() < 0.3) await carry();
    }
    await carry();
    const carried = await readTables(mirror);
    expect(carried, where()).toEqual(await readTables(source));
    expect((await b.rebuildProjection()).failed, where()).toEqual([]);
    expect(await readTables(mirror), where()).toEqual(carried);
  } finally {
    a.close();
    b.close();
  }
}

describe('replica projection vs rebuild, seeded', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`seed ${seed}: 150 random edits over 12 cases`, () => runSeed(seed, 150, 12, 12), 60_000);
  }
  // Two hot cases take > 100 edits each between them: compaction runs mid-sequence.
  for (const seed of [101, 102]) {
    it(`seed ${seed}: 300 random edits over 2 hot cases (compaction)`, () => runSeed(seed, 300, 6, 2, true), 60_000);
  }
});

describe('remote updates keep the rows exact, seeded', () => {
  for (const seed of [11, 12, 13]) {
    it(`seed ${seed}: 120 random edits over 8 cases carried as remote updates`, () => runRemoteSeed(seed, 120, 8), 60_000);
  }
});
