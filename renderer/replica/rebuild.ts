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
import { readCase } from '../../shared/domain/case-doc.js';
import { applyStoredDoc, newDoc, readStoredDocs, storedDocIds } from './doc-store.js';
import { yieldToEventLoop } from './yield.js';
import { caseIdOfDoc, detailsRecord, projectCase, PROJECTION_VERSION, type CaseProjection } from './projection.js';
import type { CaseDetailsRecord, CourtdeskDb } from './schema.js';
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
 * Replaces the rows of the given cases with their projections: writes only records that differ
 * from what is stored and deletes the details of a case that has none any more. Reading is ~8×
 * cheaper than writing in Chromium (perf-anchors §1.2), and a rebuild or an edit usually changes
 * few rows.
 */
export async function replaceRows(db: CourtdeskDb, projections: readonly CaseProjection[]): Promise<void> {
  if (projections.length === 0) return;
  const caseIds = projections.map((p) => p.caseRow.id);
  await Promise.all([
    db.cases.bulkGet(caseIds).then((stored) => {
      const changed = projections.filter((p, i) => !sameRow(stored[i] ?? {}, p.caseRow)).map((p) => p.caseRow);
      return changed.length > 0 ? db.cases.bulkPut(changed) : undefined;
    }),
    db.caseDetails.bulkGet(caseIds).then((stored) => writeDetails(db, projections.filter((p, i) => !sameDetails(stored[i], detailsRecord(p))))),
  ]);
}

/**
 * Writes the rows of cases new to this replica (a pulled doc it never held): nothing stored to
 * compare with, so no reads. The reads of {@link replaceRows} were most of the cost of an
 * initial catch-up. Rows a crash may have left for such a case are overwritten by key.
 */
export async function insertRows(db: CourtdeskDb, projections: readonly CaseProjection[]): Promise<void> {
  if (projections.length === 0) return;
  await Promise.all([
    db.cases.bulkPut(projections.map((p) => p.caseRow)),
    db.caseDetails.bulkPut(projections.flatMap((p) => detailsRecord(p) ?? [])),
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
 * change rebuilds them all), so the doc read before the change already says what is stored. An
 * incremental catch-up of 500 cases spent most of its time reading rows back. Changed records
 * are put, a case's details deleted when it has none any more.
 */
export async function replaceRowsKnown(db: CourtdeskDb, changes: readonly ProjectionChange[]): Promise<void> {
  if (changes.length === 0) return;
  const rows = changes.filter((c) => !sameRow(c.before.caseRow, c.after.caseRow)).map((c) => c.after.caseRow);
  await Promise.all([
    rows.length > 0 ? db.cases.bulkPut(rows) : undefined,
    writeDetails(db, changes.filter((c) => !sameDetails(detailsRecord(c.before), detailsRecord(c.after))).map((c) => c.after)),
  ]);
}

/** Puts the details of these cases, deleting the record of those that have none. */
async function writeDetails(db: CourtdeskDb, projections: readonly CaseProjection[]): Promise<void> {
  const filled: CaseDetailsRecord[] = [];
  const emptied: string[] = [];
  for (const projection of projections) {
    const record = detailsRecord(projection);
    if (record) filled.push(record);
    else emptied.push(projection.caseRow.id);
  }
  await Promise.all([emptied.length > 0 ? db.caseDetails.bulkDelete(emptied) : undefined, filled.length > 0 ? db.caseDetails.bulkPut(filled) : undefined]);
}

/** Two details records holding the same rows (the index fields follow from the hearings). */
function sameDetails(a: CaseDetailsRecord | undefined, b: CaseDetailsRecord | undefined): boolean {
  if (!a || !b) return a === b;
  return sameRows(a.parties, b.parties) && sameRows(a.hearings, b.hearings) && sameRows(a.documents, b.documents);
}

function sameRows(a: readonly object[], b: readonly object[]): boolean {
  return a.length === b.length && a.every((row, i) => sameRow(row, b[i]!));
}

/** Rows are flat records of primitives: equal when every field is. */
function sameRow(a: object, b: object): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((key) => left[key] === right[key]);
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
      [...db.docTables, ...db.rowTables],
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
  return db.transaction('rw', [...db.docTables, ...db.rowTables], async () => {
    // Read inside the transaction: an import may have added docs since the rebuild started.
    const current = new Set((await storedDocIds(db)).map(caseIdOfDoc).filter((id): id is string => id !== undefined));
    const isOrphan = (id: string) => !current.has(id);
    const orphanCases = (await db.cases.toCollection().primaryKeys()).filter(isOrphan);
    const orphanDetails = ((await db.caseDetails.toCollection().primaryKeys()) as string[]).filter(isOrphan);
    await Promise.all([db.cases.bulkDelete(orphanCases), db.caseDetails.bulkDelete(orphanDetails)]);
    const removed = new Set([...orphanCases, ...orphanDetails]);
    return [...removed];
  });
}
