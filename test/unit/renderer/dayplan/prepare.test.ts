/**
 * The day pack over a real replica in fake-indexeddb: the doc probe tells stored from absent and
 * never-synced from acknowledged, the pack syncs first only when it can, and the verdicts follow
 * what the replica holds.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDocProbe } from '../../../../renderer/dayplan/local-docs.js';
import { hearingsOfDays, prepareDayPack, type PackSync } from '../../../../renderer/dayplan/prepare.js';
import { openReplica } from '../../../../renderer/replica/replica.js';
import { CourtdeskDb } from '../../../../renderer/replica/schema.js';
import type { Replica } from '../../../../renderer/replica/types.js';
import type { SyncPhase } from '../../../../renderer/sync/status.js';
import { generateCourt } from '../../../../shared/demo/index.js';
import { upsertDocumentRef } from '../../../../shared/domain/case-mutations.js';
import { fakeIdb } from '../replica/fixtures.js';

const TODAY = '2026-03-04';
const court = generateCourt({ cases: 60, seed: 9, today: TODAY });
const opened: { close(): void }[] = [];
afterEach(() => {
  for (const item of opened.splice(0)) item.close();
});

async function setup() {
  const idb = fakeIdb();
  const replica: Replica = await openReplica(idb);
  opened.push(replica);
  await replica.importCourtFile(court);
  const probe = openDocProbe(idb);
  opened.push(probe);
  const db = new CourtdeskDb(idb.name, { indexedDB: idb.indexedDB, IDBKeyRange: idb.IDBKeyRange });
  await db.open();
  opened.push(db);
  return { replica, probe, db };
}

/** A day with a civil first-instance trial still to come (a minutes template serves it). */
function trialDay(): { day: string; caseId: string } {
  for (const kase of court.cases) {
    if (kase.type !== 'DS' || kase.level !== 'ST') continue;
    const hearing = kase.hearings.find((h) => h.kind === 'trial' && h.status === 'scheduled' && h.startsAt.slice(0, 10) > TODAY);
    if (hearing) return { day: hearing.startsAt.slice(0, 10), caseId: kase.id };
  }
  throw new Error('the demo court has no coming DS trial');
}

function fakeSync(phase: SyncPhase): PackSync & { calls: number } {
  const sync = {
    calls: 0,
    syncNow() {
      sync.calls += 1;
    },
    idle: () => Promise.resolve(),
    getStatus: () => ({ phase, ...(phase === 'offline' ? { messageVi: 'Không kết nối được máy chủ tòa án.' } : {}) }),
  };
  return sync;
}

describe('openDocProbe', () => {
  it('tells absent, never synced, acknowledged and locally changed docs apart', async () => {
    const { probe, db } = await setup();
    const [first, second] = court.cases;
    await db.syncState.bulkPut([
      { docId: `case:${first!.id}`, dirty: 0, localVersion: 0 },
      { docId: `case:${second!.id}`, dirty: 1, localVersion: 1 },
    ]);
    const states = await probe.states([`case:${first!.id}`, `case:${second!.id}`, `case:${court.cases[2]!.id}`, 'doc:nope']);
    expect([...states]).toEqual([
      [`case:${first!.id}`, 'synced'],
      [`case:${second!.id}`, 'pending'],
      [`case:${court.cases[2]!.id}`, 'unknown'],
      ['doc:nope', 'absent'],
    ]);
  });
});

describe('prepareDayPack', () => {
  it('catches up first when a server is configured and the browser is online, and says how it went', async () => {
    const { replica, probe } = await setup();
    const { day } = trialDay();
    const base = { replica, probe, court: court.court, staff: court.staff, days: [day], now: () => '2026-03-04T09:00:00.000Z' };
    const synced = fakeSync('synced');
    expect((await prepareDayPack({ ...base, sync: synced, serverConfigured: true, online: true })).sync).toEqual({ kind: 'synced' });
    expect(synced.calls).toBe(1);
    const offline = fakeSync('synced');
    expect((await prepareDayPack({ ...base, sync: offline, serverConfigured: true, online: false })).sync).toEqual({ kind: 'skipped', reason: 'offline' });
    expect((await prepareDayPack({ ...base, sync: offline, serverConfigured: false, online: true })).sync).toEqual({ kind: 'skipped', reason: 'signedOut' });
    expect(offline.calls).toBe(0);
    const failing = fakeSync('offline');
    expect((await prepareDayPack({ ...base, sync: failing, serverConfigured: true, online: true })).sync).toEqual({ kind: 'failed', phase: 'offline', messageVi: 'Không kết nối được máy chủ tòa án.' });
    const stuck: PackSync = { syncNow: () => undefined, idle: () => new Promise(() => undefined), getStatus: () => ({ phase: 'syncing' }) };
    expect((await prepareDayPack({ ...base, sync: stuck, serverConfigured: true, online: true, syncTimeoutMs: 20 })).sync).toEqual({ kind: 'failed', phase: 'syncing' });
  });

  it('checks every hearing of the day: never-synced case docs block, acknowledged ones are ready', async () => {
    const { replica, probe, db } = await setup();
    const { day, caseId } = trialDay();
    const rows = await hearingsOfDays(replica, [day]);
    expect(rows.length).toBeGreaterThan(0);
    const pack = await prepareDayPack({ replica, probe, court: court.court, staff: court.staff, days: [day], serverConfigured: true, online: false });
    expect(pack.days).toEqual([day]);
    expect(pack.hearings.map((h) => h.hearing.key)).toEqual(rows.map((r) => r.key));
    const trial = pack.hearings.find((h) => h.hearing.caseId === caseId)!;
    expect(trial.minutesTemplateId).toMatch(/^NQ01-2017\/48-DS/);
    expect(trial.readiness.ready).toBe(false);
    expect(trial.readiness.issues.map((i) => i.code)).toContain('caseNotSynced');

    // The server acknowledged every case doc: the trial is ready; a document body drafted in
    // Courtdesk (a templateId on its ref) that is not on the laptop blocks it again.
    await db.syncState.bulkPut(court.cases.map((c) => ({ docId: `case:${c.id}`, dirty: 0 as const, localVersion: 0 })));
    const after = await prepareDayPack({ replica, probe, court: court.court, staff: court.staff, days: [day], serverConfigured: true, online: false });
    const ready = after.hearings.find((h) => h.hearing.caseId === caseId)!;
    expect(ready.readiness.ready, JSON.stringify(ready.readiness.issues)).toBe(true);

    // A draft drafted in Courtdesk (its ref has a templateId) whose body is not here blocks again;
    // once its body is stored and acknowledged, the hearing is ready once more.
    const edited = await replica.editCase(caseId, (doc, ctx) =>
      upsertDocumentRef(doc, { id: 'dp-draft', kind: 'decision', title: 'Quyết định hoãn phiên tòa', templateId: 'NQ01-2017/41-DS', status: 'draft', createdAt: '2026-03-03T02:00:00Z', updatedAt: '2026-03-03T02:00:00Z' }, ctx),
    );
    expect(edited.ok).toBe(true);
    await db.syncState.put({ docId: `case:${caseId}`, dirty: 0, localVersion: 0 });
    const missing = (await prepareDayPack({ replica, probe, court: court.court, staff: court.staff, days: [day], serverConfigured: true, online: false })).hearings.find((h) => h.hearing.caseId === caseId)!;
    expect(missing.readiness.ready).toBe(false);
    expect(missing.readiness.issues).toContainEqual({ code: 'documentMissing', severity: 'blocking', subjects: ['Quyết định hoãn phiên tòa'] });

    const body = new Y.Doc();
    body.getMap('meta').set('title', 'Quyết định hoãn phiên tòa');
    await db.docSnapshots.put({ docId: 'doc:dp-draft', state: Y.encodeStateAsUpdate(body), updateCount: 0, updatedAt: '2026-03-04T09:00:00.000Z' });
    await db.syncState.put({ docId: 'doc:dp-draft', dirty: 0, localVersion: 0 });
    const back = (await prepareDayPack({ replica, probe, court: court.court, staff: court.staff, days: [day], serverConfigured: true, online: false })).hearings.find((h) => h.hearing.caseId === caseId)!;
    expect(back.readiness.ready, JSON.stringify(back.readiness.issues)).toBe(true);
  });

  it('keeps only the hearings the filter includes (a judge\'s)', async () => {
    const { replica, probe } = await setup();
    const { day } = trialDay();
    const rows = await hearingsOfDays(replica, [day]);
    const judgeId = rows[0]!.judgeId;
    const pack = await prepareDayPack({ replica, probe, court: court.court, staff: court.staff, days: [day], serverConfigured: false, online: true, include: (h) => h.judgeId === judgeId });
    expect(pack.hearings.length).toBe(rows.filter((r) => r.judgeId === judgeId).length);
    expect(pack.hearings.every((h) => h.readiness.issues.some((i) => i.code === 'noServer'))).toBe(true);
  });
});
