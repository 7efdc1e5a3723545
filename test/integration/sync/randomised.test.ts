/**
 * Seeded, replayable convergence of the client sync against the real server: 5 replicas make
 * random edits to case data (party corrections, additions, removals, case fields), disconnect and
 * reconnect at random, the server restarts, and batches are dropped (request lost, or response
 * lost after the server applied it) and reordered (a stale pull page replayed later). An
 * iteration is one random step. At the end everyone reconnects and syncs; every replica and the
 * server must hold identical content and identical state vectors, and nothing may be pending.
 *
 *   SYNC_SEED=123 SYNC_STEPS=2000 npx vitest run test/integration/sync/randomised.test.ts
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readCase, readCaseRaw } from '../../../shared/domain/case-doc.js';
import { removeParty, updateCaseFields, upsertParty } from '../../../shared/domain/case-mutations.js';
import type { CourtFile } from '../../../shared/domain/schemas.js';
import type { BatchResponse } from '../../../shared/sync/batch.js';
import type { Replica } from '../../../renderer/replica/types.js';
import { fromBase64 } from '../../../renderer/sync/base64.js';
import type { FetchLike } from '../../../renderer/sync/http.js';
import type { Session } from '../../../renderer/sync/session.js';
import { runCatchUp } from '../../../renderer/sync/catch-up.js';
import type { RunningServer } from '../../../server/server.js';
import { makeCourtFile, prng } from '../../unit/renderer/replica/fixtures.js';
import { serverBackend, type StoreKind } from '../pg/helpers.js';
import { usePgCluster } from '../pg/pg-harness.js';
import { COURT, openTestReplica, sessionFor } from './helpers.js';

/**
 * Fixed seeds in CI, so a red run can be replayed exactly (STYLE §6); SYNC_SEED explores others.
 * A seed that ever fails belongs in this list as a named regression.
 */
const SEEDS: readonly number[] = process.env.SYNC_SEED ? [Number(process.env.SYNC_SEED)] : [11, 2026, 48213];
/** Every seed on SQLite; the first on PostgreSQL too (same scenario, the other store; CI time). */
const CASES: readonly [StoreKind, number][] = [...SEEDS.map((seed): [StoreKind, number] => ['sqlite', seed]), ['postgres', SEEDS[0]!]];
const pg = usePgCluster();
const STEPS = Number(process.env.SYNC_STEPS ?? 500);
const CLIENTS = 5;

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Client {
  readonly replica: Replica;
  session: Session;
  online: boolean;
  /** A pull response kept to be replayed later (reordering). */
  stale?: BatchResponse;
}

function courtFile(): CourtFile {
  const file = makeCourtFile({ seed: 5, cases: 4 });
  return { ...file, court: { ...file.court, id: COURT }, cases: file.cases.map((c) => ({ ...c, courtId: COURT })) };
}

/** A fetch that may lose the request, lose the response, or replay a stale pull page. */
function flakyFetch(client: Client, rand: () => number, log: string[]): FetchLike {
  return async (input, init) => {
    const roll = rand();
    if (roll < 0.05) {
      log.push('drop-request');
      throw new TypeError('fetch failed (dropped request)');
    }
    const res = await fetch(input, init);
    const bytes = new Uint8Array(await res.arrayBuffer());
    if (roll < 0.1) {
      log.push('drop-response');
      throw new TypeError('fetch failed (dropped response)');
    }
    // The docs answers are binary (docs-wire.ts): passed on as they are.
    if (!(res.headers.get('content-type') ?? '').includes('json')) return new Response(bytes, { status: res.status, headers: res.headers });
    const body = JSON.parse(new TextDecoder().decode(bytes)) as BatchResponse;
    let answer = body;
    if (body.pull && roll < 0.15 && client.stale) {
      log.push('replay-stale-page');
      answer = { ...client.stale, acks: [], errors: [] };
    }
    if (body.pull && body.pull.docs.length > 0) client.stale = body;
    return new Response(JSON.stringify(answer), { status: res.status, headers: res.headers });
  };
}

describe.each(CASES)(`randomised convergence (%s store, seed %i, ${STEPS} steps)`, (store, SEED) => {
  it('ends with identical replicas and server', { timeout: 120_000 }, async () => {
    const rand = prng(SEED);
    const log: string[] = [];
    try {
      const backend = await serverBackend(store, pg);
      const users = ['u0', 'u1', 'u2', 'u3', 'u4'];
      for (const user of users) await backend.seedUser(user);
      let server: RunningServer = await backend.start();
      cleanups.push(() => server.close());
      const file = courtFile();
      const caseIds = file.cases.map((c) => c.id);
      const clients: Client[] = [];
      for (let i = 0; i < CLIENTS; i++) {
        const replica = await openTestReplica(`rnd${i}`);
        cleanups.push(() => replica.close());
        // Some import the court file (same content: deterministic ids), others start empty.
        if (i < 3) await replica.importCourtFile(file);
        clients.push({ replica, session: await sessionFor(server, users[i]), online: true });
      }
      let serial = 0;
      /** One catch-up; a mass change (many witnesses removed while offline) is confirmed, as a user would. */
      const sync = async (client: Client, flaky: boolean) => {
        const options = { replica: client.replica.sync, session: client.session, ...(flaky ? { fetch: flakyFetch(client, rand, log), pushBatch: 2, pullLimit: 2, changesLimit: 3 } : {}) };
        let result = await runCatchUp(options);
        if (result.kind === 'needsConfirmation') {
          log.push(`mass-change confirmed: ${JSON.stringify(result.summary)}`);
          result = await runCatchUp({ ...options, allowMassChange: true });
        }
        log.push(`sync:${result.kind}`);
        if (result.kind === 'refused' || result.kind === 'error' || result.kind === 'needsConfirmation') throw new Error(JSON.stringify(result));
        return result;
      };

      for (let step = 0; step < STEPS; step++) {
        const i = Math.floor(rand() * CLIENTS);
        const client = clients[i]!;
        const roll = rand();
        const caseId = caseIds[Math.floor(rand() * caseIds.length)]!;
        if (roll < 0.45) {
          const loaded = await client.replica.loadCase(caseId);
          if (!loaded.ok) continue; // this client has not received the case yet
          const parties = loaded.value.parties;
          const op = rand();
          serial += 1;
          if (op < 0.4 && parties.length > 0) {
            const party = parties[Math.floor(rand() * parties.length)]!;
            const field = rand() < 0.5 ? { address: `Địa chỉ ${serial} của ${i}` } : { phone: `09${String(serial).padStart(8, '0')}` };
            await client.replica.editCase(caseId, (doc, ctx) => upsertParty(doc, { ...readCase(doc).parties.find((p) => p.id === party.id)!, ...field }, ctx));
            log.push(`${step}:c${i} edit ${caseId}/${party.id}`);
          } else if (op < 0.65) {
            const id = `x${i}-${serial}`;
            await client.replica.editCase(caseId, (doc, ctx) => upsertParty(doc, { id, role: 'witness', fullName: `Người làm chứng ${serial}`, order: 10 + serial }, ctx));
            log.push(`${step}:c${i} add ${caseId}/${id}`);
          } else if (op < 0.8) {
            const extra = parties.filter((p) => p.id.startsWith('x'));
            if (extra.length > 0) {
              const party = extra[Math.floor(rand() * extra.length)]!;
              await client.replica.editCase(caseId, (doc, ctx) => removeParty(doc, party.id, ctx));
              log.push(`${step}:c${i} remove ${caseId}/${party.id}`);
            }
          } else {
            await client.replica.editCase(caseId, (doc, ctx) => updateCaseFields(doc, { notes: `Ghi chú ${serial} từ ${i}` }, ctx));
            log.push(`${step}:c${i} notes ${caseId}`);
          }
        } else if (roll < 0.8) {
          if (client.online) await sync(client, true);
        } else if (roll < 0.97) {
          client.online = !client.online;
          log.push(`${step}:c${i} ${client.online ? 'online' : 'offline'}`);
        } else {
          log.push(`${step}: server restart`);
          await server.close();
          server = await backend.start({ port: server.port });
        }
      }

      // Everyone back online; sync until nothing is pending anywhere (lost batches are retried).
      for (const client of clients) client.online = true;
      for (let round = 0; round < 20; round++) {
        for (const client of clients) {
          for (let attempt = 0; attempt < 10; attempt++) {
            if ((await sync(client, false)).kind === 'done') break;
          }
        }
        const pending = await Promise.all(clients.map((c) => c.replica.sync.pendingCaseIds()));
        if (round > 0 && pending.every((p) => p.length === 0)) break;
      }

      // The server's view: a full pull from seq 0 with no state vector.
      const session = await sessionFor(server, 'u0');
      const res = await fetch(`${server.url}/api/sync/batch`, {
        method: 'POST',
        headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ pull: { sinceSeq: 0, limit: 2000 } }),
      });
      const serverPage = ((await res.json()) as BatchResponse).pull!;
      const serverDocs = new Map<string, Y.Doc>();
      for (const doc of serverPage.docs) {
        const y = new Y.Doc();
        Y.applyUpdate(y, fromBase64(doc.update));
        serverDocs.set(doc.room.split('/').at(-1)!, y);
      }
      expect([...serverDocs.keys()].sort()).toEqual([...caseIds].sort());

      for (const [index, client] of clients.entries()) {
        expect(await client.replica.sync.pendingCaseIds(), `client ${index} pending`).toEqual([]);
        for (const caseId of caseIds) {
          const state = await client.replica.sync.docState(caseId);
          expect(state, `client ${index} has ${caseId}`).toBeDefined();
          const local = new Y.Doc();
          Y.applyUpdate(local, state!);
          const remote = serverDocs.get(caseId)!;
          expect(Y.encodeStateVector(local), `state vector of ${caseId} on client ${index}`).toEqual(Y.encodeStateVector(remote));
          expect(readCaseRaw(local), `content of ${caseId} on client ${index}`).toEqual(readCaseRaw(remote));
          // Rows agree with the doc (projection kept in step by remote applies).
          const parties = await client.replica.partiesOf(caseId);
          expect(parties.map((p) => p.partyId).sort()).toEqual((readCaseRaw(local).parties as { id: string }[]).map((p) => p.id).sort());
        }
      }
      expect(log.filter((l) => l.startsWith('sync:')).length).toBeGreaterThan(STEPS / 10);
    } catch (error) {
      console.error(`Randomised sync failed on ${store} with SYNC_SEED=${SEED} SYNC_STEPS=${STEPS}. Last steps:\n${log.slice(-30).join('\n')}`);
      throw error;
    }
  });
});
