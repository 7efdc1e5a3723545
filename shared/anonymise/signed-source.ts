/**
 * A finalised document as the source of its publication copy (NQ 03/2017: the copy published is
 * the judgment as signed). The signed content is the one every required signer signed — the hash
 * of the signature that finalised the document — read from the version recorded just before that
 * signature (shared/drafting/versions.ts), else from the current body; either is accepted only when
 * its canonical content hashes to the signed SHA-256, so the copy can never come from text nobody
 * signed. The signers and the hash go into the exported copy (shared/docx/publication-note.ts).
 */
import type * as Y from 'yjs';
import { domainError, err, ok, type Result } from '../domain/result.js';
import { canonicalContent } from '../drafting/canonical.js';
import { isReadOnly, signaturesOf } from '../drafting/finalisation.js';
import { contentHash } from '../drafting/signing.js';
import { docAtVersion, versionsOf } from '../drafting/versions.js';
import type { Finalisation, Signer } from '../docx/finalisation.js';

export interface SignedSource {
  /** Hex SHA-256 of the signed canonical content. */
  readonly contentHash: string;
  /** The signers over that content and the hash, as the DOCX note prints them. */
  readonly finalisation: Finalisation;
  /** The version recorded just before the finalising signature, when there is one. */
  readonly versionId?: string;
}

/** `2026-02-05T03:32:00.000Z` → `2026-02-05T10:32:00+07:00`: signatures are printed in the court's time (Vietnam, UTC+7, no DST). */
export function courtTime(iso: string): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  return `${new Date(at + 7 * 3_600_000).toISOString().slice(0, 19)}+07:00`;
}

/** The signing of a finalised document, or undefined for a draft (not every required signer signed yet). */
export function signedSourceOf(doc: Y.Doc): SignedSource | undefined {
  if (!isReadOnly(doc)) return undefined;
  const signatures = signaturesOf(doc);
  const last = signatures[signatures.length - 1];
  if (!last) return undefined;
  const signers: Signer[] = signatures.filter((s) => s.contentHash === last.contentHash).map((s) => ({ role: s.capacity, name: s.signerName, signedAt: courtTime(s.signedAt) }));
  return { contentHash: last.contentHash, finalisation: { signers, sha256: last.contentHash }, ...(last.versionId ? { versionId: last.versionId } : {}) };
}

/**
 * The Y.Doc holding exactly the signed content: the signed version's snapshot, else the document
 * itself, whichever hashes to the signed SHA-256. The caller reads its body.
 */
export async function signedContentDoc(doc: Y.Doc, signed: SignedSource): Promise<Result<Y.Doc>> {
  const entry = signed.versionId ? versionsOf(doc).find((v) => v.id === signed.versionId) : undefined;
  const atVersion = entry ? docAtVersion(doc, entry) : undefined;
  for (const candidate of [atVersion, doc]) {
    if (candidate && (await contentHash(canonicalContent(candidate))) === signed.contentHash) return ok(candidate);
  }
  return err(
    domainError(
      'publication.signedContentMissing',
      'Không tìm thấy nội dung khớp với mã băm đã ký của văn bản này; không tạo bản công bố từ nội dung chưa được ký.',
      'No content matching the signed hash was found; the publication copy is never made from unsigned text.',
      signed.contentHash,
    ),
  );
}
