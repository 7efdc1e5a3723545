/**
 * The batch catch-up (docs/SYNC-PROTOCOL.md §4): push every pending case doc in batches, then
 * pull "what changed since seq N" page by page until `hasMore` is false, applying each page to
 * the replica in one transaction and storing the cursor after each page (an interrupted catch-up
 * resumes where it stopped). Usable in Node (integration tests) with its global `fetch`.
 *
 * Every outcome is a value: a refusal (401/403) is not "offline", and a page the mass-change
 * guard refuses stops the run with nothing written and the cursor where it was.
 */
import { formatRoomName, parseRoomName } from '../../shared/sync/rooms.js';
import type { BatchDocError, BatchResponse } from '../../shared/sync/batch.js';
import type { ReplicaSync, SyncChangeSummary } from '../replica/types.js';
import { fromBase64, toBase64 } from './base64.js';
import { isMassChange } from './guards.js';
import { apiUrl, postJson, type FetchLike, type HttpOutcome } from './http.js';
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
  /** Docs per pull page (default 500, the server's default). */
  readonly pullLimit?: number;
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
      readonly serverDate?: number;
    }
  | { readonly kind: 'needsConfirmation'; readonly summary: SyncChangeSummary; readonly serverDate?: number }
  | { readonly kind: 'refused'; readonly status: number; readonly code: string; readonly messageVi: string; readonly messageEn: string }
  | { readonly kind: 'offline'; readonly detail: string }
  | { readonly kind: 'error'; readonly code: string; readonly messageVi: string; readonly messageEn: string };

function caseRoom(session: Session, caseId: string): string {
  return formatRoomName({ courtId: session.court, kind: 'case', id: caseId });
}

/** The case id of a room of this session's court, or undefined (document bodies: later). */
function caseIdOfRoom(session: Session, room: string): string | undefined {
  const parsed = parseRoomName(room);
  return parsed.ok && parsed.value.courtId === session.court && parsed.value.kind === 'case' ? parsed.value.id : undefined;
}

type Failure = Exclude<HttpOutcome<unknown>, { kind: 'ok' }>;

function failureResult(outcome: Failure): CatchUpResult {
  if (outcome.kind === 'offline') return { kind: 'offline', detail: outcome.detail };
  if (outcome.kind === 'refused') return outcome;
  return { kind: 'error', code: outcome.code, messageVi: outcome.messageVi, messageEn: outcome.messageEn };
}

export async function runCatchUp(options: CatchUpOptions): Promise<CatchUpResult> {
  const { replica, session } = options;
  const fetchImpl = options.fetch ?? ((input, init) => fetch(input, init));
  const url = apiUrl(session.serverUrl, '/api/sync/batch');
  const now = options.now ?? (() => new Date());
  const massChange = options.isMassChange ?? isMassChange;
  let serverDate: number | undefined;
  const docErrors: BatchDocError[] = [];
  const post = async (body: unknown): Promise<HttpOutcome<BatchResponse>> => {
    const outcome = await postJson<BatchResponse>(fetchImpl, url, body, session.token);
    if (outcome.kind === 'ok' && outcome.serverDate !== undefined) serverDate = outcome.serverDate;
    return outcome;
  };

  // 1. Push: every case the server has not acknowledged, in batches.
  const pending = await replica.pendingCaseIds();
  const pushBatch = options.pushBatch ?? 100;
  let pushed = 0;
  let acked = 0;
  options.onProgress?.({ phase: 'push', done: 0, total: pending.length });
  for (let start = 0; start < pending.length; start += pushBatch) {
    const items = await replica.pushItems(pending.slice(start, start + pushBatch));
    if (items.length > 0) {
      const outcome = await post({ push: items.map((item) => ({ room: caseRoom(session, item.caseId), update: toBase64(item.update) })) });
      if (outcome.kind !== 'ok') return failureResult(outcome);
      const byRoom = new Map(items.map((item) => [caseRoom(session, item.caseId), item]));
      const acks = outcome.value.acks.flatMap((ack) => {
        const item = byRoom.get(ack.room);
        return item ? [{ caseId: item.caseId, stateVector: fromBase64(ack.stateVector), seq: ack.seq, localVersion: item.localVersion }] : [];
      });
      acked += (await replica.acknowledge(acks)).length;
      docErrors.push(...outcome.value.errors);
      pushed += items.length;
    }
    options.onProgress?.({ phase: 'push', done: Math.min(start + pushBatch, pending.length), total: pending.length });
  }

  // 2. Pull: pages since the stored cursor (for this server and court; another one starts at 0).
  const stored = await replica.getCursor();
  const startSeq = stored && stored.server === session.serverUrl && stored.court === session.court ? stored.seq : 0;
  let seq = startSeq;
  let pulled = 0;
  // The state vectors of what this replica held when the catch-up began, encoded once and sent
  // with every page. Docs pulled by earlier pages are not added: that made every page carry
  // every doc received so far (quadratic for an initial replica of 20,000 cases). A doc that
  // changes again later in the sequence then comes as a larger diff, which Yjs de-duplicates.
  const stateVectors: Record<string, string> = {};
  for (const [caseId, sv] of await replica.knownStateVectors()) stateVectors[caseRoom(session, caseId)] = toBase64(sv);
  for (;;) {
    const outcome = await post({ pull: { sinceSeq: seq, limit: options.pullLimit ?? 500, stateVectors } });
    if (outcome.kind !== 'ok') return failureResult(outcome);
    const page = outcome.value.pull;
    if (!page) return { kind: 'error', code: 'sync.badResponse', messageVi: 'Máy chủ trả lời không đúng giao thức đồng bộ.', messageEn: 'The server answered without a pull page.' };
    docErrors.push(...outcome.value.errors);
    const docs = page.docs.flatMap((doc) => {
      const caseId = caseIdOfRoom(session, doc.room);
      return caseId === undefined ? [] : [{ caseId, update: fromBase64(doc.update), stateVector: fromBase64(doc.stateVector), seq: doc.seq }];
    });
    if (docs.length > 0) {
      const report = await replica.applyRemote(docs, (summary) => options.allowMassChange === true || !massChange(summary));
      if (!report.applied) return { kind: 'needsConfirmation', summary: report.summary, ...(serverDate === undefined ? {} : { serverDate }) };
      pulled += docs.length;
    }
    seq = page.nextSeq;
    const done = !page.hasMore;
    await replica.setCursor({ server: session.serverUrl, court: session.court, seq }, done && docErrors.length === 0 ? now().toISOString() : undefined);
    options.onProgress?.({ phase: 'pull', done: seq - startSeq, total: Math.max(page.currentSeq - startSeq, seq - startSeq, 1) });
    if (done) break;
  }
  return { kind: 'done', pushed, acked, pulled, seq, docErrors, ...(serverDate === undefined ? {} : { serverDate }) };
}
