/**
 * What the bench page exposes on `window.courtdeskBench`, called by the Node driver
 * (bench/node/) through Playwright. Every call returns plain, JSON-serialisable numbers: the
 * driver computes the statistics and decides pass or fail.
 */

export interface GenerateResult {
  readonly cases: number;
  readonly ms: number;
}

export interface ImportResult {
  readonly ms: number;
  readonly imported: number;
  readonly skipped: number;
}

export interface BaselineImportResult {
  /** Serialising docs (createCaseDoc + Y.encodeStateAsUpdate) and projecting rows. */
  readonly serializeMs: number;
  /** Writing those records with raw IndexedDB, one object store, one transaction per chunk. */
  readonly writeMs: number;
  readonly records: number;
}

export interface OpenCaseResult {
  readonly ids: readonly string[];
  /** Time of `openReplica()` before the first load (not part of the per-case times). */
  readonly openMs: number;
  readonly replicaMs: readonly number[];
  readonly baselineMs: readonly number[];
  /** Loads that returned an error value instead of a case. */
  readonly failures: readonly string[];
}

export type QueryKind = 'party' | 'number' | 'subject';

export interface SearchResult {
  readonly queries: readonly { readonly text: string; readonly kind: QueryKind }[];
  readonly replicaMs: readonly number[];
  readonly baselineMs: readonly number[];
  /** Matches found by each side, per query (for a sanity check, not a budget). */
  readonly replicaTotals: readonly number[];
  readonly baselineTotals: readonly number[];
}

export interface SyncCatchUpResult {
  readonly ms: number;
  /** HTTP requests made by the catch-up (push batches + pull pages). */
  readonly requests: number;
  readonly pages: number;
  readonly pulled: number;
  readonly pushed: number;
  readonly seq: number;
  readonly docErrors: number;
  readonly casesInReplica: number;
  /** Of `ms`: waiting for the server's docs answers, and storing them (runCatchUp pullTimings). */
  readonly waitMs: number;
  readonly storeMs: number;
  /** Of `waitMs`: reading the replica's state vectors for the docs requests (pullTimings.askMs). */
  readonly askMs: number;
  /** Case docs decoded before their transaction, in the decode worker / on the main thread. */
  readonly decodedInWorker: number;
  readonly decodedInThread: number;
  /** Per page of changes: the seq reached and when it was stored (ms since the start). */
  readonly pageEndsMs?: readonly { readonly seq: number; readonly ms: number }[];
}

export interface SyncBaselineResult {
  readonly ms: number;
  readonly pages: number;
  readonly docs: number;
}

/** The raw IndexedDB write of exactly the records a replica holds (the storage floor of a catch-up). */
export interface SyncStorageFloorResult {
  readonly ms: number;
  readonly records: number;
  readonly bytes: number;
  /** Per replica table: records written and ms spent. */
  readonly tables: Readonly<Record<string, { readonly records: number; readonly ms: number }>>;
}

/**
 * Where the driver types: the app's page (one editor per part of the body, document-parts.ts) in
 * the middle of the minutes (`editor`) or at the end of its last part (`editorLast`, the clerk
 * appending); `onePart`: the same blocks in ONE editor over one fragment (the page before parts);
 * the plain contenteditable baseline (same paragraphs, one host); `split*`: the same paragraphs
 * in consecutive contenteditable parts of 100 (typing in the last part, or in a middle one); or
 * the floor (a one-paragraph contenteditable: what a keystroke costs this machine at all).
 */
export type EditorTypingTarget = 'editor' | 'editorLast' | 'onePart' | 'baseline' | 'splitLast' | 'splitMiddle' | 'floor';

/** One typing run (bench/browser/editor.ts explains both clocks). */
export interface EditorKeystrokeResult {
  /** keydown.timeStamp → the task after the first frame whose rAF ran after the content changed. */
  readonly samplesMs: number[];
  /** keydown.timeStamp → the content changed (our handlers: ProseMirror, Yjs binding, store queue). */
  readonly processingMs: number[];
  /** keydown events seen (one per typed key). */
  readonly keystrokes: number;
  /** Keys after which no content change was seen within 30 frames (no sample taken). */
  readonly unchanged: number;
  /** Event Timing (INP's clock): the duration of every interaction Chromium reported, i.e. ≥ 16 ms. */
  readonly eventTimingMs: number[];
  readonly storedChars: number;
}

export interface EditorOpenResult {
  /** IndexedDB read + Y.Doc + editor + first painted frame. */
  readonly ms: number;
  /** Of which: reading and merging the stored doc. */
  readonly readMs: number;
  /** Of which: creating the editor (Yjs → ProseMirror, the page's DOM, the layout ProseMirror forces). */
  readonly mountMs: number;
  /** The same JSON into a ProseMirror view without Yjs or IndexedDB, to its first frame. */
  readonly baselineMs: number;
  /** Of which: creating the baseline's view (its DOM and layout). */
  readonly baselineMountMs: number;
  readonly chars: number;
}

export interface BenchApi {
  /** Deletes every IndexedDB database of this origin (the bench runs in a throwaway profile). */
  reset(): Promise<void>;
  generate(options: { cases: number; seed: number; today: string }): Promise<GenerateResult>;
  importReplica(): Promise<ImportResult>;
  importBaseline(options: { chunkSize: number }): Promise<BaselineImportResult>;
  openCases(options: { samples: number; seed: number }): Promise<OpenCaseResult>;
  search(options: { queries: number; seed: number }): Promise<SearchResult>;
  /** Sync scenarios (bench/browser/sync.ts): log in to the driver's loopback server. */
  syncLogin(request: { serverUrl: string; court: string; user: string; password: string }): Promise<void>;
  /** One `runCatchUp` into the sync replica (empty on first call). */
  syncCatchUp(): Promise<SyncCatchUpResult>;
  /** Raw Yjs baseline: the same pull pages into in-memory Y.Docs. */
  syncBaseline(options: { sinceSeq: number; limit: number }): Promise<SyncBaselineResult>;
  /** Raw IndexedDB write of the records the sync replica now holds (after the initial catch-up). */
  syncStorageFloor(options: { chunkSize: number }): Promise<SyncStorageFloorResult>;
  /** Closes and deletes the sync replica. */
  syncClose(): Promise<void>;
  /** Editor scenarios (bench/browser/editor.ts). */
  editorStoreMinutes(options: { pages: number; seed: number }): Promise<{ chars: number; paragraphs: number; parts: number }>;
  editorFocus(options: { target: EditorTypingTarget }): Promise<void>;
  editorKeystrokes(options: { target: EditorTypingTarget; clear?: boolean }): Promise<EditorKeystrokeResult>;
  editorPrepareJudgment(options: { pages: number; seed: number; edits: number }): Promise<{ chars: number; updatesMs: number; stateBytes: number; parts: number }>;
  editorOpenJudgment(): Promise<EditorOpenResult>;
  editorClose(): Promise<void>;
  /** Closes every connection so another page (the app) can open the same databases. */
  closeAll(): Promise<void>;
}

declare global {
  interface Window {
    courtdeskBench?: BenchApi;
    /** Set by the driver's init script in the app page: when the first register row appeared. */
    __courtdeskFirstRowAt?: number;
  }
}
