/**
 * A replica as an older app version left it: the docs and rows of a court file, written raw in the
 * layout of the first `migrationCount` schema versions. The current code cannot write into an old
 * layout (schema v8 keyed parties and documents by case, v10 put a case's rows in one record, v11
 * in its case's record), so the file is imported into a current replica first and its records
 * are copied, rows flattened back to one case row and one record per party, per hearing and per
 * document (the layout up to v7). No sync record is written: before v5 an import wrote none.
 */
import { caseDetailsOf, caseRowOf } from '../../../../renderer/replica/projection.js';
import { openReplica } from '../../../../renderer/replica/replica.js';
import { CourtdeskDb, MIGRATIONS } from '../../../../renderer/replica/schema.js';
import type { CourtFile } from '../../../../shared/domain/schemas.js';
import { fakeIdb } from './fixtures.js';

export async function writeOlderReplica(name: string, migrationCount: number, file: CourtFile): Promise<void> {
  const scratch = fakeIdb();
  const current = await openReplica(scratch);
  await current.importCourtFile(file);
  current.close();
  const source = new CourtdeskDb(scratch.name, scratch);
  await source.open();
  const [snapshots, records, meta] = await Promise.all([source.docSnapshots.toArray(), source.cases.toArray(), source.meta.toArray()]);
  if (migrationCount > 7) throw new Error('writeOlderReplica writes the layout of schema v7 and before');
  source.close();
  const older = new CourtdeskDb(name, { ...fakeIdb(name), migrations: MIGRATIONS.slice(0, migrationCount) });
  await older.open();
  await older.transaction('rw', ['docSnapshots', 'cases', 'parties', 'hearings', 'documents', 'meta'], async (tx) => {
    await tx.table('docSnapshots').bulkPut(snapshots);
    await tx.table('cases').bulkPut(records.map(caseRowOf));
    await tx.table('parties').bulkPut(records.flatMap((record) => caseDetailsOf(record).parties));
    await tx.table('hearings').bulkPut(records.flatMap((record) => caseDetailsOf(record).hearings));
    await tx.table('documents').bulkPut(records.flatMap((record) => caseDetailsOf(record).documents));
    await tx.table('meta').bulkPut(meta.map((record) => (record.key === 'projectionVersion' ? { key: record.key, value: 1 } : record)));
  });
  older.close();
}
