/**
 * Named versions of a document (issue #5): a `Y.snapshot` (state vector + delete set, a few
 * hundred bytes) recorded in the doc's `versions` array at meaningful points — created, hearing
 * closed, each signature, each export — and on demand. Document docs keep `gc: false`, so the
 * content of any version can be rebuilt from the doc itself (`Y.createDocFromSnapshot`), and a
 * restore is a *new edit* that puts the old body back: nothing is deleted from history.
 *
 * Who calls `recordVersion`: the editor at creation ('created'), hearing mode at closing
 * ('hearingClosed'), the signing panel ('signed'), the DOCX export ('exported'), the history
 * panel ('manual', 'restored').
 */
import * as Y from 'yjs';
import { fromBase64, toBase64 } from '../templates/crypto.js';
import { canonicalContent, type CanonicalContent } from './canonical.js';
import { addBodyPart, BODY_PART_BLOCKS, bodyBlocks, bodyNumberedFields, bodyPartFields } from './body-parts.js';
import { DOCUMENT_ROOT, type VersionEntry } from './document-doc.js';
import { isReadOnly } from './finalisation.js';

export type VersionReason = VersionEntry['reason'];

export const VERSION_REASON_LABELS: Record<VersionReason, { vi: string; en: string }> = {
  created: { vi: 'Tạo văn bản', en: 'Created' },
  hearingClosed: { vi: 'Kết thúc phiên tòa', en: 'Hearing closed' },
  signed: { vi: 'Ký', en: 'Signed' },
  exported: { vi: 'Xuất tệp', en: 'Exported' },
  manual: { vi: 'Lưu phiên bản', en: 'Saved version' },
  restored: { vi: 'Khôi phục phiên bản', en: 'Restored a version' },
};

export function versionsArray(doc: Y.Doc): Y.Array<VersionEntry> {
  return doc.getArray<VersionEntry>(DOCUMENT_ROOT.versions);
}

export function versionsOf(doc: Y.Doc): VersionEntry[] {
  return versionsArray(doc).toArray();
}

let counter = 0;

/**
 * Records the document as it is now. `label` defaults to the reason's Vietnamese label.
 *
 * @example
 *   recordVersion(doc, 'hearingClosed', 'thuky');
 *   recordVersion(doc, 'exported', session.user, 'Xuất DOCX');
 */
export function recordVersion(doc: Y.Doc, reason: VersionReason, by: string, label?: string, at: string = new Date().toISOString()): VersionEntry {
  if (doc.gc) {
    // A programming error: a gc'd doc forgets deleted text, so an old version could not be shown.
    throw new Error('Document docs must be created with { gc: false } to keep their history');
  }
  const snapshot = Y.snapshot(doc);
  counter += 1;
  const entry: VersionEntry = {
    id: `v-${Date.parse(at).toString(36)}-${doc.clientID.toString(36)}-${counter.toString(36)}`,
    reason,
    label: (label ?? VERSION_REASON_LABELS[reason].vi).normalize('NFC'),
    at,
    by,
    snapshot: toBase64(Y.encodeSnapshot(snapshot)),
  };
  versionsArray(doc).push([entry]);
  return entry;
}

export function decodeVersionSnapshot(entry: VersionEntry): Y.Snapshot | undefined {
  const bytes = fromBase64(entry.snapshot);
  if (!bytes) return undefined;
  try {
    return Y.decodeSnapshot(bytes);
  } catch {
    return undefined;
  }
}

/**
 * A new, detached doc holding the document as it was at `entry` (undefined when the snapshot is
 * unreadable or the doc lost what it needs, e.g. a copy that was garbage-collected).
 */
export function docAtVersion(doc: Y.Doc, entry: VersionEntry): Y.Doc | undefined {
  const snapshot = decodeVersionSnapshot(entry);
  if (!snapshot) return undefined;
  try {
    return Y.createDocFromSnapshot(doc, snapshot, new Y.Doc({ gc: false }));
  } catch {
    return undefined;
  }
}

export function contentAtVersion(doc: Y.Doc, entry: VersionEntry): CanonicalContent | undefined {
  const old = docAtVersion(doc, entry);
  if (!old) return undefined;
  try {
    return canonicalContent(old);
  } finally {
    old.destroy();
  }
}

/**
 * Puts the body of `entry` back as a new edit (the current body is replaced in one transaction;
 * its text stays in history) and records a 'restored' version. Returns the new version, or
 * undefined when the document is finalised (read-only) or the old version cannot be rebuilt.
 */
export function restoreVersion(doc: Y.Doc, entry: VersionEntry, by: string, at: string = new Date().toISOString()): VersionEntry | undefined {
  if (isReadOnly(doc)) return undefined;
  const old = docAtVersion(doc, entry);
  if (!old) return undefined;
  try {
    // Every part of the old body, in order (body-parts.ts).
    const copies = bodyBlocks(old).flatMap((node) => (node instanceof Y.XmlElement || node instanceof Y.XmlText ? [node.clone()] : []));
    doc.transact(() => {
      // The current parts are emptied, never removed (a concurrent writer's part must stay
      // readable), and the numbered ones refilled in order, BODY_PART_BLOCKS each, adding parts
      // when the old body is longer: a short body goes back into `body` alone, as before parts
      // existed. The tail stays empty: a numbered part added after it would read before it.
      for (const field of bodyPartFields(doc)) {
        const part = doc.getXmlFragment(field);
        part.delete(0, part.length);
      }
      const fields = bodyNumberedFields(doc);
      for (let at = 0, index = 0; at < copies.length; at += BODY_PART_BLOCKS, index += 1) {
        const field = fields[index] ?? addBodyPart(doc);
        doc.getXmlFragment(field).insert(0, copies.slice(at, at + BODY_PART_BLOCKS));
      }
    });
  } finally {
    old.destroy();
  }
  return recordVersion(doc, 'restored', by, `${VERSION_REASON_LABELS.restored.vi}: ${entry.label}`, at);
}
