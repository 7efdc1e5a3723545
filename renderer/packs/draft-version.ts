/**
 * Which template version a draft came from, and whether a newer one is installed. The case doc's
 * document list names the template id (`CaseDocumentRef.templateId`); the version is recorded in
 * the document's own Y.Doc (`meta.templateVersion`, shared/drafting/document-doc.ts), read here
 * from the local replica without opening the document.
 */
import * as Y from 'yjs';
import { documentDocId, metaMap } from '../../shared/drafting/document-doc.js';
import { compareVersions } from '../../shared/packs/version.js';
import { applyStoredDoc, readStoredDoc } from '../replica/doc-store.js';
import type { CourtdeskDb } from '../replica/schema.js';
import { installedTemplates } from './installed.js';
import type { Template } from '../../shared/templates/model.js';

/** The draft's recorded template version, or undefined when its doc is not on this computer. */
export async function draftTemplateVersion(db: CourtdeskDb, documentId: string): Promise<string | undefined> {
  const docId = documentDocId(documentId);
  const stored = await readStoredDoc(db, docId);
  if (!stored) return undefined;
  const doc = new Y.Doc({ gc: false });
  try {
    if (!applyStoredDoc(doc, docId, stored).ok) return undefined;
    const version = metaMap(doc).get('templateVersion');
    return typeof version === 'string' ? version : undefined;
  } finally {
    doc.destroy();
  }
}

/** The newest installed version of a template when it is newer than `version`, else undefined. */
export function newerInstalledVersion(templateId: string, version: string, installed: readonly Template[] = installedTemplates()): string | undefined {
  let newest: string | undefined;
  for (const template of installed) {
    if (template.meta.id !== templateId) continue;
    if (newest === undefined || compareVersions(template.meta.version, newest) > 0) newest = template.meta.version;
  }
  return newest !== undefined && compareVersions(newest, version) > 0 ? newest : undefined;
}
