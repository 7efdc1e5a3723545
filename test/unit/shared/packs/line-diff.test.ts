import { describe, expect, it } from 'vitest';
import { diffLines, diffStats, foldUnchanged } from '../../../../shared/packs/line-diff.js';

describe('diffLines', () => {
  it('marks added, removed and unchanged lines, and rebuilds both sides', () => {
    const before = ['a', 'b', 'c', 'd', 'e'];
    const after = ['a', 'c', 'x', 'd', 'e', 'f'];
    const diff = diffLines(before, after);
    expect(diff.filter((l) => l.kind !== 'added').map((l) => l.text)).toEqual(before);
    expect(diff.filter((l) => l.kind !== 'removed').map((l) => l.text)).toEqual(after);
    expect(diffStats(diff)).toEqual({ added: 2, removed: 1 });
  });

  it('falls back to removed-then-added beyond the cell budget, still exact', () => {
    const before = Array.from({ length: 50 }, (_, i) => `old ${i}`);
    const after = Array.from({ length: 50 }, (_, i) => (i % 2 ? `old ${i}` : `new ${i}`));
    const diff = diffLines(before, after, 100);
    expect(diff.filter((l) => l.kind !== 'added').map((l) => l.text)).toEqual(before);
    expect(diff.filter((l) => l.kind !== 'removed').map((l) => l.text)).toEqual(after);
  });

  it('is empty of changes for equal texts', () => {
    expect(diffStats(diffLines(['x', 'y'], ['x', 'y']))).toEqual({ added: 0, removed: 0 });
  });
});

describe('foldUnchanged', () => {
  it('keeps the context around changes and counts what it folds', () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i}`);
    const after = [...before];
    after[10] = 'changed';
    const rows = foldUnchanged(diffLines(before, after), 2);
    expect(rows[0]).toEqual({ kind: 'skipped', count: 8 });
    expect(rows.filter((r) => r.kind === 'same')).toHaveLength(4);
    expect(rows.at(-1)).toEqual({ kind: 'skipped', count: 7 });
  });
});
