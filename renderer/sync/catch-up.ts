/**
 * The batch catch-up (docs/SYNC-PROTOCOL.md §4): push every pending doc (case docs and document
 * bodies) in batches, then pull "what changed since seq N" page by page until `hasMore` is false,
 * in two steps per page (which docs changed; then their missing bytes, binary), applying each
 * answer to the replica in one transaction and storing the cursor after each page (an interrupted
 * catch-up resumes where it stopped). Usable in Node (integration tests) with its global `fetch`.
 *
 * Every outcome is a value: a refusal (401/403) is not "offline", and a page the mass-change
 * guard refuses stops the run with nothing written and the cursor where it was.
 */
import { DEFAULT_CHANGES_LIMIT, DEFAULT_PULL_LIMIT, type BatchDocError, type BatchResponse, type ChangesPage } from '../../shared/sync/batch.js';
import { decodeDocsPage, type WireDocsPage } from '../../shared/sync/docs-wire.js';
import type { DecodeAheadReport, ReplicaSync, SyncChangeSummary, SyncPulledDocById } from '../replica/types.js';
import { fromBase64, toBase64 } from './base64.js';
import { isMassChange } from './guards.js';
import { docIdOfRoom, roomOfDocId } from './doc-rooms.js';
import { apiUrl, postForBytes, postJson, type FetchLike, type HttpOutcome } from './http.js';
import type { Session } from './session.js';

export interface CatchUpProgress {
  readonly phase: 'push' | 'pull';
  readonly done: number;
  readonly total: number;
}

export interface CatchUpOptions {
  readonly replica: ReplicaSync;
  readonly session: Session;
  readonly fetch?: FetchLike;
  readonly onProgress?: (progress: CatchUpProgress) => void;
  /** Cases per push request (default 100). */
  readonly pushBatch?: number;
  /** Docs per `/api/sync/docs` request (default 500). */
  readonly pullLimit?: number;
  /** Changed docs per `/api/sync/changes` page (default 2,000). */
  readonly changesLimit?: number;
  /** Apply a page even if it is a mass change (the user confirmed). */
  readonly allowMassChange?: boolean;
  /** Override of the mass-change rule (tests). */
  readonly isMassChange?: (summary: SyncChangeSummary) => boolean;
  readonly now?: () => Date;
}

export type CatchUpResult =
  | {
      readonly kind: 'done';
      readonly pushed: number;
      /** Cases now fully on the server. */
      readonly acked: number;
      readonly pulled: number;
      readonly seq: number;
      /** Per-document refusals (they stay pending). */
      readonly docErrors: readonly BatchDocError[];
      /**
       * Where the pull's time went (ms): waiting for the server's answers, storing them. `askMs`
       * is the part of each docs request spent reading the replica's state vectors (it runs
       * while the previous chunk is stored, so it overlaps `storeMs` and counts in `waitMs`).
       */
      readonly pullTimings: { readonly waitMs: number; readonly storeMs: number; readonly askMs: number };
      /** Case docs decoded before their transaction, in the decode workers or on this thread. */
      readonly decodedAhead: DecodeAheadReport;
      readonly serverDate?: number;
    }
  | { readonly kind: 'needsConfirmation'; readonly summary: SyncChangeSummary; readonly serverDate?: number }
  | { readonly kind: 'refused'; readonly status: number; readonly code: string; readonly messageVi: string; readonly messageEn: string }
  | { readonly kind: 'offline'; readonly detail: string }
  | { readonly kind: 'error'; readonly code: string; readonly messageVi: string; readonly messageEn: string };

type Failure = Exclude<HttpOutcome<unknown>, { kind: 'ok' }>;

function failureResult(outcome: Failure): CatchUpResult {
  if (outcome.kind === 'offline') return { kind: 'offline', detail: outcome.detail };
  if (outcome.kind === 'refused') return outcome;
  return { kind: 'error', code: outcome.code, messageVi: outcome.messageVi, messageEn: outcome.messageEn };
}

export async function runCatchUp(options: CatchUpOptions): Promise<CatchUpResult> {
  const { replica, session } = options;
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  const now = options.now ?? (() => new Date());
  const massChange = options.isMassChange ?? isMassChange;
  let serverDate: number | undefined;
  const docErrors: BatchDocError[] = [];
  const note = <T>(outcome: HttpOutcome<T>): HttpOutcome<T> => {
    if (outcome.kind === 'ok' && outcome.serverDate !== undefined) serverDate = outcome.serverDate;
    return outcome;
  };
  const withDate = <R extends object>(result: R): R => (serverDate === undefined ? result : { ...result, serverDate });

  // 1. Push: every doc (case or document body) the server has not acknowledged, in batches.
  const pending = await replica.pendingDocIds();
  const pushBatch = options.pushBatch ?? 100;
  let pushed = 0;
  let acked = 0;
  options.onProgress?.({ phase: 'push', done: 0, total: pending.length });
  for (let start = 0; start < pending.length; start += pushBatch) {
    const items = await replica.pushDocItems(pending.slice(start, start + pushBatch));
    if (items.length > 0) {
      const body = { push: items.map((item) => ({ room: roomOfDocId(session, item.docId), update: toBase64(item.update) })) };
      const outcome = note(await postJson<BatchResponse>(fetchImpl, apiUrl(session.serverUrl, '/api/sync/batch'), body, session.token));
      if (outcome.kind !== 'ok') return failureResult(outcome);
      const byRoom = new Map(items.map((item) => [roomOfDocId(session, item.docId), item]));
      const acks = outcome.value.acks.flatMap((ack) => {
        const item = byRoom.get(ack.room);
        return item ? [{ docId: item.docId, stateVector: fromBase64(ack.stateVector), seq: ack.seq, localVersion: item.localVersion }] : [];
      });
      acked += (await replica.acknowledgeDocs(acks)).length;
      docErrors.push(...outcome.value.errors);
      pushed += items.length;
    }
    options.onProgress?.({ phase: 'push', done: Math.min(start + pushBatch, pending.length), total: pending.length });
  }

  // 2. Pull, two steps per page (docs/SYNC-PROTOCOL.md §4.2): which docs changed since the stored
  // cursor (for this server and court; another one starts at 0), then what this replica lacks of
  // them, asking with the state vectors of those docs only. The cursor moves after a whole page
  // is stored, so an interrupted catch-up resumes where it stopped.
  const stored = await replica.getCursor();
  const startSeq = stored && stored.server === session.serverUrl && stored.court === session.court ? stored.seq : 0;
  let seq = startSeq;
  let pulled = 0;
  const pullTimings = { waitMs: 0, storeMs: 0, askMs: 0 };
  const decodedAhead = { inWorker: 0, inThread: 0 };
  const clock = () => performance.now();
  const fetchLimit = options.pullLimit ?? DEFAULT_PULL_LIMIT;
  type Fetched = { kind: 'docs'; docs: SyncPulledDocById[] } | { kind: 'failed'; result: CatchUpResult };
  const fetchChunk = async (docIds: readonly string[]): Promise<Fetched> => {
    const askStart = clock();
    const held = await replica.stateVectorsOf(docIds);
    pullTimings.askMs += clock() - askStart;
    const request = { docs: docIds.map((docId) => ({ room: roomOfDocId(session, docId), ...(held.has(docId) ? { stateVector: toBase64(held.get(docId)!) } : {}) })) };
    const outcome = note(await postForBytes(fetchImpl, apiUrl(session.serverUrl, '/api/sync/docs'), request, session.token));
    if (outcome.kind !== 'ok') return { kind: 'failed', result: failureResult(outcome) };
    let decoded: WireDocsPage;
    try {
      decoded = decodeDocsPage(outcome.value);
    } catch {
      return { kind: 'failed', result: badResponse() };
    }
    docErrors.push(...decoded.errors);
    const docs = decoded.docs.flatMap((doc) => {
      const docId = docIdOfRoom(session, doc.room);
      // The state vector is copied (it is stored as it is: a view would make IndexedDB store the
      // whole received answer with it). The update stays a view into the answer: the replica
      // copies it once where it is stored (into a pack, or by `ownBytes` before an append), and
      // a copy here too was ~850 MB more copying and garbage in an initial replica.
      return docId === undefined ? [] : [{ docId, update: doc.update, stateVector: doc.stateVector.slice(), seq: doc.seq }];
    });
    // This answer usually arrives while the previous chunk is written: the case docs new to the
    // replica (it held no state of them) are decoded now, off this thread
    // (renderer/replica/decode-ahead.ts), not in this chunk's own transaction. A held doc's diff
    // is merged into what is stored in the transaction: decoding it from nothing is of no use.
    const ahead = await replica.decodeAhead(docs.filter((doc) => !held.has(doc.docId)));
    decodedAhead.inWorker += ahead.inWorker;
    decodedAhead.inThread += ahead.inThread;
    return { kind: 'docs', docs };
  };
  type Listed = { kind: 'page'; page: ChangesPage; chunks: string[][] } | { kind: 'failed'; result: CatchUpResult };
  const listChanges = async (sinceSeq: number): Promise<Listed> => {
    const changes = note(
      await postJson<ChangesPage>(fetchImpl, apiUrl(session.serverUrl, '/api/sync/changes'), { sinceSeq, limit: options.changesLimit ?? DEFAULT_CHANGES_LIMIT }, session.token),
    );
    if (changes.kind !== 'ok') return { kind: 'failed', result: failureResult(changes) };
    const page = changes.value;
    if (!Array.isArray(page?.changes)) return { kind: 'failed', result: badResponse() };
    const docIds = page.changes.flatMap((change) => {
      const docId = docIdOfRoom(session, change.room);
      return docId === undefined ? [] : [docId];
    });
    const chunks: string[][] = [];
    for (let start = 0; start < docIds.length; start += fetchLimit) chunks.push(docIds.slice(start, start + fetchLimit));
    return { kind: 'page', page, chunks };
  };
  // The pull is a pipeline, one step ahead everywhere: the next page of changes is listed as soon
  // as this one is known (it depends only on its nextSeq), and while the replica stores a chunk
  // the next chunk, of this page or of the next one, is already asked for. Waiting at each page
  // boundary for the listing and then for its first chunk was most of the time an initial
  // replica spent waiting for the server (40 pages of 2,000 docs).
  let listing: Promise<Listed> | undefined = listChanges(seq);
  let listed = await listing;
  // Failures of a request made ahead are reported when their turn comes; if the pull stops
  // earlier, they are awaited (never left as unhandled rejections).
  const settle = async (...pending: (Promise<unknown> | undefined)[]) => {
    await Promise.all(pending.map((p) => p?.catch(() => undefined)));
  };
  let next: Promise<Fetched> | undefined;
  try {
    for (;;) {
      if (listed.kind === 'failed') {
        await settle(next);
        return listed.result;
      }
      const { page, chunks } = listed;
      listing = page.hasMore ? listChanges(page.nextSeq) : undefined;
      next ??= chunks.length > 0 ? fetchChunk(chunks[0]!) : undefined;
      let following: Listed | undefined;
      for (let index = 0; index < chunks.length; index++) {
        const waitStart = clock();
        const fetched = await next!;
        pullTimings.waitMs += clock() - waitStart;
        if (index + 1 < chunks.length) {
          next = fetchChunk(chunks[index + 1]!);
        } else if (listing) {
          // The last chunk of the page: the next page's listing (asked for when this page began)
          // is awaited now, so that its first chunk's request (and its read of the replica) is
          // made before this chunk's write transaction, not queued behind it.
          const waitListing = clock();
          following = await listing;
          pullTimings.waitMs += clock() - waitListing;
          const first = following.kind === 'page' ? following.chunks[0] : undefined;
          next = first ? fetchChunk(first) : undefined;
        } else {
          next = undefined;
        }
        if (fetched.kind === 'failed') {
          await settle(next, listing);
          return fetched.result;
        }
        if (fetched.docs.length > 0) {
          const storeStart = clock();
          const report = await replica.applyRemoteDocs(fetched.docs, (summary) => options.allowMassChange === true || !massChange(summary));
          pullTimings.storeMs += clock() - storeStart;
          if (!report.applied) {
            await settle(next, listing);
            return withDate({ kind: 'needsConfirmation', summary: report.summary } as const);
          }
          pulled += fetched.docs.length;
        }
      }
      seq = page.nextSeq;
      const done = !page.hasMore;
      await replica.setCursor({ server: session.serverUrl, court: session.court, seq }, done && docErrors.length === 0 ? now().toISOString() : undefined);
      options.onProgress?.({ phase: 'pull', done: seq - startSeq, total: Math.max(page.currentSeq - startSeq, seq - startSeq, 1) });
      if (done) break;
      // A page with no chunk never awaited the listing in its loop.
      listed = following ?? (await listing!);
    }
  } catch (e) {
    // Storing failed (disk full, database closed): the requests made ahead are settled before
    // the error goes up, so none of them ends as an unhandled rejection.
    await settle(next, listing);
    throw e;
  }
  return withDate({ kind: 'done', pushed, acked, pulled, seq, docErrors, pullTimings, decodedAhead } as const);
}

function badResponse(): CatchUpResult {
  return { kind: 'error', code: 'sync.badResponse', messageVi: 'Máy chủ trả lời không đúng giao thức đồng bộ.', messageEn: 'The server answered outside the sync protocol.' };
}
