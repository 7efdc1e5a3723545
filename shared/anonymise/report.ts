/** Groups what the anonymiser found into one review line per distinct replacement. */
import type { Found } from './engine.js';
import type { Position, Replacement, ReplacementKind } from './model.js';

export class ReplacementReport {
  private readonly groups = new Map<string, { original: string; replacement: string; kind: ReplacementKind; positions: Position[] }>();

  add(found: readonly Found[], at?: string): void {
    for (const f of found) {
      const key = `${f.kind}\u0000${f.original}\u0000${f.replacement}`;
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
