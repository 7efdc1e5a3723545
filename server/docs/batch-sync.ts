/**
 * The logic of the batch catch-up endpoint (docs/SYNC-PROTOCOL.md), apart from HTTP: apply a
 * client's offline updates to many docs and acknowledge each with the server's state vector, and
 * page through "what changed since seq N" answering each doc with exactly what the client's state
 * vector lacks.
 *
 * Pushes go through the doc registry (the same path as a WebSocket update), so live peers of a
 * pushed doc see the change at once and the store gets it exactly once. Pulls read the store
 * without loading docs into memory, a chunk of docs per store call (`loadDocs`: one round trip
 * to PostgreSQL per chunk, not per doc), and answer each doc's state vector as the store keeps
 * it, never by decoding the stored update (server/store/state-vector.ts).
 */
import * as Y from 'yjs';
import {
  DEFAULT_CHANGES_LIMIT,
  DEFAULT_PULL_LIMIT,
  type BatchDocError,
  type ChangesPage,
  type ChangesRequest,
  type DocsRequest,
  type PullPage,
  type PullRequest,
  type PulledDoc,
  type PushAck,
  type PushItem,
} from '../../shared/sync/batch.js';
import type { WireDoc, WireDocsPage } from '../../shared/sync/docs-wire.js';
import type { SessionClaims } from '../../shared/sync/claims.js';
import { parseRoomName, roomDocKey, type RoomRef } from '../../shared/sync/rooms.js';
import { canAccess, canAccessDoc } from '../auth/access.js';
import { errorFields, type Logger } from '../log.js';
import { StoreError, type DocAccessStore, type DocStore, type StoredDocState } from '../store/store.js';
import type { DocRegistry } from './doc-registry.js';
import { DocumentFinalisedError, documentAccessMeta, documentAccessMetaOfState } from './document-rules.js';

export interface BatchSyncOptions {
  readonly registry: DocRegistry;
  readonly store: DocStore & DocAccessStore;
  readonly logger: Logger;
  /** Largest single pushed update (the WebSocket frame limit applies here too). */
  readonly maxUpdateBytes: number;
  /** A pull page stops adding docs once its updates reach this many bytes (at least one doc is always sent). */
  readonly maxPageBytes: number;
}

const BATCH_ORIGIN = Symbol('batch');

/** Docs per store read of a pull: few round trips, and a page's bytes are not all held at once. */
const LOAD_CHUNK = 500;

export async function pushUpdates(
  options: BatchSyncOptions,
  claims: SessionClaims,
  items: readonly PushItem[],
): Promise<{ acks: PushAck[]; errors: BatchDocError[] }> {
  const acks: PushAck[] = [];
  const errors: BatchDocError[] = [];
  for (const item of items) {
    const room = parseRoomName(item.room);
    if (!room.ok) {
      errors.push(docError(item.room, 'sync.room.invalid', room.error.messageVi, room.error.messageEn));
      continue;
    }
    if (!canAccess(claims, room.value).allowed) {
      errors.push(docError(item.room, 'sync.forbidden', 'Tài khoản không có quyền ghi tài liệu này.', 'This account may not write this document.'));
      continue;
    }
    const update = Buffer.from(item.update, 'base64');
    if (update.byteLength > options.maxUpdateBytes) {
      errors.push(docError(item.room, 'sync.update.tooLarge', 'Bản cập nhật quá lớn.', 'Update too large.'));
      continue;
    }
    let live;
    try {
      live = await options.registry.acquire(room.value);
    } catch (error) {
      options.logger.error('batch.load.failed', { room: item.room, ...errorFields(error) });
      errors.push(storeDocError(item.room, error));
      continue;
    }
    try {
      const loaded = live;
      if (!(await canAccessDoc(claims, room.value, async () => documentAccessMeta(loaded.doc))).allowed) {
        errors.push(docError(item.room, 'sync.forbidden', 'Tài khoản không có quyền ghi tài liệu này.', 'This account may not write this document.'));
        continue;
      }
      let written: Promise<void>;
      try {
        written = options.registry.applyUpdate(live, update, BATCH_ORIGIN);
      } catch (error) {
        if (error instanceof DocumentFinalisedError) {
          options.logger.warn('batch.update.finalised', { room: item.room, user: claims.user });
          errors.push(docError(item.room, error.code, error.messageVi, error.messageEn));
          continue;
        }
        options.logger.warn('batch.update.invalid', { room: item.room, user: claims.user, ...errorFields(error) });
        errors.push(docError(item.room, 'sync.update.invalid', 'Bản cập nhật không đọc được.', 'Unreadable update.'));
        continue;
      }
      await written;
      acks.push({ room: item.room, stateVector: toBase64(Y.encodeStateVector(live.doc)), seq: live.seq });
    } catch (error) {
      errors.push(storeDocError(item.room, error));
    } finally {
      options.registry.release(live, { unloadNow: true });
    }
  }
  return { acks, errors };
}

export async function pullChanges(
  options: BatchSyncOptions,
  claims: SessionClaims,
  request: PullRequest,
): Promise<{ page: PullPage; errors: BatchDocError[] }> {
  const limit = request.limit ?? DEFAULT_PULL_LIMIT;
  const currentSeq = await options.store.currentSeq(claims.court);
  const changes = await options.store.changesSince(claims.court, request.sinceSeq, limit);
  const docs: PulledDoc[] = [];
  const errors: BatchDocError[] = [];
  let nextSeq = request.sinceSeq;
  let bytes = 0;
  let cutShort = false;
  pages: for (let start = 0; start < changes.docs.length; start += LOAD_CHUNK) {
    const chunk = changes.docs.slice(start, start + LOAD_CHUNK).flatMap((change) => {
      const roomName = `court/${claims.court}/${change.docKey}`;
      const room = parseRoomName(roomName);
      // A stored key always forms a valid room; the check is the access hook (deliberation minutes).
      return [{ change, roomName, room: room.ok && canAccess(claims, room.value).allowed ? room.value : undefined }];
    });
    const readable = chunk.flatMap((c) => (c.room === undefined ? [] : [c.change.docKey]));
    const [loaded, access] = await Promise.all([loadChunk(options, claims.court, readable), options.store.getDocAccess(claims.court, readable)]);
    for (const { change, roomName, room } of chunk) {
      if (bytes >= options.maxPageBytes && docs.length > 0) {
        cutShort = true;
        break pages;
      }
      nextSeq = change.seq;
      if (room === undefined) continue;
      try {
        const stateVector = decodeStateVector(request.stateVectors?.[roomName]);
        const state = loaded.get(change.docKey);
        if (state === undefined) continue;
        if (state instanceof Error) throw state;
        if (!(await mayRead(options, claims, room, state.update, access.get(change.docKey)))) continue;
        const missing = isEmptyStateVector(stateVector) ? state.update : Y.diffUpdate(state.update, stateVector);
        if (isEmptyUpdate(missing)) continue;
        docs.push({ room: roomName, seq: change.seq, update: toBase64(missing), stateVector: toBase64(state.stateVector) });
        bytes += missing.byteLength;
      } catch (error) {
        options.logger.error('batch.pull.failed', { room: roomName, ...errorFields(error) });
        errors.push(storeDocError(roomName, error));
      }
    }
  }
  return { page: { docs, nextSeq, hasMore: cutShort || changes.hasMore, currentSeq }, errors };
}

/**
 * The stored state of these docs, in one store read; when that read fails (a corrupt doc, the
 * store down), each doc is read alone so the failure is answered for the doc it belongs to and
 * the others are still sent. Absent: never stored.
 */
async function loadChunk(options: BatchSyncOptions, court: string, docKeys: readonly string[]): Promise<ReadonlyMap<string, StoredDocState | Error>> {
  if (docKeys.length === 0) return new Map();
  try {
    return await options.store.loadDocs(court, docKeys);
  } catch {
    const out = new Map<string, StoredDocState | Error>();
    for (const docKey of docKeys) {
      try {
        const state = await options.store.loadDoc(court, docKey);
        if (state !== null) out.set(docKey, state);
      } catch (error) {
        out.set(docKey, error instanceof Error ? error : new Error(String(error)));
      }
    }
    return out;
  }
}

/**
 * Step 1 of the two-step pull: which rooms of the court changed after `sinceSeq` (no document
 * bytes, so a client holding 80,000 docs never sends their state vectors to learn it).
 */
export async function listChanges(options: BatchSyncOptions, claims: SessionClaims, request: ChangesRequest): Promise<ChangesPage> {
  const limit = request.limit ?? DEFAULT_CHANGES_LIMIT;
  const [currentSeq, page] = await Promise.all([options.store.currentSeq(claims.court), options.store.changesSince(claims.court, request.sinceSeq, limit)]);
  const changes: { room: string; seq: number }[] = [];
  for (const change of page.docs) {
    const roomName = `court/${claims.court}/${change.docKey}`;
    const room = parseRoomName(roomName);
    if (room.ok && canAccess(claims, room.value).allowed) changes.push({ room: roomName, seq: change.seq });
  }
  const nextSeq = page.docs.at(-1)?.seq ?? request.sinceSeq;
  return { changes, nextSeq, hasMore: page.hasMore, currentSeq };
}

/**
 * Step 2: for each requested room, what the client's state vector lacks, plus the server's state
 * vector (the client's proof of what the server holds). A client that holds nothing of a doc gets
 * the stored state as it is, without a diff.
 */
export async function fetchDocs(options: BatchSyncOptions, claims: SessionClaims, request: DocsRequest): Promise<WireDocsPage> {
  const docs: WireDoc[] = [];
  const errors: BatchDocError[] = [];
  const wanted = request.docs.flatMap((item) => {
    const room = parseRoomName(item.room);
    if (!room.ok) {
      errors.push(docError(item.room, 'sync.room.invalid', room.error.messageVi, room.error.messageEn));
      return [];
    }
    if (!canAccess(claims, room.value).allowed) {
      errors.push(docError(item.room, 'sync.forbidden', 'Tài khoản không có quyền đọc tài liệu này.', 'This account may not read this document.'));
      return [];
    }
    return [{ item, room: room.value, docKey: roomDocKey(room.value) }];
  });
  for (let start = 0; start < wanted.length; start += LOAD_CHUNK) {
    const chunk = wanted.slice(start, start + LOAD_CHUNK);
    const keys = chunk.map((w) => w.docKey);
    // One query for the panel-only rule of every document body of the chunk (DocAccessStore).
    const bodyKeys = chunk.flatMap((w) => (w.room.kind === 'doc' ? [w.docKey] : []));
    const [loaded, access] = await Promise.all([loadChunk(options, claims.court, keys), options.store.getDocAccess(claims.court, bodyKeys)]);
    for (const { item, room, docKey } of chunk) {
      try {
        const state = loaded.get(docKey);
        if (state === undefined) continue;
        if (state instanceof Error) throw state;
        // A panel-only document is left out, as if absent: listing it as an error would keep the
        // clerk's catch-up from ever completing.
        if (!(await mayRead(options, claims, room, state.update, access.get(docKey)))) continue;
        const stateVector = decodeStateVector(item.stateVector);
        const update = isEmptyStateVector(stateVector) ? state.update : Y.diffUpdate(state.update, stateVector);
        docs.push({ room: item.room, seq: state.seq, update, stateVector: state.stateVector });
      } catch (error) {
        options.logger.error('batch.docs.failed', { room: item.room, ...errorFields(error) });
        errors.push(storeDocError(item.room, error));
      }
    }
  }
  return { docs, errors };
}

/**
 * The panel-only rule for a stored document (canAccessDoc in auth/access.ts). `recorded` comes
 * from the doc-access index; a document not in it yet (stored before the index existed, or never
 * updated through this server) is decoded once and recorded for the next time.
 */
async function mayRead(options: BatchSyncOptions, claims: SessionClaims, room: RoomRef, state: Uint8Array, recorded: readonly string[] | null | undefined): Promise<boolean> {
  if (room.kind !== 'doc') return true;
  let restricted = recorded;
  if (restricted === undefined) {
    restricted = documentAccessMetaOfState(state)?.restrictedToStaff ?? null;
    const docKey = roomDocKey(room);
    await options.store.putDocAccess(room.courtId, docKey, restricted).catch((error: unknown) => {
      options.logger.warn('store.access.failed', { room: `court/${room.courtId}/${docKey}`, ...errorFields(error) });
    });
  }
  const known = restricted;
  const decision = await canAccessDoc(claims, room, async () => (known === null ? {} : { restrictedToStaff: known }));
  return decision.allowed;
}

function isEmptyStateVector(stateVector: Uint8Array): boolean {
  return stateVector.byteLength === 1 && stateVector[0] === 0;
}

/** A V1 update with no structs and no deletions: nothing to send. */
function isEmptyUpdate(update: Uint8Array): boolean {
  return update.byteLength === 2 && update[0] === 0 && update[1] === 0;
}

function decodeStateVector(base64: string | undefined): Uint8Array {
  if (base64 === undefined || base64 === '') return new Uint8Array([0]);
  const bytes = Buffer.from(base64, 'base64');
  // Reject garbage here, per doc, rather than deep inside Yjs.
  Y.decodeStateVector(bytes);
  return bytes;
}

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

function docError(room: string, code: string, message: string, messageEn: string): BatchDocError {
  return { room, code, message, messageEn };
}

function storeDocError(room: string, error: unknown): BatchDocError {
  if (error instanceof StoreError && error.code === 'store.corrupt') {
    return docError(room, error.code, 'Dữ liệu tài liệu trên máy chủ bị hỏng; đã báo cho quản trị.', 'The stored document is damaged; reported to the administrator.');
  }
  if (error instanceof Error && !(error instanceof StoreError)) {
    return docError(room, 'sync.state.invalid', 'Dữ liệu đồng bộ không đọc được.', 'Unreadable sync data.');
  }
  return docError(room, 'store.unavailable', 'Máy chủ tòa án tạm thời không lưu được dữ liệu. Sẽ thử lại sau.', 'The court server cannot store data right now. Will retry.');
}
