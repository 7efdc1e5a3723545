/** Groups what the anonymiser found into one review line per distinct replacement. */
import type { Found } from './engine.js';
import type { Position, Replacement, ReplacementKind } from './model.js';

/**
 * The identity of one review line: what kind of rule, what it found, what it wrote. The judge's
 * decisions name lines by this key, so they survive a re-run of the anonymiser on the same text.
 */
export function replacementKey(r: { readonly kind: ReplacementKind; readonly original: string; readonly replacement: string }): string {
  return `${r.kind}\u0000${r.original}\u0000${r.replacement}`;
}

export class ReplacementReport {
  private readonly groups = new Map<string, { original: string; replacement: string; kind: ReplacementKind; positions: Position[] }>();

  add(found: readonly Found[], at?: string): void {
    for (const f of found) {
      const key = replacementKey(f);
      let group = this.groups.get(key);
      if (!group) {
        group = { original: f.original, replacement: f.replacement, kind: f.kind, positions: [] };
        this.groups.set(key, group);
      }
      group.positions.push(at === undefined ? { start: f.start, end: f.end } : { start: f.start, end: f.end, at });
    }
  }

  /** Replacements in order of first appearance. */
  list(): Replacement[] {
    return [...this.groups.values()].map((g) => ({ ...g, count: g.positions.length }));
  }
}
