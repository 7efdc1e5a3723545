import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCourt } from '../../../shared/demo/index.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function deadlines(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [TSX, 'scripts/deadlines.ts', ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let dir: string;
let courtFile: string;
let caseFile: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'courtdesk-deadlines-'));
  courtFile = path.join(dir, 'court.json');
  writeFileSync(courtFile, JSON.stringify(generateCourt({ cases: 30, seed: 4, today: '2025-11-28' })));
  caseFile = path.join(dir, 'case.json');
  writeFileSync(
    caseFile,
    JSON.stringify({
      id: 'c-1',
      courtId: 'court',
      type: 'DS',
      level: 'ST',
      acceptanceNumber: '12/2025/TLST-DS',
      acceptanceDate: '2025-01-23',
      subject: 'V/v tranh chấp hợp đồng vay tài sản',
      createdAt: '2025-01-23T01:00:00Z',
      updatedAt: '2025-01-23T01:00:00Z',
    }),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run deadlines', () => {
  it('prints the deadlines of every case of a court file as JSON', async () => {
    const run = await deadlines('--case', courtFile, '--today', '2025-11-28');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as { today: string; cases: { caseId: string; deadlines: { ruleId: string; basis: string; startEvent: string; startDate: string; dueDate: string | null; daysLeft: number | null }[] }[] };
    expect(out.today).toBe('2025-11-28');
    expect(out.cases).toHaveLength(30);
    const all = out.cases.flatMap((c) => c.deadlines);
    expect(all.length).toBeGreaterThan(30);
    for (const d of all) {
      expect(d.ruleId).toMatch(/^[a-z]/);
      expect(d.basis).toMatch(/Điều|Nghị quyết/);
      expect(d.startDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (d.dueDate !== null) expect(d.daysLeft).toBe(Math.round((Date.parse(d.dueDate) - Date.parse('2025-11-28')) / 86_400_000));
    }
  });

  it('filters one case, and reads a single case file', async () => {
    const [one, single] = await Promise.all([
      deadlines('--case', courtFile, '--case-id', 'c-000002', '--today', '2025-11-28'),
      deadlines('--case', caseFile, '--today', '2025-01-24'),
    ]);
    expect(one.code).toBe(0);
    expect((JSON.parse(one.stdout) as { cases: { caseId: string }[] }).cases.map((c) => c.caseId)).toEqual(['c-000002']);
    expect(single.code).toBe(0);
    const notice = (JSON.parse(single.stdout) as { cases: { deadlines: { ruleId: string; dueDate: string; daysLeft: number }[] }[] }).cases[0]!.deadlines[0];
    expect(notice).toMatchObject({ ruleId: 'ds.st.acceptance-notice', dueDate: '2025-02-04', daysLeft: 11 });
  });

  it('refuses bad arguments with one Vietnamese + English line and exit code 2', async () => {
    const runs = await Promise.all([
      deadlines(),
      deadlines('--case', courtFile, '--today', '2025-02-30'),
      deadlines('--case', courtFile, '--case-id', 'nope', '--today', '2025-11-28'),
      deadlines('--case', path.join(dir, 'missing.json')),
      deadlines('--case', courtFile, '--frobnicate'),
    ]);
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/^Lỗi: .* \/ Error: /);
    }
  });
});
