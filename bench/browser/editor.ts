/**
 * The editor scenarios of the bench page (DESIGN §6): keystroke to paint in a 100-page minutes
 * document, and opening a 50-page judgment with its full history, both with the real editor
 * (renderer/editor: schema, Collaboration on the doc's `body`, the page's own attributes) on the
 * real document store in Chromium IndexedDB. Baselines in the same page, each typed into alone in
 * it (the app's page holds one document; four copies of 100 pages would tax every frame of all
 * of them): a plain contenteditable
 * holding the same paragraphs with the same class and attributes (keystrokes), a one-paragraph
 * contenteditable (the floor: what any keystroke costs this machine), and a TipTap/ProseMirror
 * editor made from the same JSON without Yjs or IndexedDB (opening). The Node driver types the
 * keys (real input events through CDP); no CDP round trip is inside a sample: both clocks start
 * at the keydown event's own timestamp, taken by the browser when the input arrived.
 *
 * Two clocks per keystroke, both on all three targets:
 * - frame clock (the headline): keydown.timeStamp → the task after the first animation frame
 *   whose rAF callbacks ran after the content changed (editor: the transaction reached the view;
 *   contenteditable: its `input` event). Handlers, style, layout and paint of that frame are in.
 * - Event Timing (how Chromium defines INP): `PerformanceObserver` type `event`, threshold 16 ms,
 *   grouped by `interactionId` (max duration of keydown/keypress/keyup); it ends at the frame's
 *   presentation, so it also holds raster and the compositor. Chromium reports only interactions
 *   ≥ 16 ms (rounded to 8 ms), so the driver counts the unreported ones as under the budget.
 */
import { Editor, type JSONContent } from '@tiptap/core';
import * as Y from 'yjs';
import { addBodyPart, BODY_PART_BLOCKS, bodyBlocks, bodyPartField, bodyPartFragments, bodyPartIndexes } from '../../shared/drafting/body-parts.js';
import { bodyFragment } from '../../shared/drafting/document-doc.js';
import type { DocBlock, DocNode, ParagraphNode } from '../../shared/templates/model.js';
import { createRng } from '../../shared/demo/prng.js';
import { toEditorJson } from '../../shared/drafting/editor-json.js';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { readBodyJson, writeBody } from '../../renderer/editor/body.js';
import { DocumentParts } from '../../renderer/editor/document-parts.js';
import { editorSchema, schemaExtensions } from '../../renderer/editor/schema/index.js';
import { openDocumentStore, type DocumentStore, type OpenDocument } from '../../renderer/replica/document-store.js';
import { EDITOR_PAGE_ATTRIBUTES, EDITOR_PART_ATTRIBUTES } from '../../renderer/editor/page-attributes.js';
import { createDocumentEditor, EDITOR_MOUNT_OPTIONS } from '../../renderer/editor/create-editor.js';
import '../../renderer/editor/editor.css';
import type { EditorKeystrokeResult, EditorOpenResult, EditorTypingTarget } from './api.js';

/** A printed A4 page at 14 pt holds about 2,600 characters (50 pages ≈ 130k, DESIGN §6). */
const CHARS_PER_PAGE = 2600;
const DB_NAME = 'courtdesk-bench-editor';

const WORDS =
  'bị cáo trả lời tôi không nhớ rõ thời gian cụ thể nhưng khoảng tháng ba năm hai nghìn hai mươi lăm tôi có vay của ông số tiền một trăm triệu đồng có viết giấy biên nhận và hẹn sáu tháng sau trả đủ cả gốc lẫn lãi theo thỏa thuận'.split(' ');
const SPEAKERS = ['Chủ tọa hỏi:', 'Bị cáo Nguyễn Văn An trả lời:', 'Kiểm sát viên hỏi:', 'Người bào chữa Trần Thị Mơ hỏi:', 'Bị hại Lê Văn Sơn trình bày:'];

function sentence(rng: ReturnType<typeof createRng>, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(rng.pick(WORDS));
  const text = out.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function paragraph(text: string, lead?: string): ParagraphNode {
  return {
    type: 'paragraph',
    attrs: { align: 'justify', indentFirstLine: true, spacingBefore: 0 },
    content: lead ? [{ type: 'text', text: lead, marks: [{ type: 'bold' }] }, { type: 'text', text: ` ${text}` }] : [{ type: 'text', text }],
  };
}

/** A long document of speaker turns (minutes) or numbered reasoning (judgment), `pages` long. */
export function longDocument(kind: 'minutes' | 'judgment', pages: number, seed: number): DocNode {
  const rng = createRng(seed);
  const blocks: DocBlock[] = [{ type: 'heading', attrs: { level: 1, align: 'center' }, content: [{ type: 'text', text: kind === 'minutes' ? 'BIÊN BẢN PHIÊN TÒA SƠ THẨM' : 'BẢN ÁN' }] }];
  let chars = 0;
  let n = 0;
  while (chars < pages * CHARS_PER_PAGE) {
    n += 1;
    const block =
      kind === 'minutes'
        ? paragraph(sentence(rng, 18 + Math.floor(rng.next() * 30)), SPEAKERS[n % SPEAKERS.length])
        : paragraph(`[${n}] ${sentence(rng, 40 + Math.floor(rng.next() * 60))}`);
    chars += (block.content ?? []).reduce((sum, inline) => sum + (inline.type === 'text' ? inline.text.length : 0), 0);
    blocks.push(block);
  }
  return { type: 'doc', attrs: { templateId: 'BENCH', templateVersion: '1.0.0' }, content: blocks };
}

function characters(doc: DocNode): number {
  let chars = 0;
  for (const block of doc.content) if (block.type === 'paragraph' || block.type === 'heading') for (const inline of block.content ?? []) if (inline.type === 'text') chars += inline.text.length;
  return chars;
}

/** The task posted from a rAF callback runs after that frame's style, layout and paint. */
function taskAfterFrame(resolve: (at: number) => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => resolve(performance.now());
  channel.port2.postMessage(null);
}

/** Resolves after the next frame has been produced (rAF, then a task after it). */
function afterPaint(): Promise<number> {
  return new Promise((resolve) => requestAnimationFrame(() => taskAfterFrame(resolve)));
}

/** One key in flight: its keydown timestamp, and whether the content has changed since. */
interface PendingKey {
  readonly start: number;
  changed: boolean;
}

/**
 * The first frame that holds the change: a key whose change lands after a frame's rAF (another
 * task) is not counted as painted by that frame. Gives up (undefined) after 30 frames.
 */
function frameAfterChange(key: PendingKey): Promise<number | undefined> {
  return new Promise((resolve) => {
    let frames = 0;
    const onFrame = () => {
      if (key.changed) taskAfterFrame(resolve);
      else if (++frames > 30) resolve(undefined);
      else requestAnimationFrame(onFrame);
    };
    requestAnimationFrame(onFrame);
  });
}

/** Event Timing entries (not in TypeScript's DOM lib yet). */
interface EventTimingEntry extends PerformanceEntry {
  readonly interactionId?: number;
  readonly target?: Node | null;
}

const TARGETS: readonly EditorTypingTarget[] = ['editor', 'editorLast', 'onePart', 'baseline', 'splitLast', 'splitMiddle', 'floor'];
const perTarget = <T>(make: () => T): Record<EditorTypingTarget, T> => Object.fromEntries(TARGETS.map((target) => [target, make()])) as Record<EditorTypingTarget, T>;

let store: DocumentStore | undefined;
let open: OpenDocument | undefined;
/** The app's page of the open document: one editor per part (document-parts.ts). */
let parts: DocumentParts | undefined;
/** The same minutes in ONE editor over one fragment: the page before parts existed. */
let onePart: { editor: Editor; open: OpenDocument } | undefined;
/** Page containers that are not a target's host (removed with the targets). */
const containers: HTMLElement[] = [];
const hosts: Partial<Record<EditorTypingTarget, HTMLElement>> = {};
let typingInto: EditorTypingTarget = 'editor';
let samples = perTarget<number[]>(() => []);
/** keydown → the content changed (handlers done, before style, layout and paint). */
let processing = perTarget<number[]>(() => []);
let keystrokes = perTarget(() => 0);
let unchanged = perTarget(() => 0);
/** interactionId → the longest entry of that interaction (Event Timing). */
let interactions = perTarget(() => new Map<number, number>());
const pending: Partial<Record<EditorTypingTarget, PendingKey>> = {};
let eventTiming: PerformanceObserver | undefined;

function markChanged(target: EditorTypingTarget): void {
  const key = pending[target];
  if (!key || key.changed) return;
  key.changed = true;
  processing[target].push(performance.now() - key.start);
}

/** Which target an Event Timing entry belongs to (its event target; else where the keys go). */
function targetOf(node: Node | null | undefined): EditorTypingTarget {
  if (node) for (const target of TARGETS) if (hosts[target]?.contains(node)) return target;
  return typingInto;
}

function observeEventTiming(): void {
  if (eventTiming || !PerformanceObserver.supportedEntryTypes.includes('event')) return;
  eventTiming = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as EventTimingEntry[]) {
      if (!entry.interactionId) continue;
      const byId = interactions[targetOf(entry.target)];
      byId.set(entry.interactionId, Math.max(byId.get(entry.interactionId) ?? 0, entry.duration));
    }
  });
  // durationThreshold is not in TypeScript's PerformanceObserverInit yet; 16 is Chromium's minimum.
  eventTiming.observe({ type: 'event', buffered: false, durationThreshold: 16 } as PerformanceObserverInit);
}

function host(id: string): HTMLElement {
  document.getElementById(id)?.remove();
  const el = document.createElement('div');
  el.id = id;
  document.body.append(el);
  return el;
}

/** keydown (its input timestamp) → the first frame after the content changed: keystroke to paint. */
function probe(target: EditorTypingTarget, el: HTMLElement): void {
  el.addEventListener(
    'keydown',
    (event) => {
      const key: PendingKey = { start: event.timeStamp, changed: false };
      pending[target] = key;
      keystrokes[target] += 1;
      void frameAfterChange(key).then((painted) => {
        if (painted === undefined) unchanged[target] += 1;
        else samples[target].push(painted - key.start);
      });
    },
    { capture: true },
  );
}

/** A contenteditable page with the editor's class and attributes, holding `texts` as paragraphs. */
function plainPage(target: EditorTypingTarget, texts: readonly string[]): HTMLElement {
  const plain = host(`bench-${target}`);
  // The page and its editing host in one element: the page's class, the part's attributes.
  for (const [name, value] of Object.entries({ ...EDITOR_PART_ATTRIBUTES, ...EDITOR_PAGE_ATTRIBUTES })) if (name !== 'data-testid') plain.setAttribute(name, value);
  plain.contentEditable = 'true';
  plain.dataset['bench'] = target;
  for (const text of texts) {
    const p = document.createElement('p');
    p.textContent = text;
    plain.append(p);
  }
  probe(target, plain);
  plain.addEventListener('input', () => markChanged(target));
  hosts[target] = plain;
  return plain;
}

/** Makes `el` a typing target: the keystroke probe, its change signal, its host for Event Timing. */
function bindPlain(target: EditorTypingTarget, el: HTMLElement): void {
  probe(target, el);
  el.addEventListener('input', () => markChanged(target));
  hosts[target] = el;
}

/** One A4 page holding `texts` in consecutive contenteditable parts of BODY_PART_BLOCKS paragraphs. */
function splitPlainPage(texts: readonly string[]): void {
  const page = host('bench-split');
  page.className = 'cd-page';
  page.setAttribute('lang', 'vi');
  containers.push(page);
  const split: HTMLElement[] = [];
  for (let i = 0; i < texts.length; i += BODY_PART_BLOCKS) {
    const part = document.createElement('div');
    for (const [name, value] of Object.entries(EDITOR_PART_ATTRIBUTES)) if (name !== 'data-testid') part.setAttribute(name, value);
    part.contentEditable = 'true';
    for (const text of texts.slice(i, i + BODY_PART_BLOCKS)) {
      const p = document.createElement('p');
      p.textContent = text;
      part.append(p);
    }
    page.append(part);
    split.push(part);
  }
  bindPlain('splitLast', split[split.length - 1]!);
  bindPlain('splitMiddle', split[Math.floor(split.length / 2)]!);
}

/** A target typed into one editor (a part of the app's page, or the one-part page). */
function bindEditor(target: EditorTypingTarget, editor: Editor): void {
  probe(target, editor.view.dom);
  // 'update' = a transaction changed the doc and the view has it (after ProseMirror, the Yjs binding and the store's queue).
  editor.on('update', () => markChanged(target));
  hosts[target] = editor.view.dom;
}

/** The part holding top-level block `index` of the whole body, and the block's index in it. */
function partOfBlock(editors: readonly Editor[], index: number): { editor: Editor; block: number } {
  let before = 0;
  for (const editor of editors) {
    const count = editor.state.doc.childCount;
    if (index < before + count) return { editor, block: index - before };
    before += count;
  }
  const last = editors[editors.length - 1]!;
  return { editor: last, block: last.state.doc.childCount - 1 };
}

/** Puts a ProseMirror caret at the end of top-level block `index`, focuses and shows it. */
function caretAtBlockEnd(target: Editor, index: number): void {
  let at = 0;
  target.state.doc.forEach((node, offset, i) => {
    if (i === index) at = offset + node.nodeSize - 1;
  });
  target.commands.setTextSelection(at);
  target.commands.focus();
  target.view.dom.children[index]?.scrollIntoView({ block: 'center' });
}

async function freshStore(): Promise<DocumentStore> {
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
  return openDocumentStore({ name: DB_NAME });
}

async function closeEditorSide(): Promise<void> {
  parts?.destroy();
  parts = undefined;
  onePart?.editor.destroy();
  await onePart?.open.close();
  onePart = undefined;
  for (const container of containers.splice(0)) container.remove();
  await open?.close();
  open = undefined;
  for (const target of TARGETS) {
    hosts[target]?.remove();
    delete hosts[target];
  }
}

/** The stored minutes: its blocks, and their plain texts for the contenteditable targets. */
let minutes: { readonly paragraphs: number; readonly texts: readonly string[] } | undefined;
const MINUTES_ID = 'bench-minutes';
const ONE_PART_ID = 'bench-minutes-one-part';

/**
 * Stores the 100-page minutes as the app writes it (writeBody: parts of BODY_PART_BLOCKS), and
 * the same blocks in one fragment (the page before parts). Nothing is mounted: each typing run
 * mounts its target alone (editorFocus), as the app's page holds one document.
 */
export async function editorStoreMinutes({ pages, seed }: { pages: number; seed: number }): Promise<{ chars: number; paragraphs: number; parts: number }> {
  await closeEditorSide();
  store?.close();
  store = await freshStore();
  const content = longDocument('minutes', pages, seed);
  const created = await store.create(MINUTES_ID, (doc) => writeBody(doc, content));
  if (!created.ok) throw new Error(created.error.messageEn);
  const partCount = bodyPartFragments(created.value.doc).length;
  await created.value.close();
  const whole = await store.create(ONE_PART_ID, (doc) => prosemirrorJSONToYXmlFragment(editorSchema(), toEditorJson(content), bodyFragment(doc)));
  if (!whole.ok) throw new Error(whole.error.messageEn);
  await whole.value.close();
  const texts = content.content.map((block) => (block.type === 'paragraph' || block.type === 'heading' ? (block.content ?? []).map((i) => (i.type === 'text' ? i.text : '')).join('') : ''));
  minutes = { paragraphs: content.content.length, texts };
  observeEventTiming();
  return { chars: characters(content), paragraphs: content.content.length, parts: partCount };
}

async function openStored(id: string): Promise<OpenDocument> {
  if (!store) throw new Error('editorStoreMinutes() must run first');
  const opened = await store.open(id);
  if (!opened.ok) throw new Error(opened.error.messageEn);
  return opened.value;
}

/**
 * Mounts `target` alone in the page (the previous one closed): the app's page of the stored
 * minutes (document-parts.ts: one editor per part, schema, Collaboration, page attributes); the
 * one-fragment minutes in one editor; a plain contenteditable of all its paragraphs; the same in
 * plain parts; or the one-paragraph floor.
 */
async function mountTarget(target: EditorTypingTarget): Promise<void> {
  if (!minutes) throw new Error('editorStoreMinutes() must run first');
  await closeEditorSide();
  if (target === 'editor' || target === 'editorLast') {
    open = await openStored(MINUTES_ID);
    const page = host('bench-editor');
    containers.push(page);
    parts = new DocumentParts({ element: page, doc: open.doc, partAttributes: { 'data-bench': 'editor' } });
    // Typing in the middle of the minutes (the same block as before parts), or appending at the end.
    bindEditor(target, target === 'editor' ? partOfBlock(parts.editors, Math.floor(minutes.paragraphs / 2)).editor : parts.editors[parts.editors.length - 1]!);
  } else if (target === 'onePart') {
    const whole = await openStored(ONE_PART_ID);
    const onePage = host('bench-one-part');
    onePage.className = 'cd-page';
    containers.push(onePage);
    onePart = { open: whole, editor: createDocumentEditor({ element: onePage, doc: whole.doc, attributes: { 'data-bench': 'onePart' } }) };
    bindEditor('onePart', onePart.editor);
  } else if (target === 'baseline') {
    plainPage('baseline', minutes.texts);
  } else if (target === 'floor') {
    plainPage('floor', [minutes.texts[1] ?? '']);
  } else {
    splitPlainPage(minutes.texts);
  }
  await afterPaint();
}

function clearSamples(): void {
  samples = perTarget(() => []);
  processing = perTarget(() => []);
  keystrokes = perTarget(() => 0);
  unchanged = perTarget(() => 0);
  interactions = perTarget(() => new Map());
}

/** Mounts `target` alone, puts the caret at the end of its middle paragraph (the last one for *Last) and focuses it; clears samples. */
export async function editorFocus({ target }: { target: EditorTypingTarget }): Promise<void> {
  await mountTarget(target);
  clearSamples();
  typingInto = target;
  if (target === 'editor' || target === 'editorLast') {
    if (!parts) throw new Error('editorStoreMinutes() must run first');
    const total = parts.editors.reduce((sum, part) => sum + part.state.doc.childCount, 0);
    const { editor, block } = partOfBlock(parts.editors, target === 'editor' ? Math.floor(total / 2) : total - 1);
    caretAtBlockEnd(editor, block);
  } else if (target === 'onePart') {
    if (!onePart) throw new Error('editorStoreMinutes() must run first');
    caretAtBlockEnd(onePart.editor, Math.floor(onePart.editor.state.doc.childCount / 2));
  } else {
    const plain = hosts[target];
    if (!plain) throw new Error('editorStoreMinutes() must run first');
    const p = plain.children[target === 'splitLast' ? plain.children.length - 1 : Math.floor(plain.children.length / 2)]!;
    // Focus without scrolling (focusing a 100-page element scrolls to its top), then show the caret's paragraph.
    plain.focus({ preventScroll: true });
    const range = document.createRange();
    range.selectNodeContents(p);
    range.collapse(false);
    const selection = getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    p.scrollIntoView({ block: 'center' });
  }
  await afterPaint();
}

/**
 * The keystroke-to-paint samples of the typing since the focus (or the last `clear`), and what
 * reached IndexedDB; `clear` starts the next samples afresh (after the warm-up keys).
 */
export async function editorKeystrokes({ target, clear = false }: { target: EditorTypingTarget; clear?: boolean }): Promise<EditorKeystrokeResult> {
  await afterPaint();
  // Event Timing entries arrive after presentation, in batches: give the last ones time.
  await new Promise((resolve) => setTimeout(resolve, 400));
  const eventTimingMs = [...interactions[target].values()];
  let storedChars = 0;
  if ((target === 'editor' || target === 'editorLast') && store) {
    await open?.flush();
    const state = await store.state('bench-minutes');
    if (state) {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, state);
      storedChars = bodyPartFragments(copy).reduce((sum, fragment) => sum + fragment.toString().length, 0);
    }
  }
  const result = { samplesMs: [...samples[target]], processingMs: [...processing[target]], keystrokes: keystrokes[target], unchanged: unchanged[target], eventTimingMs, storedChars };
  if (clear) clearSamples();
  return result;
}

/**
 * Stores a 50-page judgment with a history (written paragraph by paragraph, then hundreds of
 * small edits and deletions, each its own stored update, as a drafting session leaves it).
 */
export async function editorPrepareJudgment({ pages, seed, edits }: { pages: number; seed: number; edits: number }): Promise<{ chars: number; updatesMs: number; stateBytes: number; parts: number }> {
  await closeEditorSide();
  store?.close();
  store = await freshStore();
  const content = longDocument('judgment', pages, seed);
  const start = performance.now();
  const created = await store.create('bench-judgment', () => undefined);
  if (!created.ok) throw new Error(created.error.messageEn);
  const doc = created.value.doc;
  // The body arrives in ~50 chunks (a judge drafting section by section), laid out in parts as
  // writeBody lays out a body this long (BODY_PART_BLOCKS blocks a part): the page opened is
  // the one the app opens for it.
  const chunk = Math.ceil(content.content.length / 50);
  const scratch = new Y.Doc();
  writeBody(scratch, content);
  const blocks = bodyBlocks(scratch);
  for (let i = 0; i < blocks.length; i += chunk) {
    doc.transact(() => {
      for (let at = i; at < Math.min(i + chunk, blocks.length); at++) {
        const index = Math.floor(at / BODY_PART_BLOCKS);
        if (index > 0 && !bodyPartIndexes(doc).includes(index)) addBodyPart(doc);
        const fragment = doc.getXmlFragment(bodyPartField(index));
        fragment.insert(fragment.length, [(blocks[at] as Y.XmlElement).clone()]);
      }
    });
    await created.value.flush();
  }
  const rng = createRng(seed + 1);
  const texts: Y.XmlText[] = [];
  for (const el of bodyBlocks(doc)) if (el instanceof Y.XmlElement) for (const child of el.toArray()) if (child instanceof Y.XmlText) texts.push(child);
  for (let i = 0; i < edits; i++) {
    const text = rng.pick(texts);
    const at = Math.floor(rng.next() * text.length);
    if (rng.next() < 0.3 && text.length > 10) text.delete(at > 5 ? at - 5 : 0, 5);
    else text.insert(at, `${rng.pick(WORDS)} `);
    if (i % 20 === 19) await created.value.flush();
  }
  await created.value.close();
  const state = await store.state('bench-judgment');
  return { chars: characters(content), updatesMs: performance.now() - start, stateBytes: state?.byteLength ?? 0, parts: bodyPartIndexes(doc).length };
}

/**
 * One open of the stored judgment: IndexedDB → Y.Doc → editor → first painted frame. Every open
 * counts, the first (cold) one included. The User Timing marks (open:*, base:*) delimit the
 * phases in a CDP trace of the page (docs/EDITOR.md, "Opening a document").
 */
export async function editorOpenJudgment(): Promise<EditorOpenResult> {
  if (!store) throw new Error('editorPrepareJudgment() must run first');
  await closeEditorSide();
  const page = host('bench-editor');
  const start = performance.now();
  performance.mark('open:start');
  const opened = await store.open('bench-judgment');
  if (!opened.ok) throw new Error(opened.error.messageEn);
  open = opened.value;
  const readMs = performance.now() - start;
  performance.mark('open:read');
  // The app's page: one editor per part of the body (document-parts.ts).
  parts = new DocumentParts({ element: page, doc: open.doc });
  const mounted = performance.now();
  performance.mark('open:mounted');
  const painted = await afterPaint();
  performance.mark('open:painted');
  const chars = parts.editors.reduce((sum, part) => sum + part.state.doc.textContent.length, 0);
  const json = readBodyJson(open.doc);
  page.remove();
  await closeEditorSide();

  // Baseline: the same content as JSON straight into ONE ProseMirror view on the same sheet, no Yjs, no IndexedDB.
  const basePage = host('bench-editor');
  basePage.className = 'cd-page';
  const baseStart = performance.now();
  performance.mark('base:start');
  const plain = new Editor({ ...EDITOR_MOUNT_OPTIONS, element: basePage, extensions: schemaExtensions(), content: json as JSONContent, editorProps: { attributes: { ...EDITOR_PART_ATTRIBUTES } } });
  const baseMounted = performance.now();
  performance.mark('base:mounted');
  const basePainted = await afterPaint();
  performance.mark('base:painted');
  plain.destroy();
  basePage.remove();
  return { ms: painted - start, readMs, mountMs: mounted - start - readMs, baselineMs: basePainted - baseStart, baselineMountMs: baseMounted - baseStart, chars };
}

export async function editorClose(): Promise<void> {
  await closeEditorSide();
  store?.close();
  store = undefined;
}

