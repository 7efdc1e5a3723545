/**
 * The sentence around each mention, for the review screen: the judge decides on a replacement by
 * reading it where it stands ("… bị đơn **Trần Thị Bích** vay của nguyên đơn …"), not as a bare
 * name. Positions come from the report (offsets in a block's text, `at` the block's JSON path).
 */
import type { DocNode, InlineNode } from '../templates/model.js';
import { segmentOf } from './document.js';
import type { Position } from './model.js';

export interface MentionContext {
  readonly before: string;
  readonly mention: string;
  readonly after: string;
  /** The block's JSON path, to tell mentions apart. */
  readonly at: string;
}

/** How far a context reaches on each side when no sentence boundary comes first. */
const REACH = 90;

/** The text of the block at a path like `content.3` or `content.0.content.1.content.0`, as the anonymiser read it. */
export function blockTextAt(doc: DocNode, at: string): string | undefined {
  const parts = at.split('.');
  let node: unknown = doc;
  for (let i = 0; i + 1 < parts.length; i += 2) {
    if (parts[i] !== 'content') return undefined;
    const list = (node as { content?: unknown[] } | undefined)?.content;
    node = Array.isArray(list) ? list[Number(parts[i + 1])] : undefined;
  }
  const inline = (node as { content?: InlineNode[] } | undefined)?.content;
  if (!Array.isArray(inline)) return undefined;
  return inline.map((n) => segmentOf(n).text).join('');
}

/** The sentence of `text` holding `[start, end)`, cut at `. ; ! ?` + space or a line break, at most REACH characters each side. */
export function sentenceAround(text: string, start: number, end: number): { before: string; mention: string; after: string } {
  let from = Math.max(0, start - REACH);
  const head = text.slice(from, start);
  const lastStop = Math.max(...[...head.matchAll(/[.;!?]\s|\n/g)].map((m) => m.index + m[0].length), -1);
  if (lastStop >= 0) from += lastStop;
  let to = Math.min(text.length, end + REACH);
  const tail = text.slice(end, to);
  const stop = tail.search(/[.;!?](\s|$)|\n/);
  if (stop >= 0) to = end + stop + (tail[stop] === '\n' ? 0 : 1);
  const before = (from > 0 && lastStop < 0 ? '…' : '') + text.slice(from, start).trimStart();
  const after = text.slice(end, to).trimEnd() + (to < text.length && stop < 0 ? '…' : '');
  return { before, mention: text.slice(start, end), after };
}

/** The context of each position in a document (positions whose block cannot be found are skipped). */
export function mentionContexts(doc: DocNode, positions: readonly Position[]): MentionContext[] {
  const texts = new Map<string, string | undefined>();
  const out: MentionContext[] = [];
  for (const p of positions) {
    if (p.at === undefined) continue;
    if (!texts.has(p.at)) texts.set(p.at, blockTextAt(doc, p.at));
    const text = texts.get(p.at);
    if (text === undefined || p.end > text.length) continue;
    out.push({ ...sentenceAround(text, p.start, p.end), at: p.at });
  }
  return out;
}
