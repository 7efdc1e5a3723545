/**
 * The page of an open document: one A4 sheet (`.cd-page`) holding one editor per part of the
 * body (shared/drafting/body-parts.ts), in reading order. A short document has one part and so
 * one editor, as before parts existed; a long minutes has one per BODY_PART_BLOCKS blocks, which
 * keeps a keystroke's cost (Chromium's caret-offset walk, layout, y-tiptap's diff) to one part's
 * size instead of the whole document's (docs/EDITOR.md).
 *
 * The app (DocumentEditor.tsx) and the bench (bench/browser/editor.ts) both open a document
 * through this class, so the bench measures the page the clerk types into. It
 * - creates the parts' editors (create-editor.ts) and adds one when a part appears (a colleague's
 *   hearing mode, or this clerk's: `insertBlocks`), by observing the `bodyParts` map;
 * - moves the caret across the seams (part-seams.ts) after the caller's own key handler;
 * - knows the active part (the one focused last; the last part before any focus, where a clerk
 *   appends), which the toolbar and hearing mode act on.
 */
import type { Editor } from '@tiptap/core';
import { Selection, TextSelection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { defaultDeleteFilter, defaultProtectedNodes, prosemirrorJSONToYXmlFragment, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { addBodyPart, addBodyTail, BODY_PART_BLOCKS, BODY_TAIL_FIELD, bodyPartFields, hasBodyTail } from '../../shared/drafting/body-parts.js';
import { DOCUMENT_ROOT } from '../../shared/drafting/document-doc.js';
import type { EditorJson } from '../../shared/drafting/editor-json.js';
import type { DocRoom } from '../sync/doc-room.js';
import { endOfTextblockWith, insertBlocksAfterCursor } from './commands.js';
import { attachCarets, createDocumentEditor } from './create-editor.js';
import { EDITOR_PAGE_ATTRIBUTES } from './page-attributes.js';
import { forgetFocusTime, seamMove } from './part-seams.js';
import { editorSchema } from './schema/index.js';

/**
 * The most blocks after the cursor that a new part takes along when hearing mode starts it (the
 * form's closing sections and signatures are ~10). More than that means the clerk is writing in
 * the middle of the minutes, not at its end: the turn goes into the part as usual.
 */
const MAX_MOVED_TAIL = 30;

/**
 * The origin of hearing mode's split (a new part, the closing sections moved into the tail): the
 * page's undo manager tracks it, so Ctrl+Z takes back the turn that started a part like any turn.
 */
const SPLIT_ORIGIN = Symbol('courtdesk.parts.split');

/**
 * Moves the caret from one part's view into another, at once. Straight through ProseMirror, not
 * TipTap's focus command (that one focuses in the next animation frame, and a key typed before
 * it went to the part being left, seen in the e2e test); and the part being left lets go of the
 * focus and the DOM selection first, so that no key typed right after is read by its view.
 */
function moveCaret(from: EditorView, to: EditorView, selection: Selection): void {
  to.dispatch(to.state.tr.setSelection(selection).scrollIntoView());
  if (from !== to) {
    from.dom.blur();
    from.dom.ownerDocument.getSelection()?.removeAllRanges();
  }
  to.focus();
}

export interface DocumentPartsOptions {
  /** Where the page goes (the page is appended to it). */
  readonly element: HTMLElement;
  readonly doc: Y.Doc;
  readonly editable?: boolean;
  /** Runs before the seams and ProseMirror's own keys (hearing mode); true when it handled the key. */
  readonly handleKeyDown?: (view: EditorView, event: KeyboardEvent) => boolean;
  /** More attributes on every part's editing host (the bench marks its targets). */
  readonly partAttributes?: Readonly<Record<string, string>>;
  /** The active part changed (focus moved to another part), or a part was added. */
  readonly onChange?: () => void;
}

interface Part {
  readonly field: string;
  readonly host: HTMLElement;
  readonly editor: Editor;
  readonly detach: () => void;
}

export class DocumentParts {
  /** The A4 sheet holding the parts. */
  readonly page: HTMLElement;
  private readonly doc: Y.Doc;
  private readonly options: DocumentPartsOptions;
  private readonly parts: Part[] = [];
  private activeField: string | undefined;
  private editable: boolean;
  private room: DocRoom | undefined;
  private caretDetach = new Map<string, () => void>();
  private readonly onPartsMap = () => this.addNewParts();
  /**
   * One undo history for the whole page, over every part's fragment (each part added to its
   * scope as it appears), so Ctrl+Z in any part takes back the last edit wherever it was made,
   * as in a one-part page. What y-tiptap's own manager does is kept: only this user's edits
   * (the editors' sync origin, and hearing mode's split), never a transaction marked
   * `addToHistory: false` (the field refresh), and a deletion of a protected node is not undone
   * into a half node. The parts' map stays out of scope: a part is never removed, an undone
   * split leaves its parts empty.
   */
  private readonly undoManager: Y.UndoManager;

  constructor(options: DocumentPartsOptions) {
    this.options = options;
    this.doc = options.doc;
    this.undoManager = new Y.UndoManager([], {
      doc: options.doc,
      trackedOrigins: new Set<unknown>([ySyncPluginKey, SPLIT_ORIGIN]),
      deleteFilter: (item) => defaultDeleteFilter(item, defaultProtectedNodes),
      captureTransaction: (tr) => tr.meta.get('addToHistory') !== false,
    });
    this.undoManager.on('stack-item-popped', ({ changedParentTypes }) => this.followUndo(changedParentTypes));
    this.editable = options.editable ?? true;
    this.page = document.createElement('div');
    for (const [name, value] of Object.entries(EDITOR_PAGE_ATTRIBUTES)) this.page.setAttribute(name, value);
    this.markEditable();
    options.element.append(this.page);
    this.addNewParts();
    this.doc.getMap(DOCUMENT_ROOT.bodyParts).observe(this.onPartsMap);
  }

  /** Every part's editor, in reading order. */
  get editors(): readonly Editor[] {
    return this.parts.map((part) => part.editor);
  }

  /** The part the toolbar and hearing mode act on: focused last, else the last numbered part (where a clerk appends; the tail holds the closing sections). */
  get active(): Editor {
    const part = this.parts.find((p) => p.field === this.activeField) ?? this.lastNumbered;
    return part.editor;
  }

  /** The last part before the tail (the last part when there is no tail). */
  private get lastNumbered(): Part {
    const numbered = this.parts.filter((p) => p.field !== BODY_TAIL_FIELD);
    return numbered[numbered.length - 1] ?? this.parts[this.parts.length - 1]!;
  }

  setEditable(editable: boolean): void {
    if (editable === this.editable) return;
    this.editable = editable;
    this.markEditable();
    for (const part of this.parts) part.editor.setEditable(editable);
  }

  /** Shows the room's carets in every part (each part's caret plugin shows those in its own fragment). */
  attachCarets(room: DocRoom | undefined): void {
    for (const detach of this.caretDetach.values()) detach();
    this.caretDetach.clear();
    this.room = room;
    if (room) for (const part of this.parts) this.caretDetach.set(part.field, attachCarets(part.editor, room));
  }

  /**
   * Inserts blocks after the cursor of the active part (a speaker turn, a time stamp), the
   * cursor going after them. When the active part is the last numbered one, already holds
   * BODY_PART_BLOCKS blocks, and the cursor is in one of its top-level paragraphs, the blocks
   * start a new numbered part instead, so a long hearing's minutes grow in parts while the
   * reading order stays the form's:
   * - the first time, the form's closing sections after the cursor ("Phiên tòa kết thúc…", the
   *   signatures; at most MAX_MOVED_TAIL blocks) move into the body's tail part, which is read
   *   after every numbered part (body-parts.ts);
   * - from then on the cursor's part ends where the clerk writes, nothing follows it, and a new
   *   part moves nothing. (Blocks that do follow the cursor in a full last part, when the clerk
   *   writes a little above its end, go into the new part after the new blocks.)
   * A move is a delete and a re-insert in one Yjs transaction: an edit another device makes inside
   * the moved blocks at the same moment, before it has seen the move, is lost (docs/EDITOR.md,
   * "Long documents in parts"). With the tail that is once per minutes, not once per 100 blocks;
   * the turns themselves are never moved.
   */
  insertBlocks(blocks: readonly EditorJson[]): boolean {
    const editor = this.active;
    if (!editor.isEditable || blocks.length === 0) return false;
    // Each turn or time stamp its own undo step (with what is typed right after it), however
    // quickly the clerk goes on: Ctrl+Z takes back one turn, not the last minute of them.
    this.undoManager.stopCapturing();
    const last = this.lastNumbered;
    const { doc, selection } = editor.state;
    const $head = selection.$head;
    const following = doc.childCount - 1 - $head.index(0);
    const splits = editor === last.editor && doc.childCount >= BODY_PART_BLOCKS && $head.depth === 1 && $head.parent.isTextblock && following <= MAX_MOVED_TAIL;
    if (!splits) return insertBlocksAfterCursor(editor, blocks);
    let field = '';
    this.doc.transact(() => {
      const from = this.doc.getXmlFragment(last.field);
      const moved = from
        .slice(from.length - following)
        .flatMap((node) => (node instanceof Y.XmlElement || node instanceof Y.XmlText ? [node.clone()] : []));
      const intoTail = moved.length > 0 && !hasBodyTail(this.doc);
      field = addBodyPart(this.doc);
      const to = this.doc.getXmlFragment(field);
      prosemirrorJSONToYXmlFragment(editorSchema(), { type: 'doc', content: blocks }, to);
      if (intoTail) {
        const tail = this.doc.getXmlFragment(addBodyTail(this.doc));
        tail.insert(0, moved);
      } else {
        to.insert(to.length, moved);
      }
      if (following > 0) from.delete(from.length - following, following);
    }, SPLIT_ORIGIN);
    // The map's observer (run as the transaction ended) has added the part's editor, and its
    // Yjs binding rendered the fragment as it was created: the caret goes after the new blocks.
    const part = this.parts.find((p) => p.field === field);
    if (!part) return false;
    this.activeField = field;
    const end = blocks.reduce((size, block) => size + part.editor.schema.nodeFromJSON(block).nodeSize, 0) - 1;
    moveCaret(editor.view, part.editor.view, TextSelection.create(part.editor.state.doc, end));
    this.options.onChange?.();
    return true;
  }

  /** Inserts blocks after the first paragraph of any part containing `anchor`, else like insertBlocks. */
  insertAfterText(anchor: string, blocks: readonly EditorJson[]): boolean {
    for (const part of this.parts) {
      const target = endOfTextblockWith(part.editor.state.doc, anchor);
      if (target === undefined) continue;
      this.undoManager.stopCapturing();
      part.editor.commands.setTextSelection(target);
      this.activeField = part.field;
      return insertBlocksAfterCursor(part.editor, blocks);
    }
    return this.insertBlocks(blocks);
  }

  destroy(): void {
    this.doc.getMap(DOCUMENT_ROOT.bodyParts).unobserve(this.onPartsMap);
    for (const detach of this.caretDetach.values()) detach();
    for (const part of this.parts) {
      part.detach();
      part.editor.destroy();
    }
    this.parts.length = 0;
    this.undoManager.destroy();
    this.page.remove();
  }

  /**
   * After an undo or redo made from a part the change was not in, the caret goes to the part it
   * changed (at that part's own caret), as on a one-part page, where the caret goes to the change:
   * the clerk sees what came back and types on there.
   */
  private followUndo(changed: ReadonlyMap<unknown, unknown>): void {
    const focused = this.parts.find((p) => p.editor.view.hasFocus());
    if (!focused) return;
    const touched = this.parts.filter((p) => changed.has(this.doc.getXmlFragment(p.field)));
    const target = touched[touched.length - 1];
    if (!target || touched.includes(focused)) return;
    moveCaret(focused.editor.view, target.editor.view, target.editor.state.selection);
    this.activeField = target.field;
    this.options.onChange?.();
  }

  /** Read-only pages say so on the sheet too (the parts carry contenteditable themselves). */
  private markEditable(): void {
    if (this.editable) this.page.removeAttribute('contenteditable');
    else this.page.setAttribute('contenteditable', 'false');
  }

  /** Creates the editors of the parts that have none yet, each in its place in reading order. */
  private addNewParts(): void {
    const fields = bodyPartFields(this.doc);
    let added = false;
    fields.forEach((field, index) => {
      if (this.parts.some((p) => p.field === field)) return;
      const host = document.createElement('div');
      host.className = 'cd-part-host';
      const next = this.parts.find((p) => fields.indexOf(p.field) > index);
      this.page.insertBefore(host, next?.host ?? null);
      this.undoManager.addToScope(this.doc.getXmlFragment(field));
      const editor = createDocumentEditor({
        element: host,
        doc: this.doc,
        field,
        undoManager: this.undoManager,
        editable: this.editable,
        handleKeyDown: (view, event) => {
          forgetFocusTime(view);
          return this.options.handleKeyDown?.(view, event) === true || this.crossSeam(field, view, event);
        },
        // The tail keeps its name: a numbered part added later is read (and numbered) before it.
        attributes: { 'data-part': field === BODY_TAIL_FIELD ? 'tail' : String(index), ...this.options.partAttributes },
      });
      const onFocus = () => {
        if (this.activeField === field) return;
        this.activeField = field;
        this.options.onChange?.();
      };
      editor.on('focus', onFocus);
      const part: Part = { field, host, editor, detach: () => editor.off('focus', onFocus) };
      this.parts.splice(next ? this.parts.indexOf(next) : this.parts.length, 0, part);
      if (this.room) this.caretDetach.set(field, attachCarets(editor, this.room));
      added = true;
    });
    if (added) this.options.onChange?.();
  }

  private crossSeam(field: string, view: EditorView, event: KeyboardEvent): boolean {
    const move = seamMove(view, event);
    if (!move) return false;
    const index = this.parts.findIndex((p) => p.field === field);
    const neighbour = this.parts[move.to === 'next' ? index + 1 : index - 1];
    if (!neighbour) return false;
    const { doc } = neighbour.editor.state;
    moveCaret(view, neighbour.editor.view, move.at === 'start' ? Selection.atStart(doc) : Selection.atEnd(doc));
    return true;
  }
}
