/**
 * One export: build and check the DOCX (lazily loaded), then hand it to the bridge (a download in
 * web mode, the save dialog on the desktop). A package that fails `validateDocx` is never saved;
 * the outcome carries the Vietnamese message the clerk reads.
 */
import type { DocNode } from '../../shared/templates/model.js';
import type { DocxMeta } from '../../shared/docx/index.js';
import { bridge } from '../bridge/index.js';
import { loadDocxExport } from './loaders.js';

export type ExportOutcome =
  | { readonly kind: 'saved'; readonly name: string; readonly path?: string }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly messageVi: string; readonly messageEn: string };

export const WORD_FILTERS = [{ name: 'Word', extensions: ['docx'] }] as const;

export async function exportDocument(doc: DocNode, meta: DocxMeta, fileName: string): Promise<ExportOutcome> {
  const { checkedDocx } = await loadDocxExport();
  const built = await checkedDocx(doc, meta);
  if (!built.ok) return { kind: 'failed', messageVi: built.error.messageVi, messageEn: built.error.messageEn };
  const saved = await bridge.saveFile(fileName, built.value, WORD_FILTERS);
  if (saved.saved) return { kind: 'saved', name: fileName, ...(saved.path ? { path: saved.path } : {}) };
  if (saved.messageVi) return { kind: 'failed', messageVi: saved.messageVi, messageEn: saved.messageEn ?? saved.messageVi };
  return { kind: 'cancelled' };
}
