/**
 * The layout of a document's Y.Doc (DESIGN §3: one Y.Doc per document; room
 * `court/{courtId}/doc/{documentId}`, replica doc id `doc:{documentId}`). The editor, hearing mode,
 * history, signing, the server's read-only and panel-only rules and the DOCX export all read the
 * same shared types, so their names live here and nowhere else.
 *
 * ```
 * Y.Doc (guid = documentId)
 * ├── meta        Y.Map     DocumentMeta fields (ids, kind, template id+version, status, panel)
 * ├── body        Y.XmlFragment  the ProseMirror/TipTap content (Collaboration `field: 'body'`): part 0
 * ├── body/1 …    Y.XmlFragment  further parts of a long body (minutes), read after `body` in order
 * ├── bodyParts   Y.Map     "1", "2", … → true: which further parts exist (body-parts.ts)
 * ├── hearing     Y.Map     `events` Y.Array<HearingEvent>, `attendance` Y.Map<personKey, Attendance>
 * ├── signatures  Y.Array<SignatureEntry>   appended once per signer, never edited
 * ├── corrections Y.Array<CorrectionEntry>  đính chính after finalisation, appended only
 * ├── versions    Y.Array<VersionEntry>     named history points (created, hearing closed, …)
 * └── authors     Y.Map     Y.PermanentUserData: which account wrote with which client id
 * ```
 *
 * The case doc lists the document as a `CaseDocumentRef` (shared/domain/schemas.ts); this doc
 * holds its content. Plain JSON values only inside the arrays (no nested Y types), so entries
 * are immutable once written and cheap for the server to read.
 */
import type * as Y from 'yjs';
import type { DocumentKind } from '../domain/vocabulary.js';

export const DOCUMENT_ROOT = {
  meta: 'meta',
  body: 'body',
  /** Which parts a long body has beyond `body` (keys "1", "2", … → true; body-parts.ts). */
  bodyParts: 'bodyParts',
  hearing: 'hearing',
  signatures: 'signatures',
  corrections: 'corrections',
  versions: 'versions',
  /** `Y.PermanentUserData` (client ids → account user), for "who wrote what" (authors.ts). */
  authors: 'authors',
} as const;

/** The replica's doc id of a document body (case docs are `case:{caseId}`). */
export function documentDocId(documentId: string): string {
  return `doc:${documentId}`;
}

export function documentIdOfDoc(docId: string): string | undefined {
  return docId.startsWith('doc:') ? docId.slice('doc:'.length) : undefined;
}

export type DraftStatus = 'draft' | 'finalised';

export interface DocumentMeta {
  readonly documentId: string;
  readonly caseId: string;
  readonly courtId: string;
  readonly kind: DocumentKind;
  readonly title: string;
  /** The template the draft came from (legal id and semver), recorded at creation. */
  readonly templateId: string;
  readonly templateVersion: string;
  /** ISO timestamp and the account user that created it. */
  readonly createdAt: string;
  readonly createdBy: string;
  readonly status: DraftStatus;
  readonly finalisedAt?: string;
  /**
   * Staff ids of the panel when the document is visible to the panel only (biên bản nghị án;
   * a judgment draft before pronouncement). Absent: every account of the court may open it.
   * The server enforces it with the account's `staffId`.
   */
  readonly restrictedToStaff?: readonly string[];
  /** The official number once issued ("34/2025/DS-ST"): part of what is signed. */
  readonly number?: string;
  /**
   * The panel (and clerk) at creation, as the case doc lists them: who must sign
   * (shared/drafting/signers.ts). Absent: the signing panel reads the case's panel instead.
   */
  readonly panel?: readonly DocumentPanelMember[];
}

/** A panel member as the document records it for its signature blocks. */
export interface DocumentPanelMember {
  readonly staffId: string;
  /** A `PanelRole` (presidingJudge, judge, assessor, clerk, …). */
  readonly role: string;
  readonly name: string;
}

/** A timestamped moment of the hearing the clerk's hearing mode records. */
export interface HearingEvent {
  readonly kind: 'opened' | 'phase' | 'recess' | 'resumed' | 'closed';
  /** For `phase`: thủ tục bắt đầu, xét hỏi / tranh tụng, tranh luận, lời nói sau cùng, nghị án, tuyên án. */
  readonly phase?: 'opening' | 'questioning' | 'debate' | 'lastWords' | 'deliberation' | 'pronouncement';
  readonly at: string;
  readonly by: string;
}

export interface Attendance {
  readonly present: boolean;
  readonly note?: string;
  readonly recordedAt: string;
}

/** One signature over the canonical content (SHA-256, Ed25519; see shared/drafting/signing.ts). */
export interface SignatureEntry {
  /** The `PanelRole` the signer signs as (presidingJudge = chủ tọa, clerk = thư ký, judge, assessor). */
  readonly capacity: string;
  readonly user: string;
  readonly staffId?: string;
  readonly signerName: string;
  readonly keyId: string;
  /** Raw Ed25519 public key (base64): the signature checks offline; the key directory says whose it is. */
  readonly publicKey: string;
  /** Hex SHA-256 of the canonical content that was signed. */
  readonly contentHash: string;
  /**
   * base64 Ed25519 signature of the signed statement (`signatureStatement` in signing.ts: the
   * document id, content hash, capacity, user, staff id and time), not of the bare hash, so a
   * signature cannot be moved to another document, capacity or person.
   */
  readonly signature: string;
  readonly signedAt: string;
  /** The version recorded just before signing: what was signed, for "what changed since". */
  readonly versionId?: string;
}

export interface CorrectionEntry {
  readonly id: string;
  readonly text: string;
  readonly by: string;
  readonly at: string;
}

export interface VersionEntry {
  readonly id: string;
  readonly reason: 'created' | 'hearingClosed' | 'signed' | 'exported' | 'manual' | 'restored';
  readonly label: string;
  readonly at: string;
  readonly by: string;
  /** base64 `Y.encodeSnapshot` of the doc at that point (the doc keeps `gc: false`). */
  readonly snapshot: string;
}

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(DOCUMENT_ROOT.meta);
}

/** Part 0 of the body (the whole body of every document that is not long; body-parts.ts). */
export function bodyFragment(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(DOCUMENT_ROOT.body);
}
