/**
 * The contract of the local replica, used by the UI, the benchmarks and (later) the sync client.
 * The implementation lives beside this file (replica.ts); see schema.ts for the IndexedDB layout.
 *
 * Source of truth: one Y.Doc per case (shared/domain/case-doc.ts), persisted as Yjs updates.
 * Everything below ("rows") is a projection of those docs into indexed tables for lists, the
 * hearing calendar and search. Rows are derived, never edited directly, and can be rebuilt.
 */
import type { Case, Court, CourtFile, StaffMember } from '../../shared/domain/schemas.js';
import type { DomainError, Result } from '../../shared/domain/result.js';
import type { EditContext } from '../../shared/domain/case-mutations.js';
import type {
  CaseStatus,
  CaseType,
  DocumentKind,
  DocumentStatus,
  HearingKind,
  HearingStatus,
  PartyRole,
  ProcedureLevel,
} from '../../shared/domain/vocabulary.js';
import type * as Y from 'yjs';

/** One row per case in the `cases` table. */
export interface CaseRow {
  readonly id: string;
  readonly courtId: string;
  readonly type: CaseType;
  readonly level: ProcedureLevel;
  readonly acceptanceNumber: string;
  readonly acceptanceDate: string;
  /** Year then ordinal, zero-padded: sorts the register in number order. */
  readonly numberSortKey: string;
  readonly subject: string;
  readonly status: CaseStatus;
  readonly judgeId: string;
  readonly clerkId: string;
  /** Next hearing still scheduled (LocalDateTime), or '' when none. */
  readonly nextHearingAt: string;
  /** Principal parties, for the register line: "Nguyễn Văn An – Công ty TNHH Bình Minh". */
  readonly partySummary: string;
  /** Folded (no diacritics, đ→d, lower case) text of the number, parties and subject. */
  readonly searchText: string;
  readonly updatedAt: string;
}

/** One row per party of a case in the `parties` table (key `${caseId}/${partyId}`). */
export interface PartyRow {
  readonly key: string;
  readonly caseId: string;
  readonly partyId: string;
  readonly role: PartyRole;
  readonly fullName: string;
  readonly foldedName: string;
}

/** One row per hearing in the `hearings` table (key `${caseId}/${hearingId}`). */
export interface HearingRow {
  readonly key: string;
  readonly caseId: string;
  readonly hearingId: string;
  readonly startsAt: string;
  /** `YYYY-MM-DD` of startsAt, indexed for the calendar. */
  readonly day: string;
  readonly durationMinutes: number;
  readonly kind: HearingKind;
  readonly status: HearingStatus;
  readonly room: string;
  readonly judgeId: string;
  readonly clerkId: string;
  readonly acceptanceNumber: string;
  readonly caseType: CaseType;
  readonly subject: string;
  readonly partySummary: string;
}

/** One row per document of a case in the `documents` table (key `${caseId}/${docId}`). */
export interface DocumentRow {
  readonly key: string;
  readonly caseId: string;
  readonly docId: string;
  readonly kind: DocumentKind;
  readonly title: string;
  readonly status: DocumentStatus;
  readonly updatedAt: string;
}

export type CaseSort = 'numberDesc' | 'numberAsc' | 'nextHearing' | 'updatedDesc';

export interface CaseFilter {
  readonly types?: readonly CaseType[];
  readonly statuses?: readonly CaseStatus[];
  readonly judgeId?: string;
  /** Acceptance date range, inclusive, `YYYY-MM-DD`. */
  readonly acceptedFrom?: string;
  readonly acceptedTo?: string;
  /** Free-text query: case number, party names, subject; diacritics-insensitive. */
  readonly query?: string;
}

export interface CasePage {
  readonly rows: readonly CaseRow[];
  /** How many cases match the filter in all. */
  readonly total: number;
}

export interface ImportProgress {
  readonly done: number;
  readonly total: number;
}

/** What `rebuildProjection` did. */
export interface RebuildReport {
  /** Cases whose rows were recomputed. */
  readonly rebuilt: number;
  /** Case ids whose doc could not be read: their previous rows were kept, nothing was deleted. */
  readonly failed: readonly string[];
}

export interface ImportReport {
  readonly imported: number;
  /** Cases already in the replica that were left untouched (never overwritten blindly). */
  readonly skipped: number;
}

/** What the replica knows about the court it holds. */
export interface ReplicaInfo {
  readonly court?: Court;
  readonly staff: readonly StaffMember[];
  /** When the demo court was loaded into an empty replica, if it was. */
  readonly demoLoadedAt?: string;
  readonly caseCount: number;
}

/** An edit of one case doc: a function from shared/domain/case-mutations.ts, or a composition. */
export type CaseEdit<T> = (doc: Y.Doc, ctx: EditContext) => Result<T, DomainError>;

export interface ReplicaChange {
  /** Case ids whose docs (and rows) changed; empty after a bulk import or rebuild. */
  readonly caseIds: readonly string[];
  readonly bulk: boolean;
}

/** One doc to push to the court server (the diff against what it acknowledged last). */
export interface SyncPushItem {
  readonly caseId: string;
  readonly update: Uint8Array;
  /** Pass back in the ack: an edit made after the push keeps the doc pending. */
  readonly localVersion: number;
}

export interface SyncAck {
  readonly caseId: string;
  readonly stateVector: Uint8Array;
  readonly seq: number;
  readonly localVersion: number;
}

export interface SyncPulledDoc {
  readonly caseId: string;
  readonly update: Uint8Array;
  /** The server's state vector and seq (a pulled doc); absent for an update from a live room. */
  readonly stateVector?: Uint8Array;
  readonly seq?: number;
  /**
   * A doc restored from a backup bundle rather than sent by the server: the server may lack what
   * it adds, so a doc it changes becomes pending (pushed at the next sync) like a local edit.
   */
  readonly fromBackup?: boolean;
}

/**
 * The same three shapes keyed by the replica's doc id (`case:{id}` or `doc:{id}`, DESIGN §3): what
 * the batch catch-up moves, for case docs and document bodies alike.
 */
export interface SyncDocPushItem {
  readonly docId: string;
  readonly update: Uint8Array;
  readonly localVersion: number;
}

export interface SyncDocAck {
  readonly docId: string;
  readonly stateVector: Uint8Array;
  readonly seq: number;
  readonly localVersion: number;
}

export interface SyncPulledDocById {
  readonly docId: string;
  readonly update: Uint8Array;
  readonly stateVector?: Uint8Array;
  readonly seq?: number;
  /** As in {@link SyncPulledDoc}: restored from a backup, so a change makes the doc pending. */
  readonly fromBackup?: boolean;
}

/** What a pulled page would do, for the mass-change guard (renderer/sync/guards.ts). */
export interface SyncChangeSummary {
  readonly docs: number;
  readonly casesBlanked: readonly string[];
  readonly partiesRemoved: number;
  readonly caseTotal: number;
  readonly partyTotal: number;
}

export interface SyncApplyReport {
  /** False when the guard refused the page: nothing was written. */
  readonly applied: boolean;
  readonly summary: SyncChangeSummary;
  readonly changedCaseIds: readonly string[];
  readonly failed: readonly { readonly caseId: string; readonly reason: string }[];
}

export interface SyncCursor {
  readonly server: string;
  readonly court: string;
  readonly seq: number;
}

/** Where an update of a case doc came from, for the live rooms. */
export type DocUpdateOrigin = 'local' | 'remote';

/** How many pulled case docs were decoded ahead, and where (the bench checks the worker works). */
export interface DecodeAheadReport {
  readonly inWorker: number;
  readonly inThread: number;
}

/**
 * What the sync client (renderer/sync) needs from the replica. Every write goes through the same
 * transactional path as an edit (doc + rows + sync bookkeeping), and nothing here ever discards a
 * local update: a doc stays pending until the server's state vector covers it.
 */
export interface ReplicaSync {
  /** Case ids with local changes the server has not acknowledged (never-synced ones included). */
  pendingCaseIds(): Promise<readonly string[]>;
  /** The diffs to push for these cases. */
  pushItems(caseIds: readonly string[]): Promise<readonly SyncPushItem[]>;
  /** Records the server's acks; answers the case ids now fully on the server. */
  acknowledge(acks: readonly SyncAck[]): Promise<readonly string[]>;
  /** Per case, the state this replica may claim when pulling (never more than it holds). */
  knownStateVectors(): Promise<ReadonlyMap<string, Uint8Array>>;
  /**
   * Applies pulled (or live) updates: persisted and projected in one transaction, subscribers
   * notified. `guard` sees the summary first and may refuse the whole page (nothing written).
   */
  applyRemote(docs: readonly SyncPulledDoc[], guard?: (summary: SyncChangeSummary) => boolean): Promise<SyncApplyReport>;
  /** Doc ids (`case:…`, `doc:…`) with changes the server has not acknowledged, sorted. */
  pendingDocIds(): Promise<readonly string[]>;
  pushDocItems(docIds: readonly string[]): Promise<readonly SyncDocPushItem[]>;
  /** Answers the doc ids now fully on the server. */
  acknowledgeDocs(acks: readonly SyncDocAck[]): Promise<readonly string[]>;
  /** The state this replica may claim of each of these docs (absent: it holds none of it). */
  stateVectorsOf(docIds: readonly string[]): Promise<ReadonlyMap<string, Uint8Array>>;
  /**
   * Decodes the case docs of pulled updates ahead of `applyRemoteDocs` of the same updates
   * (decode-ahead.ts): called as a chunk arrives, while the previous one is being written. Only
   * a speed-up: `applyRemoteDocs` decodes whatever was not decoded ahead.
   */
  decodeAhead(docs: readonly SyncPulledDocById[]): Promise<DecodeAheadReport>;
  /** Like `applyRemote`, by doc id; document bodies are stored without being decoded. */
  applyRemoteDocs(docs: readonly SyncPulledDocById[], guard?: (summary: SyncChangeSummary) => boolean): Promise<SyncApplyReport>;
  /** The stored state of any doc by doc id (`doc:…` bodies included), or undefined if unknown. */
  storedDocState(docId: string): Promise<Uint8Array | undefined>;
  /**
   * {@link storedDocState} of many docs in one read, in the order given: a pack holding several of
   * them is read once (a backup of a court whose docs are still packed reads each pack a few
   * times, not once per doc).
   */
  storedDocStates(docIds: readonly string[]): Promise<readonly (Uint8Array | undefined)[]>;
  /** Every committed update of any stored doc (document bodies included), by doc id. */
  onStoredDocUpdate(listener: (docId: string, update: Uint8Array, origin: DocUpdateOrigin) => void): () => void;
  /** Every case id with a stored doc, sorted (a backup lists them all). */
  caseIds(): Promise<readonly string[]>;
  /** Every stored document body's doc id (`doc:…`), sorted (a backup lists them too). */
  documentDocIds(): Promise<readonly string[]>;
  /** The stored state of a case doc (a live room starts from it), or undefined if unknown. */
  docState(caseId: string): Promise<Uint8Array | undefined>;
  /** Every committed update of a case doc, local edits and remote ones alike. */
  onDocUpdate(listener: (caseId: string, update: Uint8Array, origin: DocUpdateOrigin) => void): () => void;
  getCursor(): Promise<SyncCursor | undefined>;
  /** Stores the cursor and, when `completedAt` is given, the time of the last complete sync. */
  setCursor(cursor: SyncCursor, completedAt?: string): Promise<void>;
  lastSyncAt(): Promise<string | undefined>;
}

/**
 * Reacting to changes: `subscribe` fires after every change committed through this instance.
 * `hearingsBetween`, `partiesOf` and `documentsOf` read Dexie directly, so they also work inside
 * Dexie's `liveQuery`/`useLiveQuery` (which then also sees writes from other windows);
 * `listCases` and `loadCase` may answer from memory and must be re-run on `subscribe`.
 */
export interface Replica {
  info(): Promise<ReplicaInfo>;
  /**
   * Imports a validated court file; existing cases are skipped, never overwritten. Rejects with
   * a `ReplicaWriteError` (Vietnamese message in `error.messageVi`) when storage fails, e.g. a
   * full disk; the chunks committed before stay.
   */
  importCourtFile(file: CourtFile, onProgress?: (progress: ImportProgress) => void): Promise<ImportReport>;
  /**
   * The register: filters, free-text query (diacritics-insensitive), sort and page. The first
   * page after start comes from the indexes; later ones (and every query) from memory.
   */
  listCases(filter: CaseFilter, sort: CaseSort, offset: number, limit: number): Promise<CasePage>;
  hearingsBetween(fromDay: string, toDay: string, judgeId?: string): Promise<readonly HearingRow[]>;
  partiesOf(caseId: string): Promise<readonly PartyRow[]>;
  documentsOf(caseId: string): Promise<readonly DocumentRow[]>;
  /** The case as the UI shows it, read from its doc. Errors are values (missing, corrupt). */
  loadCase(caseId: string): Promise<Result<Case>>;
  /** Runs an edit on the case doc and persists its update and the new rows in one transaction. */
  editCase<T>(caseId: string, edit: CaseEdit<T>): Promise<Result<T>>;
  /** Recomputes every row from the docs (unreadable docs keep their rows and are reported). */
  rebuildProjection(onProgress?: (progress: ImportProgress) => void): Promise<RebuildReport>;
  /** Sync bookkeeping and remote updates (renderer/sync uses only this). */
  readonly sync: ReplicaSync;
  /** Called after every committed change made through this replica instance. */
  subscribe(listener: (change: ReplicaChange) => void): () => void;
  close(): void;
}
