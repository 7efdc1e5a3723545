/**
 * A readable line diff, for showing a clerk what a newer template version changes in the text of
 * their case ("what the new version changes", issue #4). Templates render to a few hundred lines,
 * so a longest-common-subsequence table over the part between the common prefix and suffix is
 * plenty; beyond `maxCells` the middle is shown as removed-then-added rather than spending
 * seconds on a table no one reads.
 */
export type DiffLine =
  | { readonly kind: 'same'; readonly text: string }
  | { readonly kind: 'removed'; readonly text: string }
  | { readonly kind: 'added'; readonly text: string };

/** Consecutive unchanged lines folded away in a hunk view. */
export type DiffRow = DiffLine | { readonly kind: 'skipped'; readonly count: number };

export function diffLines(before: readonly string[], after: readonly string[], maxCells = 4_000_000): DiffLine[] {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start += 1;
  let endA = before.length;
  let endB = after.length;
  while (endA > start && endB > start && before[endA - 1] === after[endB - 1]) {
    endA -= 1;
    endB -= 1;
  }
  const head: DiffLine[] = before.slice(0, start).map((text) => ({ kind: 'same', text }));
  const tail: DiffLine[] = before.slice(endA).map((text) => ({ kind: 'same', text }));
  const a = before.slice(start, endA);
  const b = after.slice(start, endB);
  return [...head, ...middle(a, b, maxCells), ...tail];
}

function middle(a: readonly string[], b: readonly string[], maxCells: number): DiffLine[] {
  const removedAll = (): DiffLine[] => [...a.map((text) => ({ kind: 'removed' as const, text })), ...b.map((text) => ({ kind: 'added' as const, text }))];
  if (a.length === 0 || b.length === 0 || (a.length + 1) * (b.length + 1) > maxCells) return removedAll();
  // lcs[i][j] = LCS length of a[i..] and b[j..], row-major in one typed array.
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) {
      lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1]! + 1 : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ kind: 'same', text: a[i]! });
      i += 1;
      j += 1;
    } else if (lcs[(i + 1) * width + j]! >= lcs[i * width + j + 1]!) {
      out.push({ kind: 'removed', text: a[i]! });
      i += 1;
    } else {
      out.push({ kind: 'added', text: b[j]! });
      j += 1;
    }
  }
  for (; i < a.length; i += 1) out.push({ kind: 'removed', text: a[i]! });
  for (; j < b.length; j += 1) out.push({ kind: 'added', text: b[j]! });
  return out;
}

/** Keeps `context` unchanged lines around each change and folds the rest into `skipped` rows. */
export function foldUnchanged(lines: readonly DiffLine[], context = 2): DiffRow[] {
  const keep = new Array<boolean>(lines.length).fill(false);
  lines.forEach((line, index) => {
    if (line.kind === 'same') return;
    for (let k = Math.max(0, index - context); k <= Math.min(lines.length - 1, index + context); k += 1) keep[k] = true;
  });
  const rows: DiffRow[] = [];
  let skipped = 0;
  lines.forEach((line, index) => {
    if (keep[index]) {
      if (skipped > 0) rows.push({ kind: 'skipped', count: skipped });
      skipped = 0;
      rows.push(line);
    } else skipped += 1;
  });
  if (skipped > 0) rows.push({ kind: 'skipped', count: skipped });
  return rows;
}

/** How many lines a diff adds and removes. */
export function diffStats(lines: readonly DiffLine[]): { readonly added: number; readonly removed: number } {
  let added = 0;
  let removed = 0;
  for (const line of lines) {
    if (line.kind === 'added') added += 1;
    else if (line.kind === 'removed') removed += 1;
  }
  return { added, removed };
}
