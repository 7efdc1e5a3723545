// `npm test`: the one test command of the README and of CI (.ci/run). Runs, in order:
//   lint → typecheck → vitest → renderer build (out/web) → Playwright,
// streaming each step's output, and keeps going after a failure so the summary always prints.
// The summary's LAST line is exactly `N passed, N failed` (vitest + Playwright tests; a lint,
// typecheck or build failure counts as one failed each); the line before it is `N skipped`.
// Exit code is non-zero when anything failed.
import { spawn } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = path.resolve(import.meta.dirname, '..');
export const VITEST_JSON = 'test-results/vitest.json';
export const PLAYWRIGHT_JSON = 'test-results/playwright.json';

/**
 * Counts of a vitest JSON report (`--reporter=json`). A test file that fails before any test runs
 * (import error, syntax error) has status "failed" and no failed test in it: that counts as one
 * failure, or it would vanish from the total.
 */
export function countVitest(report) {
  const passed = report.numPassedTests ?? 0;
  let failed = report.numFailedTests ?? 0;
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  for (const file of report.testResults ?? []) {
    const anyTestFailed = (file.assertionResults ?? []).some((t) => t.status === 'failed');
    if (file.status === 'failed' && !anyTestFailed) failed += 1;
  }
  return { passed, failed, skipped };
}

/**
 * Counts of a Playwright JSON report. `flaky` tests passed on a retry: they count as passed.
 * Top-level `errors` (a test file that does not load, a webServer that does not start, no tests
 * found) count as one failure each.
 */
export function countPlaywright(report) {
  const stats = report.stats ?? {};
  const passed = (stats.expected ?? 0) + (stats.flaky ?? 0);
  const failed = (stats.unexpected ?? 0) + (report.errors?.length ?? 0);
  const skipped = stats.skipped ?? 0;
  return { passed, failed, skipped };
}

/**
 * The final tally, from each step's exit code and the parsed reports. Pure, so it is unit-tested.
 *
 * @param {{ name: string, exitCode: number | null, kind: 'check' | 'vitest' | 'playwright', report?: object | null, skippedReason?: string }[]} steps
 *   `exitCode: null` means the step did not run (`skippedReason` says why).
 * @returns {{ passed: number, failed: number, skipped: number, lines: string[] }} `lines` ends
 *   with `N skipped` and then `N passed, N failed`.
 */
export function summarize(steps) {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const lines = [];
  for (const step of steps) {
    if (step.exitCode === null) {
      lines.push(`- ${step.name}: bỏ qua — not run (${step.skippedReason ?? 'skipped'})`);
      continue;
    }
    if (step.kind === 'check') {
      if (step.exitCode === 0) lines.push(`- ${step.name}: ok`);
      else {
        failed += 1;
        lines.push(`- ${step.name}: LỖI — FAILED (exit ${step.exitCode})`);
      }
      continue;
    }
    if (!step.report) {
      // No report at all: the runner crashed or did not start. That is a failure, not zero tests.
      failed += 1;
      lines.push(`- ${step.name}: LỖI — no JSON report (exit ${step.exitCode})`);
      continue;
    }
    const counts = step.kind === 'vitest' ? countVitest(step.report) : countPlaywright(step.report);
    passed += counts.passed;
    failed += counts.failed;
    skipped += counts.skipped;
    let note = '';
    if (step.exitCode !== 0 && counts.failed === 0) {
      // E.g. vitest's "unhandled errors" exit 1 with every test green: still a failure.
      failed += 1;
      note = ` + 1 failed: exit ${step.exitCode} with no failed test (unhandled error?)`;
    }
    lines.push(`- ${step.name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped${note}`);
  }
  lines.push(`${skipped} skipped`);
  lines.push(`${passed} passed, ${failed} failed`);
  return { passed, failed, skipped, lines };
}

/** Runs a command with its output streamed to ours; resolves to its exit code. */
function run(command, args) {
  return new Promise((resolve) => {
    console.log(`\n▶ ${command} ${args.join(' ')}`);
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
    child.on('error', (error) => {
      console.error(`Không chạy được ${command} — could not start ${command}: ${error.message}`);
      resolve(127);
    });
    child.on('close', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
  });
}

async function readJson(relative) {
  try {
    return JSON.parse(await readFile(path.join(ROOT, relative), 'utf8'));
  } catch {
    return null;
  }
}

async function main() {
  // Stale reports from an earlier run must never be counted as this run's results.
  await rm(path.join(ROOT, VITEST_JSON), { force: true });
  await rm(path.join(ROOT, PLAYWRIGHT_JSON), { force: true });

  const steps = [];
  steps.push({ name: 'lint (eslint)', kind: 'check', exitCode: await run('npm', ['run', 'lint']) });
  steps.push({ name: 'typecheck', kind: 'check', exitCode: await run(process.execPath, ['scripts/typecheck.mjs']) });

  const vitestExit = await run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${VITEST_JSON}`]);
  steps.push({ name: 'vitest', kind: 'vitest', exitCode: vitestExit, report: await readJson(VITEST_JSON) });

  const buildExit = await run('npx', ['vite', 'build', '-c', 'vite.renderer.config.ts']);
  steps.push({ name: 'build (out/web)', kind: 'check', exitCode: buildExit });

  if (buildExit === 0) {
    const playwrightExit = await run('npx', ['playwright', 'test']);
    steps.push({ name: 'playwright', kind: 'playwright', exitCode: playwrightExit, report: await readJson(PLAYWRIGHT_JSON) });
  } else {
    // Without a build every web test would fail for the same reason; the build failure is counted.
    steps.push({ name: 'playwright', kind: 'playwright', exitCode: null, skippedReason: 'build failed' });
  }

  const { failed, lines } = summarize(steps);
  console.log('\n── Tổng kết — summary ──');
  for (const line of lines) console.log(line);
  process.exitCode = failed > 0 ? 1 : 0;
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  await main();
}
