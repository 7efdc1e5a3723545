/**
 * What a clerk reads when a bundle doc could not be restored: the case number (12/2025/TLST-DS)
 * or the document's title (Biên bản phiên tòa), taken from the bundle's own copy, since the local
 * one may not exist. Only failed docs are decoded, so a restore of 60,000 docs decodes none.
 */
import * as Y from 'yjs';
import { backupDocKind } from '../../shared/backup/index.js';
import { readCaseRaw } from '../../shared/domain/case-doc.js';
import { documentIdOfDoc, metaMap } from '../../shared/drafting/document-doc.js';

/** @example backupDocLabel('doc:d-1', state) // 'Biên bản phiên tòa (d-1)' */
export function backupDocLabel(docId: string, state: Uint8Array | undefined): string {
  const kind = backupDocKind(docId);
  const id = kind === 'case' ? docId.slice('case:'.length) : (documentIdOfDoc(docId) ?? docId);
  const named = state ? readName(kind, state) : undefined;
  return named ? `${named} (${id})` : id;
}

function readName(kind: ReturnType<typeof backupDocKind>, state: Uint8Array): string | undefined {
  if (kind === undefined) return undefined;
  const doc = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(doc, state);
    const value = kind === 'case' ? readCaseRaw(doc).acceptanceNumber : metaMap(doc).get('title');
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
  } catch {
    // The doc failed to restore, possibly because it does not decode: its id is label enough.
    return undefined;
  } finally {
    doc.destroy();
  }
}
