/**
 * Statistics and the printed table of the bench. Pure functions: the driver (main.ts) feeds them
 * the raw timings from the page.
 */

/** Nearest-rank percentile (p in 0..100) of a non-empty list; NaN for an empty one. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1]!;
}

export interface ScenarioRow {
  readonly id: 'import' | 'openCase' | 'search' | 'coldStart' | 'syncFanOut' | 'syncFanOutBusyDisk' | 'catchUpInitial' | 'catchUpIncremental' | 'reconnect' | 'editorKeystroke' | 'editorOpen';
  readonly title: string;
  /** What the budget applies to, e.g. "p95" or "total". */
  readonly metric: string;
  /** Measured value in ms, or null when the scenario could not run. */
  readonly valueMs: number | null;
  readonly budgetMs: number | null;
  /** The same metric for the baseline, when there is one. */
  readonly baselineMs: number | null;
  /** Extra figures for the JSON file and the notes under the table. */
  readonly details: Readonly<Record<string, unknown>>;
  readonly error?: string;
}

export type Verdict = 'pass' | 'FAIL' | 'error' | 'n/a';

export function verdictOf(row: ScenarioRow): Verdict {
  if (row.error !== undefined || row.valueMs === null) return 'error';
  if (row.budgetMs === null) return 'n/a';
  return row.valueMs <= row.budgetMs ? 'pass' : 'FAIL';
}

export function ratioOf(row: ScenarioRow): number | null {
  if (row.valueMs === null || row.baselineMs === null || row.baselineMs <= 0) return null;
  return row.valueMs / row.baselineMs;
}

/** "812 ms", "12.4 s", "3.2 ms" (sub-10 ms keeps a decimal). */
export function formatMs(ms: number | null): string {
  if (ms === null || Number.isNaN(ms)) return '–';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 10) return `${Math.round(ms)} ms`;
  return `${ms.toFixed(1)} ms`;
}

/** The bench table: scenario | result | budget | baseline | ratio | pass/fail. */
export function formatTable(rows: readonly ScenarioRow[]): string {
  const header = ['scenario', 'result', 'budget', 'baseline', 'ratio', 'pass/fail'];
  const lines = rows.map((row) => {
    const ratio = ratioOf(row);
    return [
      row.title,
      row.valueMs === null ? 'error' : `${row.metric} ${formatMs(row.valueMs)}`,
      row.budgetMs === null ? '–' : `≤ ${formatMs(row.budgetMs)}`,
      row.baselineMs === null ? '–' : `${row.metric} ${formatMs(row.baselineMs)}`,
      ratio === null ? '–' : `${ratio.toFixed(2)}×`,
      verdictOf(row),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const render = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [render(header), rule, ...lines.map(render)].join('\n');
}

/** True when every scenario ran and met its budget. */
export function allPassed(rows: readonly ScenarioRow[]): boolean {
  return rows.every((row) => {
    const verdict = verdictOf(row);
    return verdict === 'pass' || verdict === 'n/a';
  });
}
