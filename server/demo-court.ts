/**
 * The demo court's case docs in the server store, for `npm start`: the same generator, seed and
 * day as the app's first start (shared/demo, 300 cases, seed 1), each case written with the
 * deterministic import client id (`createCaseDocFromImport`). The app's locally generated demo
 * and the server's copy are then byte-identical, and the first sync de-duplicates them instead
 * of keeping one of two concurrent writers per field (which would drop edits made inside the
 * losing side's party maps).
 *
 * Seeding never overwrites: it runs only while the court has no stored change at all, and a doc
 * the store already holds is skipped. Run it before the server
 * starts on the same folder (a running server would not see docs appended behind its back if it
 * had them loaded).
 */
import * as Y from 'yjs';
import { createCaseDocFromImport } from '../shared/domain/case-doc.js';
import { generateCourt } from '../shared/demo/index.js';
import { formatRoomName, roomDocKey } from '../shared/sync/rooms.js';
import { openSqliteStore } from './store/sqlite-store.js';

export const DEMO_CASES = 300;
export const DEMO_SEED = 1;

export interface SeedDemoCourtOptions {
  /** `YYYY-MM-DD`: the day the demo's dates are relative to (the app uses its local day). */
  readonly today: string;
  readonly cases?: number;
  readonly seed?: number;
}

export interface SeedDemoCourtReport {
  readonly courtId: string;
  readonly seeded: number;
  readonly skipped: number;
}

/** The local calendar day, as the app computes it (renderer/i18n/dates.ts `localDay`). */
export function localDay(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * @example
 *   const report = await seedDemoCourt('./court-data', { today: localDay() });
 *   console.log(`${report.seeded} vụ án mẫu`);
 */
export async function seedDemoCourt(dataDir: string, options: SeedDemoCourtOptions): Promise<SeedDemoCourtReport> {
  const file = generateCourt({ cases: options.cases ?? DEMO_CASES, seed: options.seed ?? DEMO_SEED, today: options.today });
  const courtId = file.court.id;
  const store = openSqliteStore(dataDir);
  let seeded = 0;
  let skipped = 0;
  try {
    // First start only: a court whose store has any change is left alone (its docs may hold edits).
    if ((await store.currentSeq(courtId)) > 0) return { courtId, seeded: 0, skipped: file.cases.length };
    for (const c of file.cases) {
      // formatRoomName validates the ids; the store is keyed by the room's doc key.
      const room = { courtId, kind: 'case' as const, id: c.id };
      formatRoomName(room);
      const docKey = roomDocKey(room);
      if ((await store.loadDoc(courtId, docKey)) !== null) {
        skipped++;
        continue;
      }
      const doc = createCaseDocFromImport(c);
      await store.appendUpdate(courtId, docKey, Y.encodeStateAsUpdate(doc));
      doc.destroy();
      seeded++;
    }
  } finally {
    await store.close();
  }
  return { courtId, seeded, skipped };
}
