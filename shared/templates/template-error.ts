/**
 * A template source error: which template, which line, the offending snippet, and why, in
 * Vietnamese and English (anchors.md complaint #14: errors must be easy to locate).
 */
import { domainError, type DomainError } from '../domain/result.js';

export interface TemplateError {
  /** The template's id, or the file name when the id itself could not be read. */
  readonly templateId: string;
  readonly line: number;
  readonly snippet: string;
  readonly messageVi: string;
  readonly messageEn: string;
}

/** "NQ01-2017/48-DS, dòng 12: … — «snippet»" */
export function formatTemplateError(error: TemplateError): string {
  return `${error.templateId}, dòng ${error.line}: ${error.messageVi} — «${error.snippet}» (line ${error.line}: ${error.messageEn})`;
}

export function toDomainError(error: TemplateError): DomainError {
  return domainError(
    'template.source',
    `Mẫu ${error.templateId}, dòng ${error.line}: ${error.messageVi}`,
    `Template ${error.templateId}, line ${error.line}: ${error.messageEn}`,
    error.snippet,
  );
}
