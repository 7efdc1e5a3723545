/**
 * Which text the publication copy of a case's judgment is made from (issue #6): a judgment drafted
 * in the editor when the case has one (its document Y.Doc), and when that judgment is finalised,
 * its *signed* content (shared/anonymise/signed-source.ts), never the template rendered afresh.
 * Several drafted judgments: the finalised ones first (newest signing first), then drafts (newest
 * first). Loaded on demand (loaders.ts): reading a body goes through the editor's schema
 * (renderer/editor/body.ts), which is the editor's chunk.
 */
import { signedContentDoc, signedSourceOf, type SignedSource } from '../../shared/anonymise/signed-source.js';
import type { DomainError } from '../../shared/domain/result.js';
import type { Case } from '../../shared/domain/schemas.js';
import { metaMap, type DocumentMeta } from '../../shared/drafting/document-doc.js';
import type { DocNode } from '../../shared/templates/model.js';
import { readBody } from '../editor/body.js';
import { documentStore } from '../editor/document-store-instance.js';
import { compareSources } from './source-order.js';

export interface DocumentSource {
  readonly kind: 'document';
  readonly documentId: string;
  readonly title: string;
  readonly templateId: string;
  /** The official number the document carries, if any. */
  readonly number?: string;
  readonly status: 'finalised' | 'draft';
  readonly finalisedAt?: string;
  readonly updatedAt: string;
  /** The content the copy is made from: the signed content of a finalised document, else the current body. */
  readonly doc: DocNode;
  readonly signed?: SignedSource;
}

export interface SourcesFound {
  readonly sources: readonly DocumentSource[];
  /** Judgments on this device that could not be read (a message each), so nothing is skipped silently. */
  readonly failures: readonly DomainError[];
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);

async function readSource(documentId: string, updatedAt: string): Promise<DocumentSource | DomainError | undefined> {
  const store = await documentStore();
  if (!(await store.has(documentId))) return undefined;
  const opened = await store.open(documentId);
  if (!opened.ok) return opened.error;
  const doc = opened.value.doc;
  try {
    const meta = metaMap(doc).toJSON() as Partial<DocumentMeta>;
    if (meta.kind !== 'judgment') return undefined;
    const attrs = { templateId: meta.templateId ?? '', templateVersion: meta.templateVersion ?? '' };
    const signed = signedSourceOf(doc);
    let body: DocNode;
    if (signed) {
      const content = await signedContentDoc(doc, signed);
      if (!content.ok) return content.error;
      body = readBody(content.value, attrs);
      if (content.value !== doc) content.value.destroy();
    } else body = readBody(doc, attrs);
    const number = text(meta.number);
    const finalisedAt = text(meta.finalisedAt);
    return {
      kind: 'document',
      documentId,
      title: meta.title ?? '',
      templateId: attrs.templateId,
      status: signed ? 'finalised' : 'draft',
      updatedAt,
      doc: body,
      ...(number ? { number } : {}),
      ...(finalisedAt ? { finalisedAt } : {}),
      ...(signed ? { signed } : {}),
    };
  } finally {
    await opened.value.close();
  }
}

/** The case's drafted judgments on this device, finalised first. */
export async function judgmentSources(kase: Pick<Case, 'documents'>): Promise<SourcesFound> {
  const sources: DocumentSource[] = [];
  const failures: DomainError[] = [];
  for (const ref of kase.documents.filter((d) => d.kind === 'judgment')) {
    const found = await readSource(ref.id, ref.updatedAt);
    if (found === undefined) continue;
    if ('code' in found) failures.push(found);
    else sources.push(found);
  }
  sources.sort(compareSources);
  return { sources, failures };
}
