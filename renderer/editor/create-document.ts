/**
 * "Soạn văn bản": a new draft from a template, pre-filled from the case. The document gets its
 * own Y.Doc (meta per shared/drafting/document-doc.ts with the template id and version, the body
 * rendered from the case, an empty hearing record for minutes) stored as a local edit, and the
 * case doc lists it as a `CaseDocumentRef` so the case file shows it. Deliberation minutes, and a
 * judgment until it is signed, are visible to the panel only (`restrictedToStaff`: the staff ids
 * of the judges and assessors; shared/drafting/panel-only.ts).
 */
import { recordVersion } from '../../shared/drafting/versions.js';
import type * as Y from 'yjs';
import { upsertDocumentRef } from '../../shared/domain/case-mutations.js';
import type { DomainError, Result } from '../../shared/domain/result.js';
import { err, ok } from '../../shared/domain/result.js';
import type { Case } from '../../shared/domain/schemas.js';
import { metaMap, type DocumentMeta, type DocumentPanelMember } from '../../shared/drafting/document-doc.js';
import { initHearingRecord } from '../../shared/drafting/hearing-record.js';
import { panelOnlyStaff } from '../../shared/drafting/panel-only.js';
import type { DocNode, Template } from '../../shared/templates/model.js';
import type { DocumentStore } from '../replica/document-store.js';
import type { Replica } from '../replica/types.js';
import { writeBody } from './body.js';

export interface NewDocumentInput {
  readonly kase: Case;
  readonly template: Template;
  /** The template rendered against the case (renderCaseDocument). */
  readonly rendered: DocNode;
  /** The account user creating it ('' offline without a session: recorded as "local"). */
  readonly user: string;
  readonly now: string;
  /** Injected so tests are deterministic. */
  readonly newId: () => string;
}

export function newDocumentId(): string {
  return `doc-${crypto.randomUUID()}`;
}

/** The panel members with a directory entry, as the document records them for signing. */
export function documentPanel(kase: Case): DocumentPanelMember[] {
  return [...kase.panel]
    .sort((a, b) => a.order - b.order)
    .filter((m): m is typeof m & { staffId: string } => m.staffId !== undefined)
    .map((m) => ({ staffId: m.staffId, role: m.role, name: m.name }));
}

export function documentMetaFor(input: NewDocumentInput, documentId: string): DocumentMeta {
  const { kase, template } = input;
  const panel = documentPanel(kase);
  const restricted = panelOnlyStaff(template.meta.kind, panel);
  return {
    documentId,
    caseId: kase.id,
    courtId: kase.courtId,
    kind: template.meta.kind,
    title: template.meta.title,
    templateId: template.meta.id,
    templateVersion: template.meta.version,
    createdAt: input.now,
    createdBy: input.user || 'local',
    status: 'draft',
    ...(restricted ? { restrictedToStaff: restricted } : {}),
    ...(panel.length > 0 ? { panel } : {}),
  };
}

/** Writes the meta fields into the doc's meta map (plain JSON values; arrays copied). */
export function writeDocumentMeta(doc: Y.Doc, meta: DocumentMeta): void {
  const map = metaMap(doc);
  for (const [key, value] of Object.entries(meta)) {
    if (value !== undefined) map.set(key, Array.isArray(value) ? value.map((v: unknown) => (typeof v === 'object' && v !== null ? { ...v } : v)) : value);
  }
}

/** Fills a fresh document doc: meta, body, and for minutes the hearing record. */
export function initDocumentDoc(doc: Y.Doc, meta: DocumentMeta, body: DocNode): void {
  doc.transact(() => {
    writeDocumentMeta(doc, meta);
    writeBody(doc, body);
    if (meta.kind === 'hearingMinutes' || meta.kind === 'mediationMinutes') initHearingRecord(doc);
  });
}

/**
 * Creates the draft: its doc first (so the case never lists a document that does not exist),
 * then the case's reference. Resolves to the new document id, or the error to show.
 */
export async function createCaseDocument(replica: Replica, store: DocumentStore, input: NewDocumentInput): Promise<Result<string, DomainError>> {
  const documentId = input.newId();
  const meta = documentMetaFor(input, documentId);
  const created = await store.create(documentId, (doc) => {
    initDocumentDoc(doc, meta, input.rendered);
    recordVersion(doc, 'created', meta.createdBy, undefined, input.now);
  });
  if (!created.ok) return created;
  await created.value.close();
  const listed = await replica.editCase(input.kase.id, (doc, ctx) =>
    upsertDocumentRef(
      doc,
      { id: documentId, kind: meta.kind, title: meta.title, templateId: meta.templateId, status: 'draft', createdAt: input.now, updatedAt: input.now },
      ctx,
    ),
  );
  return listed.ok ? ok(documentId) : err(listed.error);
}
