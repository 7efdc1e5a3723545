/**
 * Who must sign this document: the panel the document recorded at creation (meta.panel), or,
 * for a document created before that, the case's panel the screen passes in.
 */
import type * as Y from 'yjs';
import type { Result } from '../../shared/domain/result.js';
import type { DocumentKind } from '../../shared/domain/vocabulary.js';
import { metaMap, type DocumentPanelMember } from '../../shared/drafting/document-doc.js';
import { panelOf } from '../../shared/drafting/finalisation.js';
import { requiredSigners, type RequiredSigner } from '../../shared/drafting/signers.js';

export interface PanelLike {
  readonly staffId?: string | undefined;
  readonly role: string;
  readonly name: string;
}

export function signersOfDoc(doc: Y.Doc, fallbackPanel: readonly PanelLike[] = []): Result<RequiredSigner[]> {
  const recorded = panelOf(doc);
  const panel: DocumentPanelMember[] =
    recorded ??
    fallbackPanel.filter((m): m is PanelLike & { staffId: string } => typeof m.staffId === 'string').map((m) => ({ staffId: m.staffId, role: m.role, name: m.name }));
  const kind = metaMap(doc).get('kind');
  return requiredSigners((typeof kind === 'string' ? kind : 'other') as DocumentKind, panel);
}
