/**
 * Which drafted judgment the publication copy prefers when a case has several: a finalised one
 * before any draft (only signed content is published), the most recently signed first; among
 * drafts the most recently changed first.
 */
export interface OrderedSource {
  readonly status: 'finalised' | 'draft';
  readonly finalisedAt?: string;
  readonly updatedAt: string;
}

export function compareSources(a: OrderedSource, b: OrderedSource): number {
  if (a.status !== b.status) return a.status === 'finalised' ? -1 : 1;
  return (b.finalisedAt ?? b.updatedAt).localeCompare(a.finalisedAt ?? a.updatedAt);
}
