/**
 * The life of a document after its first signature: signatures are appended (never edited), the
 * document becomes `finalised` (and read-only, here and on the server) once every required signer
 * has signed the *current* content, and later corrections (đính chính) are appended as separate,
 * attributed, dated entries: the signed body itself is never touched again.
 */
import type * as Y from 'yjs';
import { domainError, err, ok, type Result } from '../domain/result.js';
import { DOCUMENT_ROOT, metaMap, type CorrectionEntry, type DocumentPanelMember, type SignatureEntry } from './document-doc.js';
import { panelOnlyUntilFinalised } from './panel-only.js';
import type { RequiredSigner } from './signers.js';

export function signaturesArray(doc: Y.Doc): Y.Array<SignatureEntry> {
  return doc.getArray<SignatureEntry>(DOCUMENT_ROOT.signatures);
}

export function correctionsArray(doc: Y.Doc): Y.Array<CorrectionEntry> {
  return doc.getArray<CorrectionEntry>(DOCUMENT_ROOT.corrections);
}

/** True once the document is finalised: the editor must not change meta, body or hearing. */
export function isReadOnly(doc: Y.Doc): boolean {
  return metaMap(doc).get('status') === 'finalised';
}

export function signaturesOf(doc: Y.Doc): SignatureEntry[] {
  return signaturesArray(doc).toArray();
}

export function correctionsOf(doc: Y.Doc): CorrectionEntry[] {
  return correctionsArray(doc).toArray();
}

/** The panel recorded in the document's meta, or undefined when it has none. */
export function panelOf(doc: Y.Doc): DocumentPanelMember[] | undefined {
  const value = metaMap(doc).get('panel');
  if (!Array.isArray(value)) return undefined;
  return (value as unknown[]).filter(
    (m): m is DocumentPanelMember =>
      typeof m === 'object' && m !== null && typeof (m as DocumentPanelMember).staffId === 'string' && typeof (m as DocumentPanelMember).role === 'string',
  );
}

/** The required signers with no signature over `contentHash` yet. */
export function missingSigners(doc: Y.Doc, required: readonly RequiredSigner[], contentHash: string): RequiredSigner[] {
  const signed = signaturesOf(doc).filter((s) => s.contentHash === contentHash);
  return required.filter((r) => !signed.some((s) => s.staffId === r.staffId && s.capacity === r.capacity));
}

/**
 * Appends a signature and, when it completes the set over the same content, finalises the
 * document in the same transaction (one update: the server never sees a half-finalised doc).
 * The caller made `entry` with signing.ts over the current content and checked the signer.
 */
export function appendSignature(doc: Y.Doc, entry: SignatureEntry, required: readonly RequiredSigner[], now: string): Result<{ finalised: boolean }> {
  if (isReadOnly(doc)) {
    return err(domainError('signing.alreadyFinal', 'Văn bản đã được ký đủ và khóa; không ký thêm được.', 'The document is already finalised.'));
  }
  let finalised = false;
  doc.transact(() => {
    signaturesArray(doc).push([entry]);
    finalised = finaliseIfComplete(doc, required, entry.contentHash, now);
  });
  return ok({ finalised });
}

/**
 * Marks the document finalised when every required signer signed `contentHash` (the hash of the
 * current content). Also run when a synced signature completes the set (two signers offline).
 * A judgment is pronounced with it: its panel-only restriction ends in the same change
 * (panel-only.ts).
 */
export function finaliseIfComplete(doc: Y.Doc, required: readonly RequiredSigner[], contentHash: string, now: string): boolean {
  if (isReadOnly(doc)) return false;
  if (required.length === 0 || missingSigners(doc, required, contentHash).length > 0) return false;
  doc.transact(() => {
    const meta = metaMap(doc);
    meta.set('status', 'finalised');
    meta.set('finalisedAt', now);
    if (panelOnlyUntilFinalised(meta.get('kind'))) meta.delete('restrictedToStaff');
  });
  return true;
}

/** Appends a correction (đính chính) to a finalised document. */
export function appendCorrection(doc: Y.Doc, input: { text: string; by: string; at: string }): Result<CorrectionEntry> {
  if (!isReadOnly(doc)) {
    return err(domainError('signing.correctionBeforeFinal', 'Văn bản chưa được ký đủ: hãy sửa trực tiếp nội dung, không cần đính chính.', 'Edit the draft directly; corrections are for finalised documents.'));
  }
  // NFC like every stored text; line breaks are kept (a correction may quote several lines).
  const text = input.text.normalize('NFC').trim();
  if (text === '') return err(domainError('signing.correctionEmpty', 'Nội dung đính chính không được để trống.', 'The correction is empty.'));
  if (text.length > 20_000) return err(domainError('signing.correctionTooLong', 'Nội dung đính chính quá dài (tối đa 20.000 ký tự).', 'The correction is too long.'));
  const entry: CorrectionEntry = { id: `dc-${input.at}-${doc.clientID.toString(36)}-${correctionsArray(doc).length + 1}`, text, by: input.by, at: input.at };
  correctionsArray(doc).push([entry]);
  return ok(entry);
}
