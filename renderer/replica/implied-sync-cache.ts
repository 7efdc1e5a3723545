/**
 * The sync records implied by packs (body-packs.ts), held in memory by the replica for the
 * catch-up. Looking them up in IndexedDB costs an index request per doc (the pack index), twice
 * per pulled doc (asking the server, storing the page): in a 20,000-case initial replica that was
 * 160,000 requests for docs that are in no pack at all, most of the time the catch-up spent.
 *
 * Loaded once from `packedSync` (one small record per pack) and kept current with the packs this
 * replica writes. It is an accelerator, never the authority: a pack written by another connection
 * is missing here, so its docs are taken for new, the unique pack index refuses the page, and the
 * page is applied again with the lookups done in IndexedDB (remote-apply.ts). A doc's own
 * syncState record always wins over what is here.
 */
import type { CourtdeskDb, PackedSyncRecord, SyncStateRecord } from './schema.js';

export interface ImpliedSyncLookup {
  /** The implied record of a packed doc pulled clean, if this replica knows one. */
  get(docId: string): SyncStateRecord | undefined;
  /**
   * The pack holding a doc pulled clean, if this replica knows it: a doc is packed once and a
   * pack is never rewritten, so a pack named here holds the doc (doc-store.ts `readStoredDocs`
   * reads it without asking the pack index).
   */
  packOf(docId: string): string | undefined;
}

export class ImpliedSyncCache implements ImpliedSyncLookup {
  private states: Map<string, Implied> | undefined;
  private loading: Promise<void> | undefined;

  constructor(private readonly db: CourtdeskDb) {}

  /** Loads the records once. Call it outside any transaction (awaiting it inside one ends it). */
  async ready(): Promise<ImpliedSyncLookup> {
    if (!this.states) {
      this.loading ??= this.load().finally(() => (this.loading = undefined));
      await this.loading;
    }
    return this;
  }

  get(docId: string): SyncStateRecord | undefined {
    return this.states?.get(docId)?.record;
  }

  packOf(docId: string): string | undefined {
    return this.states?.get(docId)?.packId;
  }

  /** Packs this replica has just committed. */
  remember(syncs: readonly PackedSyncRecord[]): void {
    if (this.states) for (const sync of syncs) addImplied(this.states, sync);
  }

  private async load(): Promise<void> {
    const states = new Map<string, Implied>();
    await this.db.packedSync.each((sync) => addImplied(states, sync));
    this.states = states;
  }
}

/** The clean record `afterPull` would have written for each doc of the pack pulled clean. */
export function impliedRecord(docId: string, serverSV: Uint8Array, seq: number): SyncStateRecord {
  return { docId, localVersion: 0, serverSV, knownSV: serverSV, serverSeq: seq };
}

/** The implied record of each doc of a pack that was pulled clean (the others have their own). */
export function impliedRecordsOf(sync: PackedSyncRecord): SyncStateRecord[] {
  return sync.docIds.flatMap((docId, i) => {
    const serverSV = sync.serverSVs[i];
    return serverSV ? [impliedRecord(docId, serverSV, sync.seqs[i] ?? 0)] : [];
  });
}

/** A doc's implied record and the pack it sits in. */
interface Implied {
  readonly record: SyncStateRecord;
  readonly packId: string;
}

function addImplied(into: Map<string, Implied>, sync: PackedSyncRecord): void {
  for (const record of impliedRecordsOf(sync)) into.set(record.docId, { record, packId: sync.packId });
}
