/**
 * Recomputes every row from the docs: after an app update that changes the projection
 * (PROJECTION_VERSION), or on demand. The docs are read, never written.
 *
 * It reconciles rather than clears: each chunk of docs is read and its rows replaced in one
 * transaction (so an edit committing meanwhile can never be overwritten by an older
 * projection), then rows whose case has no doc are deleted. A doc that cannot be read keeps
 * its previous rows, so the case stays in the register and opening it shows the error; it is
 * reported in `failed`, never replaced by an empty case.
 */
import type { Table } from 'dexie';
import { readCase } from '../../shared/domain/case-doc.js';
import { applyStoredDoc, newDoc, readStoredDocs, storedDocIds } from './doc-store.js';
import { yieldToEventLoop } from './yield.js';
import { caseIdOfDoc, projectCase, PROJECTION_VERSION, type CaseProjection } from './projection.js';
import type { CaseRowList, CourtdeskDb } from './schema.js';
import type { CaseRow, ImportProgress, RebuildReport } from './types.js';

const REBUILD_CHUNK = 200;

export interface RebuildHooks {
  readonly onProgress?: (progress: ImportProgress) => void;
}

/** Projects one stored case doc; undefined when it cannot be read. */
function projectStored(docId: string, stored: Parameters<typeof applyStoredDoc>[2] | undefined): CaseProjection | undefined {
  if (!stored) return undefined;
  const doc = newDoc(docId);
  try {
    const applied = applyStoredDoc(doc, docId, stored);
    if (!applied.ok) return undefined;
    return projectCase(readCase(doc));
  } catch {
    return undefined;
  } finally {
    doc.destroy();
  }
}

/**
 * Replaces the rows of the given cases with their projections: writes only rows that differ from
 * what is stored and deletes child rows that went away. Reading is ~8× cheaper than writing in
 * Chromium (perf-anchors §1.2), and a rebuild or an edit usually changes few rows.
 */
export async function replaceRows(db: CourtdeskDb, projections: readonly CaseProjection[]): Promise<void> {
  if (projections.length === 0) return;
  const caseIds = projections.map((p) => p.caseRow.id);
  await Promise.all([
    putChanged(db.cases, caseIds, projections.map((p) => p.caseRow), (row) => row.id),
    replaceLists(db.parties, projections.map((p) => [p.caseRow.id, p.partyRows])),
    replaceChildren(db.hearings, caseIds, projections.flatMap((p) => p.hearingRows)),
    replaceLists(db.documents, projections.map((p) => [p.caseRow.id, p.documentRows])),
  ]);
}

/**
 * Writes the rows of cases new to this replica (a pulled doc it never held): nothing stored to
 * compare with, so no reads. The reads of {@link replaceRows} (an index scan per child table)
 * were most of the cost of an initial catch-up. Rows a crash may have left for such a case are
 * overwritten by key; any other leftover child row is reconciled by the next rebuild.
 */
export async function insertRows(db: CourtdeskDb, projections: readonly CaseProjection[]): Promise<void> {
  if (projections.length === 0) return;
  await Promise.all([
    db.cases.bulkPut(projections.map((p) => p.caseRow)),
    db.parties.bulkPut(listsOf(projections.map((p) => [p.caseRow.id, p.partyRows]))),
    db.hearings.bulkPut(projections.flatMap((p) => p.hearingRows)),
    db.documents.bulkPut(listsOf(projections.map((p) => [p.caseRow.id, p.documentRows]))),
  ]);
}

/** A case whose stored doc was read before a change: its rows as they are stored, and as they become. */
export interface ProjectionChange {
  readonly before: CaseProjection;
  readonly after: CaseProjection;
}

/**
 * {@link replaceRows} without reading the row tables: the rows stored for a case are exactly the
 * projection of its stored doc (rows and docs are written in one transaction, and a projection
 * change rebuilds them all), so the doc read before the change already says which child rows
 * exist. An incremental catch-up of 500 cases spent most of its time in the index scans of
 * {@link replaceRows}. Changed and new rows are put, rows gone from the projection deleted.
 */
export async function replaceRowsKnown(db: CourtdeskDb, changes: readonly ProjectionChange[]): Promise<void> {
  if (changes.length === 0) return;
  await Promise.all([
    db.cases.bulkPut(changes.filter((c) => !sameRow(c.before.caseRow, c.after.caseRow)).map((c) => c.after.caseRow)),
    writeLists(db.parties, changes.filter((c) => !sameRows(c.before.partyRows, c.after.partyRows)).map((c) => [c.after.caseRow.id, c.after.partyRows])),
    replaceKnownChildren(db.hearings, changes.map((c) => [c.before.hearingRows, c.after.hearingRows])),
    writeLists(db.documents, changes.filter((c) => !sameRows(c.before.documentRows, c.after.documentRows)).map((c) => [c.after.caseRow.id, c.after.documentRows])),
  ]);
}

/** A case's rows of one list table (parties, documents), as `projectCase` gives them. */
type CaseRows<R> = readonly [caseId: string, rows: readonly R[]];

/** The records of some cases' lists: a case with no rows has no record (schema.ts `CaseRowList`). */
function listsOf<R>(lists: readonly CaseRows<R>[]): CaseRowList<R>[] {
  return lists.filter(([, rows]) => rows.length > 0).map(([caseId, rows]) => ({ caseId, rows }));
}

/** Puts the lists that have rows and deletes the records of those that have none any more. */
async function writeLists<R>(table: Table<CaseRowList<R>, string>, lists: readonly CaseRows<R>[]): Promise<void> {
  const emptied = lists.filter(([, rows]) => rows.length === 0).map(([caseId]) => caseId);
  const filled = listsOf(lists);
  await Promise.all([emptied.length > 0 ? table.bulkDelete(emptied) : undefined, filled.length > 0 ? table.bulkPut(filled) : undefined]);
}

/** {@link writeLists} of the lists that differ from what is stored (read first: reads are cheap). */
async function replaceLists<R extends object>(table: Table<CaseRowList<R>, string>, lists: readonly CaseRows<R>[]): Promise<void> {
  const stored = await table.bulkGet(lists.map(([caseId]) => caseId));
  await writeLists(table, lists.filter(([, rows], i) => !sameRows(stored[i]?.rows ?? [], rows)));
}

function sameRows(a: readonly object[], b: readonly object[]): boolean {
  return a.length === b.length && a.every((row, i) => sameRow(row, b[i]!));
}

async function replaceKnownChildren<R extends { key: string }>(table: Table<R, string>, pairs: readonly (readonly [readonly R[], readonly R[]])[]): Promise<void> {
  const stale: string[] = [];
  const changed: R[] = [];
  for (const [before, after] of pairs) {
    const previous = new Map(before.map((row) => [row.key, row]));
    const kept = new Set(after.map((row) => row.key));
    for (const row of before) if (!kept.has(row.key)) stale.push(row.key);
    for (const row of after) {
      const old = previous.get(row.key);
      if (old === undefined || !sameRow(old, row)) changed.push(row);
    }
  }
  await Promise.all([stale.length > 0 ? table.bulkDelete(stale) : undefined, changed.length > 0 ? table.bulkPut(changed) : undefined]);
}

/** Rows are flat records of primitives: equal when every field is. */
function sameRow(a: object, b: object): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((key) => left[key] === right[key]);
}

async function putChanged<R extends object>(table: Table<R, string>, keys: string[], rows: R[], keyOf: (row: R) => string): Promise<void> {
  const stored = await table.bulkGet(keys);
  const byKey = new Map(stored.filter((row): row is R => row !== undefined).map((row) => [keyOf(row), row]));
  const changed = rows.filter((row) => {
    const before = byKey.get(keyOf(row));
    return before === undefined || !sameRow(before, row);
  });
  if (changed.length > 0) await table.bulkPut(changed);
}

/** Puts the changed child rows of some cases and deletes those no longer projected. */
async function replaceChildren<R extends { key: string }>(table: Table<R, string>, caseIds: string[], rows: R[]): Promise<void> {
  const stored = new Map((await table.where('caseId').anyOf(caseIds).toArray()).map((row) => [row.key, row]));
  const keep = new Set(rows.map((r) => r.key));
  const stale = [...stored.keys()].filter((key) => !keep.has(key));
  const changed = rows.filter((row) => {
    const before = stored.get(row.key);
    return before === undefined || !sameRow(before, row);
  });
  await Promise.all([stale.length > 0 ? table.bulkDelete(stale) : undefined, changed.length > 0 ? table.bulkPut(changed) : undefined]);
}

/**
 * Rebuilds the projection; `onRows` receives the case rows written and the case ids removed.
 */
export async function rebuildProjection(
  db: CourtdeskDb,
  hooks: RebuildHooks & { readonly onRows?: (rows: readonly CaseRow[], removed: readonly string[]) => void },
): Promise<RebuildReport> {
  const docIds = (await db.transaction('r', db.docTables, () => storedDocIds(db))).filter((id) => caseIdOfDoc(id) !== undefined);
  const failed: string[] = [];
  let rebuilt = 0;
  hooks.onProgress?.({ done: 0, total: docIds.length });

  for (let start = 0; start < docIds.length; start += REBUILD_CHUNK) {
    const chunkIds = docIds.slice(start, start + REBUILD_CHUNK);
    const rows = await db.transaction(
      'rw',
      [...db.docTables, db.cases, db.parties, db.hearings, db.documents],
      async () => {
        const stored = await readStoredDocs(db, chunkIds);
        const projections: CaseProjection[] = [];
        for (const docId of chunkIds) {
          const projection = projectStored(docId, stored.get(docId));
          if (projection) projections.push(projection);
          else failed.push(caseIdOfDoc(docId)!);
        }
        await replaceRows(db, projections);
        return projections.map((p) => p.caseRow);
      },
    );
    rebuilt += rows.length;
    hooks.onRows?.(rows, []);
    hooks.onProgress?.({ done: Math.min(start + REBUILD_CHUNK, docIds.length), total: docIds.length });
    await yieldToEventLoop();
  }

  const removed = await removeOrphans(db);
  hooks.onRows?.([], removed);
  await db.meta.put({ key: 'projectionVersion', value: PROJECTION_VERSION });
  return { rebuilt, failed };
}

/** Deletes rows whose case has no doc (left by a crash or an older app). Key-only reads. */
async function removeOrphans(db: CourtdeskDb): Promise<string[]> {
  return db.transaction('rw', [...db.docTables, db.cases, db.parties, db.hearings, db.documents], async () => {
    // Read inside the transaction: an import may have added docs since the rebuild started.
    const current = new Set((await storedDocIds(db)).map(caseIdOfDoc).filter((id): id is string => id !== undefined));
    const isOrphan = (id: string) => !current.has(id);
    const orphanCases = (await db.cases.toCollection().primaryKeys()).filter(isOrphan);
    await db.cases.bulkDelete(orphanCases);
    const removed = new Set(orphanCases);
    for (const table of [db.parties, db.documents]) {
      const orphans = ((await table.toCollection().primaryKeys()) as string[]).filter(isOrphan);
      for (const id of orphans) removed.add(id);
      await table.bulkDelete(orphans);
    }
    const orphanHearings = ((await db.hearings.orderBy('caseId').uniqueKeys()) as string[]).filter(isOrphan);
    for (const id of orphanHearings) removed.add(id);
    if (orphanHearings.length > 0) await db.hearings.where('caseId').anyOf(orphanHearings).delete();
    return [...removed];
  });
}
