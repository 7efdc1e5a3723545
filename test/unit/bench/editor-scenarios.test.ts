/**
 * The editor bench's reading of Event Timing (bench/node/editor-scenarios.ts): Chromium reports
 * only interactions of 16 ms or more, so the keystrokes it did not report count as under the
 * budget, and the percentile is taken over every keystroke, never over the reported ones alone
 * (that would turn one slow key in 150 into a p95 over budget, or hide nine slow ones).
 */
import { describe, expect, it } from 'vitest';
import type { EditorKeystrokeResult } from '../../../bench/browser/api.js';
import { editorRows, eventTimingPercentile } from '../../../bench/node/editor-scenarios.js';

function run(keystrokes: number, eventTimingMs: number[], samplesMs: number[] = []): EditorKeystrokeResult {
  return { samplesMs, processingMs: [], keystrokes, unchanged: 0, eventTimingMs, storedChars: 0 };
}

describe('eventTimingPercentile', () => {
  it('counts unreported keystrokes as under 16 ms', () => {
    // 7 of 150 over 16 ms: fewer than 5 %, so p95 is among the unreported ones.
    expect(eventTimingPercentile(run(150, [24, 24, 32, 40, 16, 24, 24]), 95)).toBe('< 16');
  });

  it('gives the reported duration once 5 % or more of the keys are slow', () => {
    const slow = new Array<number>(8).fill(24);
    slow[0] = 48;
    // 8 of 150 reported: rank 143 of 150 falls on the shortest reported one.
    expect(eventTimingPercentile(run(150, slow), 95)).toBe(24);
    expect(eventTimingPercentile(run(150, slow), 100)).toBe(48);
  });

  it('has no figure without keystrokes', () => {
    expect(eventTimingPercentile(run(0, []), 95)).toBeUndefined();
    expect(eventTimingPercentile(undefined, 95)).toBeUndefined();
  });
});

describe('editorRows', () => {
  it('takes the headline from the frame clock and compares it with the plain contenteditable', () => {
    const editor = run(4, [32], [10, 12, 14, 40]);
    const baseline = run(4, [], [8, 9, 10, 11]);
    const floor = run(4, [], [3, 4, 5, 6]);
    const [keystroke] = editorRows({ typing: { editor, baseline, floor }, errors: {} });
    expect(keystroke?.valueMs).toBe(40);
    expect(keystroke?.baselineMs).toBe(11);
    expect(keystroke?.details).toMatchObject({ p50: 12, floorP95: 6, eventTimingP95: 32, eventTimingOver16: '1/4', baselineEventTimingP95: '< 16' });
  });

  it('reports the warm-up keys apart, never in the headline', () => {
    const editor = run(4, [], [10, 11, 12, 13]);
    const cold = run(4, [48], [80, 30, 20, 12]);
    const [keystroke] = editorRows({ typing: { editor }, warmUp: { editor: cold, floor: run(2, [], [5, 7]) }, errors: {} });
    expect(keystroke?.valueMs).toBe(13);
    expect(keystroke?.details).toMatchObject({ coldP95: 80, coldMax: 80, floorColdP95: 7 });
  });
});
