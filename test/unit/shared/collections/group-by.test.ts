import { describe, expect, it } from 'vitest';
import { groupBy } from '../../../../shared/collections/group-by.js';

describe('groupBy', () => {
  it('keeps the order of keys as they first appear and of items within a group', () => {
    const items = [
      { doc: 'b', seq: 1 },
      { doc: 'a', seq: 2 },
      { doc: 'b', seq: 3 },
      { doc: 'c', seq: 4 },
      { doc: 'a', seq: 5 },
    ];
    const groups = groupBy(items, (item) => item.doc);
    expect([...groups.keys()]).toEqual(['b', 'a', 'c']);
    expect(groups.get('b')!.map((i) => i.seq)).toEqual([1, 3]);
    expect(groups.get('a')!.map((i) => i.seq)).toEqual([2, 5]);
    expect(groups.get('c')!.map((i) => i.seq)).toEqual([4]);
  });

  it('gives an empty map for no items', () => {
    expect(groupBy([], (x: number) => x).size).toBe(0);
  });
});
