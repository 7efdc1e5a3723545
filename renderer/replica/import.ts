/**
 * Bulk import of a court file into the replica: each case becomes a fresh Y.Doc whose state is
 * stored as its snapshot, plus its rows, in chunks of {@link IMPORT_CHUNK} cases per Dexie
 * transaction across the tables.
 *
 * Why chunks: Chromium's IndexedDB costs ~5–10 ms per transaction and ~360 µs per record
 * (perf-anchors §1.2), so one transaction per case would take minutes and one transaction for
 * everything would freeze the progress bar and hold every table. While one chunk commits, the
 * next one is built (Yjs encoding is CPU in the renderer, the commit is I/O in the browser
 * process), which hides most of the CPU time.
 *
 * A case whose id already has a doc is skipped, never overwritten: the replica's copy may hold
 * edits the file does not. The guard is `bulkAdd` on docSnapshots, plus a look at the packs (a
 * pulled doc may sit there, schema v9), which fails the chunk if a doc appeared meanwhile
 * (another window); the chunk is then re-filtered and retried.
 */
import { Dexie } from 'dexie';
import * as Y from 'yjs';
import { writeImportedCase } from '../../shared/domain/case-doc.js';
import type { Case, CourtFile, StaffMember } from '../../shared/domain/schemas.js';
import { newDoc, storedDocIds } from './doc-store.js';
import { isDuplicateKeyError } from './errors.js';
import { yieldToEventLoop } from './yield.js';
import { caseDocId, caseRecord, caseRowOf, projectCase } from './projection.js';
import { neverSyncedRecord, type CaseRecord, type CourtdeskDb, type DocSnapshotRecord } from './schema.js';
import type { CaseRow, ImportProgress, ImportReport } from './types.js';

export const IMPORT_CHUNK = 500;
const YIELD_EVERY = 50;

interface Chunk {
  readonly snapshots: DocSnapshotRecord[];
  readonly cases: CaseRecord[];
}

/**
 * Builds the records of new cases. Rows are projected from the validated input rather than read
 * back from the doc: `readCase(doc)` after `writeCase(doc, c)` equals `c` up to entity order, which
 * projectCase ignores, and skipping the read-back saves ~40% of the CPU time.
 */
async function buildChunk(cases: readonly Case[], now: string): Promise<Chunk> {
  const chunk: Chunk = { snapshots: [], cases: [] };
  for (const [i, c] of cases.entries()) {
    // Let the previous chunk's request callbacks run so its transaction can commit meanwhile,
    // and let the progress bar paint.
    if (i > 0 && i % YIELD_EVERY === 0) await yieldToEventLoop();
    // What createCaseDocFromImport does, with the doc id as guid (see newDoc): the deterministic
    // client id makes this machine's import and the server's identical, so sync de-duplicates them.
    const docId = caseDocId(c.id);
    const doc = newDoc(docId);
    writeImportedCase(doc, c);
    chunk.snapshots.push({ docId, state: Y.encodeStateAsUpdate(doc), updateCount: 0, updatedAt: now });
    doc.destroy();
    chunk.cases.push(caseRecord(projectCase(c)));
  }
  return chunk;
}

async function writeChunk(db: CourtdeskDb, chunk: Chunk): Promise<void> {
  await db.transaction('rw', [...db.docTables, db.syncState, ...db.rowTables], async () => {
    // A case pulled meanwhile (another window) may sit in a pack, which bulkAdd below cannot see:
    // found, the chunk fails like a duplicate key and is re-filtered (never shadowing the pull).
    const packed = await db.bodyPacks.where('docIds').anyOf(chunk.snapshots.map((s) => s.docId)).keys();
    if (packed.length > 0) throw new Dexie.ConstraintError(`already stored: ${String(packed[0])}`);
    await Promise.all([
      db.docSnapshots.bulkAdd(chunk.snapshots),
      // Imported cases are not on the court server yet: pending until it acknowledges them.
      db.syncState.bulkPut(chunk.snapshots.map((snapshot) => neverSyncedRecord(snapshot.docId))),
      db.cases.bulkPut(chunk.cases),
    ]);
  });
}

async function existingCaseDocIds(db: CourtdeskDb, ids: readonly string[]): Promise<Set<string>> {
  return db.transaction('r', db.docTables, async () => {
    const docIds = ids.map(caseDocId);
    const [own, packed] = await Promise.all([db.docSnapshots.where(':id').anyOf(docIds).primaryKeys(), db.bodyPacks.where('docIds').anyOf(docIds).keys()]);
    return new Set([...own, ...(packed as string[])]);
  });
}

/** Staff of the file, merged over what the replica knew (same id: the file's entry wins). */
function mergeStaff(known: readonly StaffMember[], incoming: readonly StaffMember[]): StaffMember[] {
  const byId = new Map(known.map((s) => [s.id, s]));
  for (const member of incoming) byId.set(member.id, member);
  return [...byId.values()];
}

export interface ImportHooks {
  readonly now: () => string;
  readonly onProgress?: (progress: ImportProgress) => void;
  /** Called with the rows of each committed chunk (keeps the in-memory index current). */
  readonly onChunkCommitted?: (rows: readonly CaseRow[]) => void;
}

/**
 * Imports the file's cases, chunk by chunk. Court and staff go to `meta`; `demoLoadedAt` is set
 * when a demo file (it carries its generator's `seed`) lands in an empty replica.
 */
export async function importCourtFile(db: CourtdeskDb, file: CourtFile, hooks: ImportHooks): Promise<ImportReport> {
  const total = file.cases.length;
  const wasEmpty = (await db.docSnapshots.count()) === 0 && (await db.bodyPacks.count()) === 0;
  // One key-only read up front instead of one per chunk; each chunk's write still checks.
  const known = wasEmpty ? new Set<string>() : new Set(await db.transaction('r', db.docTables, () => storedDocIds(db)));

  await db.transaction('rw', db.meta, async () => {
    const staff = ((await db.meta.get('staff'))?.value ?? []) as readonly StaffMember[];
    await db.meta.bulkPut([
      { key: 'court', value: file.court },
      { key: 'staff', value: mergeStaff(staff, file.staff) },
      ...(wasEmpty && file.seed !== undefined ? [{ key: 'demoLoadedAt' as const, value: hooks.now() }] : []),
    ]);
  });

  let imported = 0;
  let skipped = 0;
  let done = 0;
  hooks.onProgress?.({ done, total });

  // Pipelined: build chunk k+1 while chunk k commits.
  let inFlight: { chunk: Chunk; cases: readonly Case[]; write: Promise<void> } | undefined;
  const settle = async (): Promise<void> => {
    if (!inFlight) return;
    const { chunk, cases, write } = inFlight;
    inFlight = undefined;
    try {
      await write;
      imported += chunk.cases.length;
      hooks.onChunkCommitted?.(chunk.cases.map(caseRowOf));
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e;
      // A doc appeared since we looked (another window): re-filter and retry once.
      const present = await existingCaseDocIds(db, cases.map((c) => c.id));
      const fresh = cases.filter((c) => !present.has(caseDocId(c.id)));
      skipped += cases.length - fresh.length;
      const retry = await buildChunk(fresh, hooks.now());
      await writeChunk(db, retry);
      imported += retry.cases.length;
      hooks.onChunkCommitted?.(retry.cases.map(caseRowOf));
    }
    done += cases.length;
    hooks.onProgress?.({ done, total });
  };

  for (let start = 0; start < total; start += IMPORT_CHUNK) {
    const slice = file.cases.slice(start, start + IMPORT_CHUNK);
    const fresh: Case[] = [];
    for (const c of slice) {
      const docId = caseDocId(c.id);
      if (known.has(docId)) continue; // already stored, or a duplicate id in the file: first one wins
      known.add(docId);
      fresh.push(c);
    }
    skipped += slice.length - fresh.length;
    const chunk = await buildChunk(fresh, hooks.now());
    await settle();
    inFlight = { chunk, cases: fresh, write: fresh.length > 0 ? writeChunk(db, chunk) : Promise.resolve() };
    // Keep the promise from being reported as unhandled while the next chunk is built.
    inFlight.write.catch(() => undefined);
    if (fresh.length < slice.length) {
      // Skipped cases count as done right away.
      done += slice.length - fresh.length;
    }
  }
  await settle();
  return { imported, skipped };
}
