/**
 * Body paragraphs and headings. A body paragraph is justified with a first-line indent and 6 pt
 * after (§2.1); numbering ("1.", "[1]") is part of the text the judge wrote, never Word list
 * numbering, so the DOCX, the editor and the publication copy always show the same numbers.
 */
import { AlignmentType, Paragraph, type ParagraphChild } from 'docx';
import type { Align, HeadingNode, ParagraphNode } from '../templates/model.js';
import { pt, SIZES, SPACING } from './layout.js';
import { inlineRuns, type RunStyle } from './runs.js';

export function alignment(align: Align): (typeof AlignmentType)[keyof typeof AlignmentType] {
  switch (align) {
    case 'left':
      return AlignmentType.LEFT;
    case 'center':
      return AlignmentType.CENTER;
    case 'right':
      return AlignmentType.RIGHT;
    case 'justify':
      return AlignmentType.JUSTIFIED;
  }
}

/** `tight`: no space after (lines inside the header, signature and table columns). */
export function bodyParagraph(node: ParagraphNode, style: RunStyle = { size: SIZES.body }, tight = false): Paragraph {
  const children: ParagraphChild[] = inlineRuns(node.content, style);
  // The common case, a justified indented body paragraph, is the "CourtBody" style: a 200-page
  // judgment then writes one style reference per paragraph instead of its whole formatting.
  if (node.attrs.align === 'justify' && node.attrs.indentFirstLine && node.attrs.spacingBefore === 0 && !tight) {
    return new Paragraph({ style: BODY_STYLE, children });
  }
  return new Paragraph({
    alignment: alignment(node.attrs.align),
    ...(node.attrs.indentFirstLine ? { indent: { firstLine: SPACING.firstLine } } : {}),
    // Body spacing (6 pt after, 1.15 lines) is the document default (build.ts): written only where it differs.
    ...(node.attrs.spacingBefore > 0 || tight ? { spacing: { before: pt(node.attrs.spacingBefore), ...(tight ? { after: 0, line: 240 } : {}) } } : {}),
    children,
  });
}

/** Level 1 is the document title, level 2 a section heading (NỘI DUNG VỤ ÁN …): both bold, kept with what follows. */
/** The paragraph style of body text (declared in build.ts). */
export const BODY_STYLE = 'CourtBody';

/** Its definition: justified, first-line indent; size and spacing come from the document defaults. */
export const BODY_STYLE_DEFINITION = {
  id: BODY_STYLE,
  name: 'Court body',
  basedOn: 'Normal',
  quickFormat: true,
  paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { firstLine: SPACING.firstLine } },
} as const;

export function heading(node: HeadingNode): Paragraph {
  const title = node.attrs.level === 1;
  return new Paragraph({
    alignment: alignment(node.attrs.align),
    keepNext: true,
    spacing: { before: pt(title ? 12 : 6), after: pt(title ? 12 : 6), line: SPACING.line },
    children: inlineRuns(node.content, { size: title ? SIZES.title : SIZES.body, bold: true }),
  });
}
