/**
 * The seams between the parts of a long body (shared/drafting/body-parts.ts): each part is its
 * own editing host, so the browser's caret cannot cross from one to the next by itself. These
 * keys at a part's edge move the caret into the neighbour part, so a clerk does not notice
 * where one part ends: ArrowDown on the last line and ArrowRight at the very end go to the
 * start of the next part; ArrowUp on the first line, ArrowLeft and Backspace at the very start
 * go to the end of the previous one. Pure (no DOM besides the view's own line test).
 */
import { Selection } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

/**
 * Where the caret is now, or undefined when a range is selected. Read from the DOM selection
 * when it is in this view: the browser moves the caret for Home/End/arrows itself and
 * ProseMirror learns of it from the `selectionchange` event, a task that can come after the
 * next key (Home then ArrowLeft, typed fast, saw the caret where it was before Home).
 */
function caretPosition(view: EditorView): number | undefined {
  const dom = view.dom.ownerDocument.getSelection();
  if (dom?.focusNode && view.dom.contains(dom.focusNode)) {
    if (!dom.isCollapsed) return undefined;
    try {
      return view.posAtDOM(dom.focusNode, dom.focusOffset);
    } catch {
      // A DOM position ProseMirror does not map (inside a node view's own DOM): use its state.
    }
  }
  return view.state.selection.empty ? view.state.selection.head : undefined;
}

export interface SeamMove {
  readonly to: 'previous' | 'next';
  /** Where the caret lands in the neighbour part. */
  readonly at: 'start' | 'end';
}

const SEAM_KEYS: ReadonlySet<string> = new Set(['ArrowDown', 'ArrowRight', 'ArrowUp', 'ArrowLeft', 'Backspace']);
const NEXT: SeamMove = { to: 'next', at: 'start' };
const PREVIOUS: SeamMove = { to: 'previous', at: 'end' };

/**
 * The move a key asks for at a part's edge, or undefined (the editor handles the key itself).
 * Modified keys (Shift: extending a selection; Ctrl/Alt/Meta: words, hearing keys) never cross.
 */
export function seamMove(view: EditorView, event: KeyboardEvent): SeamMove | undefined {
  if (!SEAM_KEYS.has(event.key) || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return undefined;
  // Only now read the caret: this runs on every keydown, and typing must not pay for it.
  const head = caretPosition(view);
  if (head === undefined) return undefined;
  const { doc } = view.state;
  const $head = doc.resolve(head);
  const atStart = head <= Selection.atStart(doc).from;
  const atEnd = head >= Selection.atEnd(doc).to;
  // No text position before/after the caret's textblock: it is the first/last one of the part.
  const inFirstTextblock = $head.parent.isTextblock && Selection.findFrom(doc.resolve($head.before()), -1, true) === null;
  const inLastTextblock = $head.parent.isTextblock && Selection.findFrom(doc.resolve($head.after()), 1, true) === null;
  switch (event.key) {
    case 'ArrowDown':
      return inLastTextblock && view.endOfTextblock('down') ? NEXT : undefined;
    case 'ArrowRight':
      return atEnd ? NEXT : undefined;
    case 'ArrowUp':
      return inFirstTextblock && view.endOfTextblock('up') ? PREVIOUS : undefined;
    case 'ArrowLeft':
    case 'Backspace':
      return atStart ? PREVIOUS : undefined;
    default:
      return undefined;
  }
}

/**
 * Lets the browser's caret move stand when a key put it at the very start of a part.
 *
 * ProseMirror restores its own selection when, within 200 ms of the editor gaining focus, the DOM
 * caret lands collapsed at the start of the document: it takes that for the browser resetting
 * the selection on focus (prosemirror-view's DOMObserver `flush`, `input.lastFocus`). In a part
 * the start of the document is the part's first line, where Home or ArrowUp often put the caret
 * right after focus came (a click into the part, a seam crossed): the caret jumped back, and the
 * next key acted where it had been (a Backspace or ArrowLeft meant for the seam deleted or moved
 * inside the part instead). A key is the user, not a focus artifact, so each keydown forgets the
 * focus time. `input` is ProseMirror's internal state: the field is checked before it is written.
 */
export function forgetFocusTime(view: EditorView): void {
  const input = (view as unknown as { input?: { lastFocus?: unknown } }).input;
  if (input !== undefined && typeof input.lastFocus === 'number') input.lastFocus = 0;
}
