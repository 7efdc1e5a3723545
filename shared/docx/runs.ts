/**
 * Inline document nodes → `docx` runs. Marks become run properties; a filled field prints its
 * value; a missing field prints "[thiếu: …]" highlighted, so a draft exported by mistake can never
 * pass an empty answer for a filled one. Text is stripped of characters XML 1.0 cannot hold (a
 * pasted control character would otherwise make Word refuse the whole file).
 */
import { HighlightColor, TextRun } from 'docx';
import type { InlineNode, Mark } from '../templates/model.js';
import { missingMarker } from '../templates/text.js';
import { size, SIZES } from './layout.js';

// eslint-disable-next-line no-control-regex -- matching the control characters XML 1.0 forbids is the point
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with every character XML 1.0 cannot carry removed. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '');
}

/** Run style that a block imposes on all its runs (size, and bold/italic for titles and labels). */
export interface RunStyle {
  readonly size: number;
  readonly bold?: boolean;
  readonly italic?: boolean;
}

const has = (marks: readonly Mark[] | undefined, type: Mark['type']): boolean => marks?.some((m) => m.type === type) ?? false;

function run(text: string, marks: readonly Mark[] | undefined, style: RunStyle, missing = false): TextRun {
  return new TextRun({
    text: xmlSafe(text),
    // The body size is the document default (build.ts): written only where a block differs.
    ...(style.size === SIZES.body ? {} : { size: size(style.size) }),
    // Only true values are written: `w:b w:val="false"` on every run would double the XML.
    ...(style.bold === true || has(marks, 'bold') ? { bold: true } : {}),
    ...(style.italic === true || has(marks, 'italic') ? { italics: true } : {}),
    ...(has(marks, 'underline') ? { underline: {} } : {}),
    ...(missing ? { highlight: HighlightColor.YELLOW } : {}),
  });
}

export function inlineRuns(nodes: readonly InlineNode[] | undefined, style: RunStyle): TextRun[] {
  const out: TextRun[] = [];
  for (const node of nodes ?? []) {
    if (node.type === 'text') out.push(run(node.text, node.marks, style));
    else if (node.type === 'hardBreak') out.push(new TextRun({ break: 1 }));
    else if (node.attrs.status === 'filled') out.push(run(node.attrs.value, node.marks, style));
    else out.push(run(missingMarker(node.attrs.label), node.marks, style, true));
  }
  return out;
}
