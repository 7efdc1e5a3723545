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
import { caseIdOfDoc, caseRecord, projectCase, PROJECTION_VERSION, type CaseProjection } from './projection.js';
import type { CaseRecord, CourtdeskDb } from './schema.js';
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
 * Replaces the rows of the given cases with their projections, writing only records that differ
 * from what is stored. Reading is ~8× cheaper than writing in Chromium (perf-anchors §1.2), and a
 * rebuild or an edit usually changes few rows.
 */
export async function replaceRows(db: CourtdeskDb, projections: readonly CaseProjection[]): Promise<void> {
  if (projections.length === 0) return;
  const stored = await db.cases.bulkGet(projections.map((p) => p.caseRow.id));
  const changed = projections.map(caseRecord).filter((record, i) => !sameRecord(stored[i], record));
  if (changed.length > 0) await db.cases.bulkPut(changed);
}

/**
 * Writes the rows of cases new to this replica (a pulled doc it never held): nothing stored to
 * compare with, so no reads. The reads of {@link replaceRows} were most of the cost of an
 * initial catch-up. Rows a crash may have left for such a case are overwritten by key.
 */
export async function insertRows(db: CourtdeskDb, projections: readonly CaseProjection[]): Promise<void> {
  if (projections.length === 0) return;
  await db.cases.bulkPut(projections.map(caseRecord));
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
 * are put whole (a case that lost its last party, hearing and document loses its details).
 */
export async function replaceRowsKnown(db: CourtdeskDb, changes: readonly ProjectionChange[]): Promise<void> {
  if (changes.length === 0) return;
  const changed = changes.map((c) => caseRecord(c.after)).filter((record, i) => !sameRecord(caseRecord(changes[i]!.before), record));
  if (changed.length > 0) await db.cases.bulkPut(changed);
}

/** The index fields follow from the details (and the judge), which are compared as text. */
const DERIVED = new Set<string>(['hearingDays', 'judgeDays']);

/**
 * Two `cases` records holding the same row and the same details. The row's fields are primitives
 * and the details one string (projection.ts `caseRecord`): equal when every field is.
 */
function sameRecord(a: CaseRecord | undefined, b: CaseRecord): boolean {
  if (!a) return false;
  const left = a as unknown as Record<string, unknown>;
  const right = b as unknown as Record<string, unknown>;
  const keys = Object.keys(left).filter((key) => !DERIVED.has(key));
  return keys.length === Object.keys(right).filter((key) => !DERIVED.has(key)).length && keys.every((key) => left[key] === right[key]);
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
    const orphans = (await db.cases.toCollection().primaryKeys()).filter(isOrphan);
    await db.cases.bulkDelete(orphans);
    return orphans;
  });
}
