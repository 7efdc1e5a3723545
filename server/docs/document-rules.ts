/**
 * The server's rules for document docs (`court/{court}/doc/{id}`, layout in
 * shared/drafting/document-doc.ts), read from the stored doc itself:
 *
 * - **Panel only**: `documentAccessMeta` reads `meta.restrictedToStaff` for auth/access.ts.
 * - **Finalised is read-only**: once `meta.status === 'finalised'`, an update is applied to a
 *   scratch copy first; if it changes anything but appending `corrections` (đính chính), appending
 *   `versions` (an export of the final text records one) or the author registry (`authors`:
 *   which client id is whose, never content), it is refused with `DocumentFinalisedError` and
 *   nothing is stored. An update that changes nothing (a client re-sending what the server has)
 *   passes.
 */
import * as Y from 'yjs';
import { DOCUMENT_ROOT } from '../../shared/drafting/document-doc.js';
import type { DocAccessMeta } from '../auth/access.js';

/** Roots a finalised document still accepts changes to; the arrays append-only. */
const APPEND_ONLY_ROOTS: ReadonlySet<string> = new Set([DOCUMENT_ROOT.corrections, DOCUMENT_ROOT.versions]);
const FREE_ROOTS: ReadonlySet<string> = new Set([DOCUMENT_ROOT.authors]);

export class DocumentFinalisedError extends Error {
  readonly code = 'sync.document.finalised';
  readonly messageVi = 'Văn bản đã được ký đủ và khóa: máy chủ không nhận thay đổi nội dung. Hãy ghi đính chính nếu cần sửa.';
  readonly messageEn = 'The document is finalised: the server accepts only appended corrections.';
  constructor(readonly detail: string) {
    super(`The document is finalised; update refused (${detail})`);
    this.name = 'DocumentFinalisedError';
  }
}

/** The access-relevant meta of a loaded doc; null when it has no meta (nothing stored yet). */
export function documentAccessMeta(doc: Y.Doc): DocAccessMeta | null {
  const meta = doc.share.has(DOCUMENT_ROOT.meta) ? doc.getMap<unknown>(DOCUMENT_ROOT.meta) : undefined;
  if (meta === undefined || meta.size === 0) return null;
  const restricted = meta.get('restrictedToStaff');
  if (!Array.isArray(restricted)) return {};
  return { restrictedToStaff: restricted.filter((id): id is string => typeof id === 'string') };
}

/** The same, from a stored state (batch pull reads the store without loading a live doc). */
export function documentAccessMetaOfState(state: Uint8Array): DocAccessMeta | null {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return documentAccessMeta(doc);
  } finally {
    doc.destroy();
  }
}

export function isFinalisedDoc(doc: Y.Doc): boolean {
  return doc.share.has(DOCUMENT_ROOT.meta) && doc.getMap<unknown>(DOCUMENT_ROOT.meta).get('status') === 'finalised';
}

/**
 * Throws `DocumentFinalisedError` when `update` would change a finalised doc beyond what is
 * allowed; a no-op for docs that are not finalised. Throws what Yjs throws for unreadable bytes.
 */
export function assertUpdateAllowed(doc: Y.Doc, update: Uint8Array): void {
  if (!isFinalisedDoc(doc)) return;
  const scratch = new Y.Doc({ gc: false });
  try {
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
    const before = new Map([...APPEND_ONLY_ROOTS].map((name) => [name, scratch.getArray<unknown>(name).toArray().map((e) => JSON.stringify(e))]));
    const touched = new Set<string>();
    scratch.on('afterTransaction', (transaction: Y.Transaction) => {
      for (const type of transaction.changed.keys()) touched.add(rootName(scratch, type));
    });
    Y.applyUpdate(scratch, update);
    if (scratch.store.pendingStructs !== null || scratch.store.pendingDs !== null) throw new DocumentFinalisedError('update depends on unknown changes');
    for (const name of touched) {
      if (FREE_ROOTS.has(name)) continue;
      if (!APPEND_ONLY_ROOTS.has(name)) throw new DocumentFinalisedError(`changes ${name}`);
      const after = scratch.getArray<unknown>(name).toArray().map((e) => JSON.stringify(e));
      const old = before.get(name) ?? [];
      if (after.length < old.length || old.some((entry, i) => after[i] !== entry)) throw new DocumentFinalisedError(`rewrites ${name}`);
    }
  } finally {
    scratch.destroy();
  }
}

/** The name of the root type `type` belongs to ('' when it cannot be found). */
function rootName(doc: Y.Doc, type: Y.AbstractType<any>): string { // eslint-disable-line @typescript-eslint/no-explicit-any -- Yjs types its event handlers on the type parameter
  let current = type;
  while (current._item !== null) current = current._item.parent as typeof current;
  for (const [name, root] of doc.share) if (root === current) return name;
  return '';
}
