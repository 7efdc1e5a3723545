import { describe, expect, it } from 'vitest';
import { countPlaywright, countVitest, summarize, type PlaywrightReport, type VitestReport } from '../../../scripts/test-all.mjs';

// Trimmed copies of real reports (vitest 4.1.12 `--reporter=json`, Playwright 1.65.1 json).
const vitestGreen = {
  numTotalTestSuites: 3,
  numPassedTestSuites: 3,
  numFailedTestSuites: 0,
  numPendingTestSuites: 0,
  numTotalTests: 12,
  numPassedTests: 12,
  numFailedTests: 0,
  numPendingTests: 0,
  numTodoTests: 0,
  success: true,
  testResults: [
    {
      status: 'passed',
      message: '',
      name: '/work/main/test/unit/scripts/serve-static.test.ts',
      assertionResults: [{ ancestorTitles: ['serveStatic'], status: 'passed', title: 'serves files with their MIME types', failureMessages: [] }],
    },
  ],
};

const vitestMixed: VitestReport = {
  numPassedTests: 7,
  numFailedTests: 2,
  numPendingTests: 3,
  numTodoTests: 1,
  testResults: [
    { status: 'failed', assertionResults: [{ status: 'passed' }, { status: 'failed' }, { status: 'failed' }] },
    // A file that failed to import: no test inside failed, but the file did.
    { status: 'failed', assertionResults: [] },
    { status: 'passed', assertionResults: [{ status: 'passed' }, { status: 'skipped' }] },
  ],
};

const playwrightMixed = {
  stats: { startTime: '2026-11-28T13:56:55.995Z', duration: 1361.99, expected: 1, skipped: 1, unexpected: 1, flaky: 0 },
  errors: [],
};

const playwrightBrokenFile: PlaywrightReport = {
  stats: { expected: 0, skipped: 0, unexpected: 0, flaky: 0 },
  errors: [{ message: 'Error: broken file', stack: 'Error: broken file\n    at /tmp/e2e/b.spec.ts:2:7' }],
};

describe('countVitest', () => {
  it('reads the totals of a green run', () => {
    expect(countVitest(vitestGreen)).toEqual({ passed: 12, failed: 0, skipped: 0 });
  });

  it('counts a file that failed to load, and pending + todo as skipped', () => {
    expect(countVitest(vitestMixed)).toEqual({ passed: 7, failed: 3, skipped: 4 });
  });
});

describe('countPlaywright', () => {
  it('reads expected / unexpected / skipped', () => {
    expect(countPlaywright(playwrightMixed)).toEqual({ passed: 1, failed: 1, skipped: 1 });
  });

  it('counts flaky as passed and top-level errors as failures', () => {
    expect(countPlaywright({ stats: { expected: 4, unexpected: 0, flaky: 2, skipped: 0 } })).toEqual({ passed: 6, failed: 0, skipped: 0 });
    expect(countPlaywright(playwrightBrokenFile)).toEqual({ passed: 0, failed: 1, skipped: 0 });
    expect(countPlaywright({ stats: { expected: 0, unexpected: 0, flaky: 0, skipped: 0 }, errors: [{ message: 'Error: No tests found' }] })).toEqual({
      passed: 0,
      failed: 1,
      skipped: 0,
    });
  });
});

describe('summarize', () => {
  it('adds vitest and Playwright up and ends with the two summary lines', () => {
    const result = summarize([
      { name: 'lint', kind: 'check', exitCode: 0 },
      { name: 'typecheck', kind: 'check', exitCode: 0 },
      { name: 'vitest', kind: 'vitest', exitCode: 0, report: vitestGreen },
      { name: 'build', kind: 'check', exitCode: 0 },
      { name: 'playwright', kind: 'playwright', exitCode: 1, report: playwrightMixed },
    ]);
    expect(result).toMatchObject({ passed: 13, failed: 1, skipped: 1 });
    expect(result.lines.at(-2)).toBe('1 skipped');
    expect(result.lines.at(-1)).toBe('13 passed, 1 failed');
  });

  it('counts a failed lint, typecheck or build as one failure each and reports a step that did not run', () => {
    const result = summarize([
      { name: 'lint', kind: 'check', exitCode: 1 },
      { name: 'typecheck', kind: 'check', exitCode: 2 },
      { name: 'vitest', kind: 'vitest', exitCode: 0, report: vitestGreen },
      { name: 'build', kind: 'check', exitCode: 1 },
      { name: 'playwright', kind: 'playwright', exitCode: null, skippedReason: 'build failed' },
    ]);
    expect(result.lines.at(-1)).toBe('12 passed, 3 failed');
    expect(result.lines.some((line) => line.includes('playwright') && line.includes('build failed'))).toBe(true);
  });

  it('never reads a missing report or a non-zero exit with green tests as success', () => {
    const result = summarize([
      { name: 'vitest', kind: 'vitest', exitCode: 1, report: vitestGreen },
      { name: 'playwright', kind: 'playwright', exitCode: 1, report: null },
    ]);
    expect(result.lines.at(-1)).toBe('12 passed, 2 failed');
  });

  it('prints zeroes when nothing failed and nothing was skipped', () => {
    const result = summarize([{ name: 'vitest', kind: 'vitest', exitCode: 0, report: vitestGreen }]);
    expect(result.lines.slice(-2)).toEqual(['0 skipped', '12 passed, 0 failed']);
    expect(result.failed).toBe(0);
  });
});
