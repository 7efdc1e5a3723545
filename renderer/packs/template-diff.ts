/**
 * What a newer template version changes for one case: both versions rendered against the case,
 * as plain text, compared line by line. Imported on demand by the diff dialog (it compiles the
 * built-in pack).
 */
import { diffLines, diffStats, foldUnchanged, type DiffRow } from '../../shared/packs/line-diff.js';
import { builtinTemplates, docToText, type Template } from '../../shared/templates/index.js';
import { renderCaseDocument, type CaseDocumentInput } from '../documents/case-templates.js';
import { installedTemplates } from './installed.js';

/** One version of a template from the built-in pack or an installed pack. */
export function findTemplateVersion(id: string, version: string): Template | undefined {
  return [...installedTemplates(), ...builtinTemplates()].find((t) => t.meta.id === id && t.meta.version === version);
}

export type TemplateDiff =
  | { readonly kind: 'diff'; readonly rows: readonly DiffRow[]; readonly added: number; readonly removed: number }
  | { readonly kind: 'oldMissing'; readonly newText: readonly string[] }
  | { readonly kind: 'missing' };

function lines(template: Template, input: CaseDocumentInput): string[] {
  return docToText(renderCaseDocument(template, input).doc)
    .split('\n')
    .map((line) => line.trimEnd());
}

export function templateDiff(id: string, oldVersion: string, newVersion: string, input: CaseDocumentInput): TemplateDiff {
  const next = findTemplateVersion(id, newVersion);
  if (!next) return { kind: 'missing' };
  const previous = findTemplateVersion(id, oldVersion);
  if (!previous) return { kind: 'oldMissing', newText: lines(next, input) };
  const diff = diffLines(lines(previous, input), lines(next, input));
  return { kind: 'diff', rows: foldUnchanged(diff), ...diffStats(diff) };
}
