// Several drafted judgments: the publication copy prefers the finalised one, newest signing first.
import { describe, expect, it } from 'vitest';
import { compareSources, type OrderedSource } from '../../../../renderer/publication/source-order.js';

describe('compareSources', () => {
  it('puts finalised judgments first (newest signing first), then drafts (newest change first)', () => {
    const sources: (OrderedSource & { id: string })[] = [
      { id: 'draft-old', status: 'draft', updatedAt: '2026-01-01T00:00:00Z' },
      { id: 'final-old', status: 'finalised', finalisedAt: '2026-01-02T00:00:00Z', updatedAt: '2026-01-02T00:00:00Z' },
      { id: 'draft-new', status: 'draft', updatedAt: '2026-03-01T00:00:00Z' },
      { id: 'final-new', status: 'finalised', finalisedAt: '2026-02-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' },
    ];
    expect([...sources].sort(compareSources).map((s) => s.id)).toEqual(['final-new', 'final-old', 'draft-new', 'draft-old']);
  });
});
