import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CourtFileSchema } from '../../../shared/domain/schemas.js';
import { generateCourt } from '../../../shared/demo/index.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function demo(...args: string[]): Run {
  const run = spawnSync(process.execPath, [TSX, 'scripts/demo.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The same, without blocking, so independent runs share the wait for tsx to start. */
function demoAsync(args: readonly string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [TSX, 'scripts/demo.ts', ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'courtdesk-demo-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('npm run demo', () => {
  it('writes a valid court file and prints a one-line summary', () => {
    const out = path.join(dir, 'court.json');
    const run = demo('--cases', '40', '--seed', '5', '--out', out, '--today', '2025-11-28');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toMatch(/^Đã ghi .*: 40 vụ án, \d+ cán bộ/);
    const file = CourtFileSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(file.cases).toHaveLength(40);
    expect(file.seed).toBe(5);
    // The same bytes as the library gives: the CLI adds nothing of its own.
    expect(readFileSync(out, 'utf8')).toBe(JSON.stringify(generateCourt({ cases: 40, seed: 5, today: '2025-11-28' })));
    // Atomic write: no temp file left beside the target.
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('defaults to 300 cases, seed 1 and today, replacing an existing file whole', () => {
    const out = path.join(dir, 'default.json');
    writeFileSync(out, 'old content');
    const run = demo('--out', out);
    expect(run.code).toBe(0);
    const file = CourtFileSchema.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(file.cases).toHaveLength(300);
    expect(file.seed).toBe(1);
    // Today in Vietnam (UTC+7); a run that straddles midnight may have seen the day before.
    const vietnamDay = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
    const generatedOn = vietnamDay(Date.parse(file.generatedAt));
    expect([vietnamDay(Date.now()), vietnamDay(Date.now() - 120_000)]).toContain(generatedOn);
  });

  const BAD_ARGS: ReadonlyArray<readonly [readonly string[], RegExp]> = [
    [['--cases', 'abc', '--out', 'x.json'], /--cases phải là số nguyên/],
    [['--cases', '-5', '--out', 'x.json'], /--cases phải là số nguyên/],
    [['--cases', '10', '--out'], /Thiếu đường dẫn tệp cho --out/],
    [['--cases', '10'], /Thiếu --out/],
    [['--seed', '1.5', '--out', 'x.json'], /--seed phải là số nguyên/],
    [['--out', 'x.json', '--today', '2025-02-30'], /ngày có thật/],
    [['--out', 'x.json', '--bogus'], /Không hiểu tham số "--bogus"/],
  ];

  it('refuses bad arguments with one Vietnamese-then-English line, no stack, exit code 2', async () => {
    const runs: Run[] = [];
    // Three at a time: the machine has two cores and tsx takes a while to start.
    for (let i = 0; i < BAD_ARGS.length; i += 3) {
      runs.push(...(await Promise.all(BAD_ARGS.slice(i, i + 3).map(([args]) => demoAsync(args)))));
    }
    BAD_ARGS.forEach(([args, message], i) => {
      const run = runs[i]!;
      const label = args.join(' ');
      expect(run.code, label).toBe(2);
      expect(run.stdout, label).toBe('');
      const lines = run.stderr.trim().split('\n');
      expect(lines, label).toHaveLength(1);
      expect(lines[0], label).toMatch(/^Lỗi: .* \/ Error: /);
      expect(lines[0], label).toMatch(message);
      expect(run.stderr, label).not.toMatch(/\bat .*\.ts:\d+/);
    });
    expect(existsSync(path.join(ROOT, 'x.json'))).toBe(false);
  }, 120_000);

  it('refuses an unwritable path with exit code 2', () => {
    const missing = demo('--cases', '2', '--out', path.join(dir, 'no-such-dir', 'court.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^Lỗi: Không ghi được tệp .* \/ Error: Cannot write/);

    const readOnly = path.join(dir, 'read-only');
    spawnSync('mkdir', [readOnly]);
    chmodSync(readOnly, 0o555);
    // Root ignores directory permissions; the check above already covers the failure path then.
    if (process.getuid?.() !== 0) {
      const denied = demo('--cases', '2', '--out', path.join(readOnly, 'court.json'));
      expect(denied.code).toBe(2);
      expect(denied.stderr).toMatch(/Không ghi được tệp/);
    }
  });
});
