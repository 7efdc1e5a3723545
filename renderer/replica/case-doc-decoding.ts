/**
 * What a pulled case doc new to the replica becomes before it is stored: its state vector and
 * the projection of the case it reads as. Pure (Yjs and shared/ only), so it runs as well in the
 * decode worker (decode-worker.ts) as on the main thread (decode-ahead.ts's fallback).
 */
import * as Y from 'yjs';
import { readCase } from '../../shared/domain/case-doc.js';
import { newDoc } from './doc-store.js';
import { projectCase, type CaseProjection } from './projection.js';

/** The Yjs transaction origin of updates that came from the court server. */
export const REMOTE_ORIGIN = Symbol('courtdesk.remote');

/** A case doc decoded from nothing but one pulled update. */
export interface DecodedCaseDoc {
  readonly stateVector: Uint8Array;
  /** The projection of the case the doc reads as; absent when it is not a readable case. */
  readonly projection?: CaseProjection;
}

/**
 * Decodes one pulled update into a new doc. Undefined when the update does not stand alone: it
 * is garbage, or a diff against state the replica may hold (its structs wait for others). The
 * caller then decodes it the ordinary way, which reports why.
 */
export function decodeCaseDoc(docId: string, update: Uint8Array): DecodedCaseDoc | undefined {
  const doc = newDoc(docId);
  try {
    Y.applyUpdate(doc, update, REMOTE_ORIGIN);
    if (doc.store.pendingStructs !== null || doc.store.pendingDs !== null) return undefined;
    const stateVector = Y.encodeStateVector(doc);
    let projection: CaseProjection | undefined;
    try {
      projection = projectCase(readCase(doc));
    } catch {
      projection = undefined;
    }
    return projection ? { stateVector, projection } : { stateVector };
  } catch {
    return undefined;
  } finally {
    doc.destroy();
  }
}
