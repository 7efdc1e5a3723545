// Types for scripts/test-all.mjs (its pure summary functions are unit-tested).
export declare const VITEST_JSON: string;
export declare const PLAYWRIGHT_JSON: string;
export interface TestCounts {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
}
export interface VitestReport {
  readonly numPassedTests?: number;
  readonly numFailedTests?: number;
  readonly numPendingTests?: number;
  readonly numTodoTests?: number;
  readonly testResults?: readonly { readonly status?: string; readonly assertionResults?: readonly { readonly status?: string }[] }[];
}
export interface PlaywrightReport {
  readonly stats?: { readonly expected?: number; readonly unexpected?: number; readonly flaky?: number; readonly skipped?: number };
  readonly errors?: readonly unknown[];
}
export declare function countVitest(report: VitestReport): TestCounts;
export declare function countPlaywright(report: PlaywrightReport): TestCounts;
export type Step =
  | { readonly name: string; readonly kind: 'check'; readonly exitCode: number | null; readonly skippedReason?: string }
  | { readonly name: string; readonly kind: 'vitest'; readonly exitCode: number | null; readonly report?: VitestReport | null; readonly skippedReason?: string }
  | { readonly name: string; readonly kind: 'playwright'; readonly exitCode: number | null; readonly report?: PlaywrightReport | null; readonly skippedReason?: string };
export declare function summarize(steps: readonly Step[]): TestCounts & { readonly lines: string[] };
