/**
 * The replica's IndexedDB database, owned by Dexie (DESIGN §3).
 *
 * ```
 * IndexedDB "courtdesk" (Dexie version = MIGRATIONS.length; native IDB version = 10 × that)
 *
 *  source of truth: Yjs docs, one per case ("case:<caseId>"), later one per document ("doc:<docId>")
 *  ┌────────────────┬──────────────────────────────────────────────────────────────────────────┐
 *  │ docSnapshots   │ docId (pk) → { state: Uint8Array (merged Yjs update), updateCount,       │
 *  │                │ updatedAt }. Every doc has one, or is a packed body (below).              │
 *  │ docUpdates     │ ++seq (pk), docId (idx) → { update: Uint8Array }. Appended once per edit;  │
 *  │                │ merged into the snapshot and deleted after COMPACT_AFTER updates (AFFiNE).  │
 *  │ bodyPacks      │ packId (pk); unique idx *docIds → { docIds, ends, bytes, updatedAt }: the │
 *  │                │ document bodies as first pulled, several per record (body-packs.ts). A    │
 *  │                │ doc's snapshot is docSnapshots[docId] if there is one, else its packed    │
 *  │                │ state; its first write copies it to docSnapshots (`unpack`).              │
 *  └────────────────┴──────────────────────────────────────────────────────────────────────────┘
 *  projection (derived from the docs by projection.ts, rebuilt when PROJECTION_VERSION changes)
 *  ┌────────────────┬──────────────────────────────────────────────────────────────────────────┐
 *  │ cases          │ id (pk); idx numberSortKey, nextHearingAt, updatedAt (the register's      │
 *  │                │ cold-start sorts: register.ts), *hearingDays, *judgeDays (the calendar).  │
 *  │                │ One CaseRecord per case doc: its CaseRow and, when it has any, its        │
 *  │                │ details (parties, hearings, documents as JSON text), hearingDays,         │
 *  │                │ judgeDays.                                                                │
 *  └────────────────┴──────────────────────────────────────────────────────────────────────────┘
 *  sync bookkeeping (sync-state.ts): what the court server has acknowledged, per doc
 *  ┌────────────────┬──────────────────────────────────────────────────────────────────────────┐
 *  │ syncState      │ docId (pk); idx dirty → { dirty 1?, localVersion, serverSV, knownSV,      │
 *  │                │ serverSeq }. dirty=1: pending (a local edit the server has not            │
 *  │                │ acknowledged, or never synced). Written with the edit, the ack, the pull. │
 *  │ packedSync     │ packId (pk) → { docIds, serverSVs, seqs }: beside a body pack, the server │
 *  │                │ state of its docs pulled clean in one piece. Such a doc has no syncState  │
 *  │                │ record: its record is implied (clean at that state) until one is written. │
 *  └────────────────┴──────────────────────────────────────────────────────────────────────────┘
 *  ┌────────────────┬──────────────────────────────────────────────────────────────────────────┐
 *  │ meta           │ key (pk) → value: court, staff, demoLoadedAt, projectionVersion,          │
 *  │                │ syncCursor {server, court, seq}, lastSyncAt, packTrustedKeys (court IT    │
 *  │                │ keys added in Settings), packLastCheck (result of the last pack check)    │
 *  └────────────────┴──────────────────────────────────────────────────────────────────────────┘
 *  signed packs installed from the court server (renderer/packs); not derived, never rebuilt
 *  ┌────────────────┬──────────────────────────────────────────────────────────────────────────┐
 *  │ packs          │ key "<kind>/<packId>/<version>" (pk); idx kind → { bytes (the file as     │
 *  │                │ signed), sha256, keyId, installedAt, publishedAt, source }. Every version │
 *  │                │ is kept: a draft from an older version can still be compared with it.    │
 *  └────────────────┴──────────────────────────────────────────────────────────────────────────┘
 * ```
 *
 * Indexes are few on purpose: on this machine Chromium writes ~2,800 records/s and every
 * secondary index costs ~12% more per record (perf-anchors §1.2). The register pages through the
 * three sort indexes on cold start and then from memory (search.ts), so it needs no index per
 * filter: a filtered list waits for the in-memory index (~1 s after opening) instead (v11).
 *
 * Migrations (STYLE §3, after AFFiNE's nbstore): an ordered array; the Dexie version is the
 * array's length. Never edit a shipped entry: append one. An entry that changes a row table's
 * shape or meaning should instead bump PROJECTION_VERSION (projection.ts): rows are rebuilt
 * from the docs and no data migration is written for them. Entries that touch the doc tables
 * carry an `upgrade` and a fixture test (test/unit/renderer/replica/migration.test.ts).
 */
import { Dexie, type Table, type Transaction } from 'dexie';
import type { Court, StaffMember } from '../../shared/domain/schemas.js';
import type { CaseRow, DocumentRow, HearingRow, PartyRow } from './types.js';

export const DEFAULT_DB_NAME = 'courtdesk';

export interface DocSnapshotRecord {
  readonly docId: string;
  /** Merged Yjs state (`Y.encodeStateAsUpdate`, V1 encoding). */
  readonly state: Uint8Array;
  /** How many appended updates have been compacted into this snapshot over its life. */
  readonly updateCount: number;
  /** ISO-8601 UTC instant of the last write of this snapshot. */
  readonly updatedAt: string;
}

/**
 * What the court server holds of one doc (sync-state.ts). Pending = `dirty` = 1.
 * A state vector does not describe deletions, hence the explicit dirty flag: a removal writes no
 * new struct, yet must reach the server.
 */
export interface SyncStateRecord {
  readonly docId: string;
  /**
   * 1 while a local edit is not acknowledged by the server (a number: IndexedDB cannot index
   * booleans). A clean record has no `dirty` at all, so the `dirty` index holds the pending docs
   * only: an index entry per clean doc cost 80,000 extra writes in an initial replica. Records of
   * an older version may still say 0, which reads as clean.
   */
  readonly dirty?: 0 | 1;
  /** Bumped by every local edit; an ack clears `dirty` only if no edit came after its push. */
  readonly localVersion: number;
  /** The server's state vector at its last ack or pull: the base of the next push's diff. */
  readonly serverSV?: Uint8Array;
  /** Per client, the minimum of ours and the server's: what we may claim to have when pulling. */
  readonly knownSV?: Uint8Array;
  /** The court seq of the doc's last change the server reported. */
  readonly serverSeq?: number;
}

/** Document bodies as first pulled, several per record (body-packs.ts). */
export interface BodyPackRecord {
  /** The first doc id of the pack (a doc is packed once, so ids are unique). */
  readonly packId: string;
  /** The packed docs, in order; a multi-entry index finds the pack of a doc. */
  readonly docIds: readonly string[];
  /** End offset in `bytes` of each doc's state (its start is the previous end, or 0). */
  readonly ends: readonly number[];
  /** The docs' states (V1 updates, each the server's whole state when pulled), end to end. */
  readonly bytes: Uint8Array;
  readonly updatedAt: string;
}

export interface DocUpdateRecord {
  /** Auto-incremented: the append order, across all docs. */
  readonly seq?: number;
  readonly docId: string;
  /** One Yjs update (V1 encoding), as emitted by the edit's transaction. */
  readonly update: Uint8Array;
}

/**
 * Everything projected of one case besides its case row: its parties, hearings and documents.
 * Per-record cost is what bounds an initial replica on this machine (perf-anchors §1.2): one
 * record per party and per document (v6, ~135,000 records of ~280,000), then one list per case
 * and table plus one record per hearing (v8, ~64,000 of ~95,000), then one details record per
 * case beside its row (v10, 20,000), and since v11 none: the details are fields of the case's
 * own record (CaseRecord), absent when the case has no party, hearing or document. Nothing reads
 * parties or documents across cases (the register searches the case rows); the calendar finds
 * hearings by day through the two multi-entry indexes.
 */
export interface CaseDetails {
  /** Each sorted by key, as `projectCase` returns them. */
  readonly parties: readonly PartyRow[];
  readonly hearings: readonly HearingRow[];
  readonly documents: readonly DocumentRow[];
}

/**
 * A `cases` record (projection.ts `caseRecord`): the case's row and, when it has a party, a
 * hearing or a document, its details. The lists are kept as JSON text, parsed only by the case
 * file and the calendar (`caseDetailsOf`): the register's in-memory index reads every record when
 * the app opens, and Chromium rebuilding ~10 row objects per case from IndexedDB made that read
 * ~5× slower (first search 6.7 s instead of ~1.3 s for 20,000 cases) than one string does.
 */
export interface CaseRecord extends CaseRow {
  /** `JSON.stringify(CaseDetails)`. */
  readonly details?: string;
  /** The distinct days of its hearings (index `*hearingDays`: the court's calendar). */
  readonly hearingDays?: readonly string[];
  /** The distinct [judgeId, day] of its hearings (index `*judgeDays`: a judge's calendar). */
  readonly judgeDays?: readonly (readonly [string, string])[];
}

/**
 * Beside a body pack (same packId): the server's state of each of its docs that was pulled clean
 * in one piece, or null for a doc that has a syncState record of its own. Such a doc's sync
 * record is implied (`impliedSyncRecords`, body-packs.ts): 60,000 of an initial replica's records
 * were those clean records, each as costly to write as a body. A syncState record, once written
 * (an edit, a pulled change), always wins over the implied one.
 */
export interface PackedSyncRecord {
  readonly packId: string;
  /** The pack's doc ids, in its order. */
  readonly docIds: readonly string[];
  readonly serverSVs: readonly (Uint8Array | null)[];
  readonly seqs: readonly number[];
}

/** The meta table: one record per key, with a typed value. */
export interface MetaValues {
  court: Court;
  staff: readonly StaffMember[];
  demoLoadedAt: string;
  projectionVersion: number;
  /** Where the last catch-up stopped: the server's change seq for that server and court. */
  syncCursor: { readonly server: string; readonly court: string; readonly seq: number };
  /** ISO-8601 UTC instant of the last catch-up that completed without error. */
  lastSyncAt: string;
  /** Court IT public keys (Ed25519 JWKs) added in Settings, besides the shipped trust list. */
  packTrustedKeys: readonly PackTrustedKeyRecord[];
  /** What the last pack check against the court server found (renderer/packs/check.ts). */
  packLastCheck: PackCheckRecord;
  /** The last count of the `cases` store, shown at the next start while it counts again (case-count.ts). */
  caseCount: number;
}

export interface PackTrustedKeyRecord {
  readonly kid: string;
  /** Public key, base64url (the JWK's `x`). */
  readonly x: string;
  /** Who added it and when, for the Settings list. */
  readonly label: string;
  readonly addedAt: string;
}

export interface PackCheckRecord {
  readonly at: string;
  readonly server: string;
  readonly outcome: 'ok' | 'refused' | 'failed';
  /** Packs installed by this check, as "<packId> <version>". */
  readonly installed: readonly string[];
  /** Packs refused by this check, with the reason in both languages. */
  readonly refused: readonly { readonly pack: string; readonly messageVi: string; readonly messageEn: string }[];
  /** Why the check itself failed (server unreachable, refused the list). */
  readonly messageVi?: string;
  readonly messageEn?: string;
}

/** One installed pack file (renderer/packs/pack-db.ts). */
export interface InstalledPackRecord {
  /** `<kind>/<packId>/<version>`. */
  readonly key: string;
  readonly kind: 'templates' | 'deadlines';
  readonly packId: string;
  readonly version: string;
  /** The pack file exactly as signed and downloaded; verified again every time it is loaded. */
  readonly bytes: Uint8Array;
  readonly sha256: string;
  /** Key id of the court IT key that verified it. */
  readonly keyId: string;
  readonly installedAt: string;
  readonly publishedAt: string;
  /** The server it came from. */
  readonly source: string;
}
export type MetaKey = keyof MetaValues;
export interface MetaRecord<K extends MetaKey = MetaKey> {
  readonly key: K;
  readonly value: MetaValues[K];
}

export interface Migration {
  /** Dexie store specs of this version (only what changes; `null` deletes a table). */
  readonly stores: Readonly<Record<string, string | null>>;
  /** Data migration, run inside the version-change transaction. */
  readonly upgrade?: (tx: Transaction) => Promise<void> | void;
  /** Why this version exists, for the reader of the list. */
  readonly why: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    why: 'Initial layout: Yjs docs as snapshot + appended updates, and the projected row tables.',
    stores: {
      docSnapshots: 'docId',
      docUpdates: '++seq, docId',
      cases: 'id, numberSortKey, type, status, judgeId, acceptanceDate, nextHearingAt, updatedAt',
      parties: 'key, caseId, foldedName',
      hearings: 'key, caseId, day, [judgeId+day]',
      documents: 'key, caseId',
      meta: 'key',
    },
  },
  {
    why: 'Drop parties.foldedName: the register searches its in-memory index, and every index costs ~12% per record written.',
    stores: { parties: 'key, caseId' },
  },
  {
    why: 'Sync with the court server: syncState per doc (acknowledged state, dirty flag). No data migration: a doc without a record counts as not yet on the server.',
    stores: { syncState: 'docId, dirty' },
  },
  {
    why: 'Signed template and deadline packs installed from the court server (renderer/packs). A new table only: no data migration.',
    stores: { packs: 'key, kind' },
  },
  {
    why: 'Every stored doc has a syncState record (a never-synced one is written dirty), so the pending docs are the `dirty` index alone: finding them scanned every doc key (160,000 in a 20,000-case court) on each catch-up.',
    stores: {},
    upgrade: async (tx) => {
      const known = new Set(await tx.table('syncState').toCollection().primaryKeys());
      const missing = (await tx.table('docSnapshots').toCollection().primaryKeys()).filter((docId) => !known.has(docId));
      await tx.table('syncState').bulkPut(missing.map((docId) => neverSyncedRecord(String(docId))));
    },
  },
  {
    why: 'Document bodies pulled for the first time are stored several per record (body-packs.ts): 60,000 small values cost ~40 s of an initial replica, packed ones ~6× less. A new table only: stored docs stay where they are.',
    stores: { bodyPacks: 'packId, &*docIds' },
  },
  {
    why: 'Parties and documents become one record per case (the next entry re-creates them): IndexedDB cannot change a primary key in place. Rows are derived: PROJECTION_VERSION 2 rebuilds them from the docs.',
    stores: { parties: null, documents: null },
  },
  {
    why: 'Parties and documents keyed by case id, one record per case (CaseRowList): 133,000 row records of a 20,000-case initial replica become 40,000.',
    stores: { parties: 'caseId', documents: 'caseId' },
  },
  {
    why: 'Docs pulled clean into a body pack keep their server state beside the pack (packedSync) instead of a syncState record each: 60,000 records fewer in an initial replica. A new table only: existing docs keep their records.',
    stores: { packedSync: 'packId' },
  },
  {
    why: 'Parties, hearings and documents of a case in one record (CaseDetailsRecord): the ~64,000 row records of a 20,000-case initial replica become 20,000. Rows are derived: PROJECTION_VERSION 3 rebuilds them from the docs.',
    stores: { caseDetails: 'caseId, *hearingDays, *judgeDays', parties: null, hearings: null, documents: null },
  },
  {
    why: 'One record per case: its details (parties, hearings, documents, as JSON text) become fields of its cases record, whose indexes are the register\'s three cold-start sorts and the calendar\'s two. A record costs ~0.27 ms of IndexedDB here whatever its size, and 20,000 details records were ~6 s of an initial replica\'s storage floor; type, status, judgeId and acceptanceDate only counted a filtered first page before the in-memory index was loaded (four index entries per case written). Rows are derived: PROJECTION_VERSION 4 rebuilds them from the docs.',
    stores: { cases: 'id, numberSortKey, nextHearingAt, updatedAt, *hearingDays, *judgeDays', caseDetails: null },
  },
];

/** The sync record of a doc the court server has never acknowledged: pending until it does. */
export function neverSyncedRecord(docId: string): SyncStateRecord {
  return { docId, dirty: 1, localVersion: 0 };
}

/** True for a record written by {@link neverSyncedRecord} and not touched since (no ack, no pull, no edit). */
export function isNeverSynced(record: SyncStateRecord): boolean {
  return record.dirty === 1 && record.localVersion === 0 && record.serverSV === undefined;
}

export const SCHEMA_VERSION = MIGRATIONS.length;

export interface CourtdeskDbOptions {
  readonly indexedDB?: IDBFactory;
  readonly IDBKeyRange?: typeof IDBKeyRange;
  /** Only tests pass another list (to simulate an older or a newer app). */
  readonly migrations?: readonly Migration[];
}

export class CourtdeskDb extends Dexie {
  docSnapshots!: Table<DocSnapshotRecord, string>;
  docUpdates!: Table<DocUpdateRecord, number>;
  bodyPacks!: Table<BodyPackRecord, string>;
  cases!: Table<CaseRecord, string>;
  meta!: Table<MetaRecord, MetaKey>;
  syncState!: Table<SyncStateRecord, string>;
  packedSync!: Table<PackedSyncRecord, string>;
  packs!: Table<InstalledPackRecord, string>;

  constructor(name: string = DEFAULT_DB_NAME, options: CourtdeskDbOptions = {}) {
    super(name, {
      ...(options.indexedDB ? { indexedDB: options.indexedDB } : {}),
      ...(options.IDBKeyRange ? { IDBKeyRange: options.IDBKeyRange } : {}),
      // Strict everywhere. The frequent small writes are a clerk's own edits (one transaction
      // each), which must survive a power cut on a laptop on battery; strict costs ~5 ms more
      // per edit (perf-anchors T13). Bulk writes (import, rebuild) are few large transactions,
      // where strict and relaxed measured the same (2,775 vs 2,699 records/s).
      chromeTransactionDurability: 'strict',
      // Opening is explicit (openReplica) so that its errors become values, never surprises.
      autoOpen: false,
    });
    const migrations = options.migrations ?? MIGRATIONS;
    migrations.forEach((migration, index) => {
      const version = this.version(index + 1).stores({ ...migration.stores });
      if (migration.upgrade) version.upgrade(migration.upgrade);
    });
  }

  async getMeta<K extends MetaKey>(key: K): Promise<MetaValues[K] | undefined> {
    const record = (await this.meta.get(key)) as MetaRecord<K> | undefined;
    return record?.value;
  }

  async setMeta<K extends MetaKey>(key: K, value: MetaValues[K]): Promise<void> {
    await this.meta.put({ key, value } as MetaRecord);
  }

  /** The tables a doc is read from: a transaction that reads or writes docs takes all three. */
  get docTables(): readonly Table[] {
    return [this.docSnapshots, this.docUpdates, this.bodyPacks];
  }

  /** The tables a doc's sync record is read from (its own, or implied by a pack: body-packs.ts). */
  get syncTables(): readonly Table[] {
    return [this.syncState, this.packedSync];
  }

  /** The row tables, in the order a projection writes them. */
  get rowTables(): readonly Table[] {
    return [this.cases];
  }
}
