/**
 * The editor budgets of DESIGN §6, driven from Node in real Chromium (bench/browser/editor.ts):
 * - keystroke to paint in a 100-page minutes document, p95 ≤ 16 ms: the driver types real key
 *   events (CDP) into the editor, then into a plain contenteditable holding the same paragraphs;
 * - open a 50-page judgment with its full history, ≤ 300 ms (median of several opens): IndexedDB
 *   → Y.Doc → editor → first frame, against the same JSON in a ProseMirror view without Yjs.
 */
import type { Page } from 'playwright-core';
import type { BenchApi, EditorOpenResult } from '../browser/api.js';
import { percentile, type ScenarioRow } from './report.js';

export const EDITOR_BUDGETS = { keystrokeP95: 16, openJudgment: 300 };

const MINUTES_PAGES = 100;
const JUDGMENT_PAGES = 50;
const KEYSTROKES = 150;
const OPENS = 5;
/** ASCII on purpose: Playwright sends other characters as text input without a keydown event (Telex typing is ASCII keys too). */
const TEXT = 'Bi cao tra loi: toi khong nho ro ngay, khoang thang ba nam hai nghin hai muoi lam. ';

type Call = <R>(name: keyof BenchApi, arg?: unknown) => Promise<R>;

export interface EditorScenarioResult {
  minutes?: { chars: number; paragraphs: number };
  editorMs?: number[];
  baselineMs?: number[];
  editorProcessingMs?: number[];
  baselineProcessingMs?: number[];
  storedChars?: number;
  judgment?: { chars: number; updatesMs: number; stateBytes: number };
  opens?: EditorOpenResult[];
  errors: Partial<Record<'keystroke' | 'open', string>>;
}

async function typeInto(page: Page, call: Call, target: 'editor' | 'baseline'): Promise<{ samplesMs: number[]; processingMs: number[]; storedChars: number }> {
  await call('editorFocus', { target });
  for (let i = 0; i < KEYSTROKES; i++) {
    await page.keyboard.type(TEXT[i % TEXT.length]!);
    // A fast typist: ~12 keys a second, each given its frame (a burst would measure the queue).
    await page.waitForTimeout(80);
  }
  return call('editorKeystrokes', { target });
}

export async function runEditorScenarios(page: Page, call: Call, log: (message: string) => void): Promise<EditorScenarioResult> {
  const out: EditorScenarioResult = { errors: {} };
  try {
    log(`editor: ${MINUTES_PAGES}-page minutes, ${KEYSTROKES} keystrokes into the editor, then into a plain contenteditable`);
    out.minutes = await call('editorMountMinutes', { pages: MINUTES_PAGES, seed: 48 });
    const editor = await typeInto(page, call, 'editor');
    out.editorMs = editor.samplesMs;
    out.editorProcessingMs = editor.processingMs;
    out.storedChars = editor.storedChars;
    const plain = await typeInto(page, call, 'baseline');
    out.baselineMs = plain.samplesMs;
    out.baselineProcessingMs = plain.processingMs;
  } catch (error) {
    out.errors.keystroke = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  }
  try {
    log(`editor: storing a ${JUDGMENT_PAGES}-page judgment with its history, then ${OPENS} opens`);
    out.judgment = await call('editorPrepareJudgment', { pages: JUDGMENT_PAGES, seed: 52, edits: 600 });
    out.opens = [];
    for (let i = 0; i < OPENS; i++) out.opens.push(await call<EditorOpenResult>('editorOpenJudgment'));
    await call('editorClose');
  } catch (error) {
    out.errors.open = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  }
  return out;
}

export function editorRows(result: EditorScenarioResult): ScenarioRow[] {
  const opens = result.opens ?? [];
  const openMs = opens.map((o) => o.ms);
  return [
    {
      id: 'editorKeystroke',
      title: `keystroke to paint, ${MINUTES_PAGES}-page minutes`,
      metric: 'p95',
      // keydown (its event timestamp) → rAF → the task after that frame: the wait for the next
      // frame (vsync) is included, so even the plain contenteditable needs ~one frame at best.
      valueMs: result.editorMs?.length ? percentile(result.editorMs, 95) : null,
      budgetMs: EDITOR_BUDGETS.keystrokeP95,
      baselineMs: result.baselineMs?.length ? percentile(result.baselineMs, 95) : null,
      details: {
        keystrokes: result.editorMs?.length,
        p50: result.editorMs?.length ? percentile(result.editorMs, 50) : undefined,
        max: result.editorMs?.length ? Math.max(...result.editorMs) : undefined,
        baselineP50: result.baselineMs?.length ? percentile(result.baselineMs, 50) : undefined,
        // keydown → content changed (our handlers: ProseMirror, Yjs binding, persistence queue)
        processingP95: result.editorProcessingMs?.length ? percentile(result.editorProcessingMs, 95) : undefined,
        baselineProcessingP95: result.baselineProcessingMs?.length ? percentile(result.baselineProcessingMs, 95) : undefined,
        documentChars: result.minutes?.chars,
        paragraphs: result.minutes?.paragraphs,
        storedBodyXmlLength: result.storedChars,
      },
      ...(result.errors.keystroke ? { error: result.errors.keystroke } : {}),
    },
    {
      id: 'editorOpen',
      title: `open a ${JUDGMENT_PAGES}-page judgment (full history)`,
      metric: 'p50',
      valueMs: openMs.length > 0 ? percentile(openMs, 50) : null,
      budgetMs: EDITOR_BUDGETS.openJudgment,
      baselineMs: opens.length > 0 ? percentile(opens.map((o) => o.baselineMs), 50) : null,
      details: {
        runsMs: openMs,
        max: openMs.length > 0 ? Math.max(...openMs) : undefined,
        readMsP50: opens.length > 0 ? percentile(opens.map((o) => o.readMs), 50) : undefined,
        chars: opens[0]?.chars,
        storedStateBytes: result.judgment?.stateBytes,
        prepareMs: result.judgment?.updatesMs,
      },
      ...(result.errors.open ? { error: result.errors.open } : {}),
    },
  ];
}
