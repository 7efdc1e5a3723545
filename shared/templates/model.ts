/**
 * The shapes of templates and of the documents rendered from them.
 *
 * Two trees live here:
 * - the **document** (`DocNode`): ProseMirror-style JSON (`{ type: 'doc', content: [...] }`) that
 *   the editor binds to TipTap and the DOCX export reads. Its inline `field` nodes carry the path
 *   into case data they came from, so a draft can re-resolve them (see refresh.ts) until it is
 *   finalised and they freeze.
 * - the **template body** (`TemplateBlock`): the same blocks plus `repeat` and `conditional`
 *   blocks and unresolved `fieldRef` inlines. The source format (source-format.ts) compiles to it;
 *   rendering (render.ts) turns it into a document.
 *
 * Template identity is the legal id (`NQ01-2017/48-DS`), never the display title (anchors.md
 * complaint #15).
 */
import type { CaseType, DocumentKind, HearingKind, ProcedureLevel } from '../domain/vocabulary.js';

export type Align = 'left' | 'center' | 'right' | 'justify';

export type MarkType = 'bold' | 'italic' | 'underline';
export interface Mark {
  readonly type: MarkType;
}

// ---------------------------------------------------------------------------------------------
// Document (rendered) nodes
// ---------------------------------------------------------------------------------------------

export interface TextNode {
  readonly type: 'text';
  readonly text: string;
  readonly marks?: readonly Mark[];
}

export type FieldStatus = 'filled' | 'missing';

export interface FieldAttrs {
  /** Absolute path into the render context, e.g. `parties.byRole.plaintiff.0.fullName`. */
  readonly path: string;
  /** What the clerk reads when the value is missing ("Năm sinh của bị cáo"). */
  readonly label: string;
  /** The resolved text; empty when missing. */
  readonly value: string;
  readonly status: FieldStatus;
  /** Frozen fields keep their value: set when the document is finalised. */
  readonly frozen: boolean;
}

export interface FieldNode {
  readonly type: 'field';
  readonly attrs: FieldAttrs;
  readonly marks?: readonly Mark[];
}

export interface HardBreakNode {
  readonly type: 'hardBreak';
}

export type InlineNode = TextNode | FieldNode | HardBreakNode;

export interface ParagraphAttrs {
  readonly align: Align;
  /** First-line indent of body paragraphs (1–1.27 cm in DOCX). */
  readonly indentFirstLine: boolean;
  /** Extra space before the paragraph, in points (0 = the default). */
  readonly spacingBefore: number;
}

export interface ParagraphNode {
  readonly type: 'paragraph';
  readonly attrs: ParagraphAttrs;
  readonly content?: readonly InlineNode[];
}

export interface HeadingAttrs {
  /** 1 = document title ("BIÊN BẢN PHIÊN TÒA SƠ THẨM"); 2 = section heading. */
  readonly level: 1 | 2;
  readonly align: Align;
}

export interface HeadingNode {
  readonly type: 'heading';
  readonly attrs: HeadingAttrs;
  readonly content?: readonly InlineNode[];
}

/** One column of the two-column header or of a signature block. */
export interface ColumnNode {
  readonly type: 'column';
  readonly content: readonly DocBlock[];
}

/**
 * The borderless two-column header: court name (and, for judgments and decisions, the number and
 * date) on the left, national motto on the right. DOCX renders it as a table without borders.
 */
export interface CourtHeaderNode {
  readonly type: 'courtHeader';
  readonly content: readonly [ColumnNode, ColumnNode];
}

/** Footer: "Nơi nhận" list on the left, signing authority, title and name on the right. */
export interface SignatureBlockNode {
  readonly type: 'signatureBlock';
  readonly content: readonly [ColumnNode, ColumnNode];
}

export interface TableCellNode {
  readonly type: 'tableCell';
  readonly content: readonly DocBlock[];
}

export interface TableRowNode {
  readonly type: 'tableRow';
  readonly content: readonly TableCellNode[];
}

export interface TableNode {
  readonly type: 'table';
  readonly content: readonly TableRowNode[];
}

export type DocBlock = ParagraphNode | HeadingNode | CourtHeaderNode | SignatureBlockNode | TableNode;

export interface DocNode {
  readonly type: 'doc';
  /** Which template and version the document came from (DESIGN §5: a draft records it). */
  readonly attrs: { readonly templateId: string; readonly templateVersion: string };
  readonly content: readonly DocBlock[];
}

// ---------------------------------------------------------------------------------------------
// Template body (before rendering)
// ---------------------------------------------------------------------------------------------

/** Where a node came from in the template source, for error messages. */
export interface SourceLocation {
  readonly line: number;
}

export interface FieldRefNode {
  readonly type: 'fieldRef';
  /** Path as written: either absolute (`case.acceptanceNumber`) or through a repeat variable (`p.fullName`). */
  readonly path: string;
  readonly marks?: readonly Mark[];
  readonly loc: SourceLocation;
}

export type TemplateInline = TextNode | FieldRefNode | HardBreakNode;

export interface TParagraph {
  readonly type: 'paragraph';
  readonly attrs: ParagraphAttrs;
  readonly content: readonly TemplateInline[];
  readonly loc: SourceLocation;
}

export interface THeading {
  readonly type: 'heading';
  readonly attrs: HeadingAttrs;
  readonly content: readonly TemplateInline[];
  readonly loc: SourceLocation;
}

export interface TColumns {
  readonly type: 'courtHeader' | 'signatureBlock';
  readonly left: readonly TemplateBlock[];
  readonly right: readonly TemplateBlock[];
  readonly loc: SourceLocation;
}

export interface TTable {
  readonly type: 'table';
  /** Rows, or repeat/conditional blocks that produce rows. */
  readonly content: readonly TemplateBlock[];
  readonly loc: SourceLocation;
}

export interface TTableRow {
  readonly type: 'tableRow';
  readonly content: readonly TemplateBlock[];
  readonly loc: SourceLocation;
}

export interface TTableCell {
  readonly type: 'tableCell';
  readonly content: readonly TemplateBlock[];
  readonly loc: SourceLocation;
}

/** Repeats its body once per item of the list at `path`, binding the item to `variable`. */
export interface TRepeat {
  readonly type: 'repeat';
  readonly path: string;
  readonly variable: string;
  readonly body: readonly TemplateBlock[];
  /** Rendered when the list is empty (`::empty`). */
  readonly empty: readonly TemplateBlock[];
  readonly loc: SourceLocation;
}

export interface TBranch {
  readonly condition: Condition;
  readonly body: readonly TemplateBlock[];
}

/** `::if` / `::elif` / `::else`: the first branch whose condition holds is rendered. */
export interface TConditional {
  readonly type: 'conditional';
  readonly branches: readonly TBranch[];
  readonly otherwise: readonly TemplateBlock[];
  readonly loc: SourceLocation;
}

export type TemplateBlock =
  | TParagraph
  | THeading
  | TColumns
  | TTable
  | TTableRow
  | TTableCell
  | TRepeat
  | TConditional;

// ---------------------------------------------------------------------------------------------
// Conditions
// ---------------------------------------------------------------------------------------------

export type Literal = string | number | boolean;
export type CompareOp = '==' | '!=' | '>' | '>=' | '<' | '<=';

export type Condition =
  | { readonly kind: 'truthy'; readonly path: string }
  | { readonly kind: 'compare'; readonly path: string; readonly op: CompareOp; readonly value: Literal }
  | { readonly kind: 'not'; readonly operand: Condition }
  | { readonly kind: 'and' | 'or'; readonly operands: readonly Condition[] };

// ---------------------------------------------------------------------------------------------
// Templates
// ---------------------------------------------------------------------------------------------

export type TemplateDocumentKind = Extract<
  DocumentKind,
  'hearingMinutes' | 'deliberationMinutes' | 'mediationMinutes' | 'judgment' | 'decision'
>;

export interface TemplateMeta {
  /** The legal id, stable across versions: `NQ01-2017/48-DS`. */
  readonly id: string;
  /** Semver of this template text. */
  readonly version: string;
  /** `YYYY-MM-DD`: the first day this version may be used. */
  readonly effectiveDate: string;
  readonly title: string;
  readonly kind: TemplateDocumentKind;
  readonly caseTypes: readonly CaseType[];
  readonly levels: readonly ProcedureLevel[];
  /** Which hearings the document is about (the context picks the latest of these kinds). */
  readonly hearingKinds: readonly HearingKind[];
  /** Extra applicability test on the context (e.g. `hearing.online` for the online variant). */
  readonly requires?: Condition;
  /** The source text of `requires`, kept for listing. */
  readonly requiresText?: string;
  /** Court IT's notes: sources, unconfirmed form numbers, deviations. */
  readonly notes: readonly string[];
}

export interface Template {
  readonly meta: TemplateMeta;
  readonly body: readonly TemplateBlock[];
}
