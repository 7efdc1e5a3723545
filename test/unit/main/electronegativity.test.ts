// Electron security scanner in `npm test` (issue #7): @doyensec/electronegativity over the desktop
// sources (main/, preload/, renderer/ with its index.html CSP), assumed Electron = the version in
// package.json. Zero findings above LOW; every LOW finding's check id, and every check switched off
// inline with `eng-disable` after a manual review, has a row in docs/SECURITY.md's scanner table.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SCANNED = ['main', 'preload', 'renderer'];
const SCANNER = path.join(ROOT, 'node_modules/@doyensec/electronegativity');

interface Finding {
  readonly id: string;
  readonly severity: string;
  readonly confidence: string;
  readonly file: string;
  readonly line: number;
  readonly sample: string;
}
interface Report {
  readonly findings: readonly Finding[];
  readonly errors: readonly { file: string; message: string; tolerable: boolean }[];
  readonly checks: number;
}

// Runs in a child process: the scanner installs globals (its i18n `__`) and logs freely.
const RUNNER = `
const run = require(process.argv[1]);
run({ input: process.argv[2], isRelative: true, customScan: [], excludeFromScan: [], parserPlugins: [], electronVersionOverride: process.argv[3] })
  .then((r) => {
    const findings = r.issues.map((i) => ({ id: i.id, severity: i.severity.name, confidence: i.confidence.name, file: i.file, line: i.location.line, sample: String(i.sample || '').slice(0, 160) }));
    process.stdout.write('\\n@@REPORT@@' + JSON.stringify({ findings, errors: r.errors, checks: r.globalChecks + r.atomicChecks }));
  })
  .catch((e) => { console.error(e); process.exit(2); });
`;

let work = '';
let report: Report;

/** Source files only: no build output folders inside the zones. */
const copyFilter = (src: string) => !/[\\/](out|dist|node_modules)([\\/]|$)/.test(path.relative(ROOT, src));

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'courtdesk-eneg-'));
  for (const zone of SCANNED) cpSync(path.join(ROOT, zone), path.join(work, zone), { recursive: true, filter: copyFilter });
  const electron = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { devDependencies?: Record<string, string> }).devDependencies?.electron ?? '';
  const version = electron.replace(/^[^\d]*/, '');
  // The scanner tries to fetch translations and Electron's release list; offline both fail fast.
  const child = spawnSync(process.execPath, ['-e', RUNNER, SCANNER, work, version], { encoding: 'utf8', timeout: 150_000, maxBuffer: 32 * 1024 * 1024 });
  const at = child.stdout.indexOf('@@REPORT@@');
  if (at < 0) throw new Error(`electronegativity did not report (status ${String(child.status)}): ${child.stderr.slice(-800)}`);
  report = JSON.parse(child.stdout.slice(at + '@@REPORT@@'.length)) as Report;
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Check ids in the first column of the table under "## Security scanner" in docs/SECURITY.md. */
function explainedIds(): Set<string> {
  const doc = readFileSync(path.join(ROOT, 'docs/SECURITY.md'), 'utf8');
  const section = doc.split(/^## /m).find((s) => s.startsWith('Security scanner')) ?? '';
  return new Set([...section.matchAll(/^\|\s*`?([A-Z_]+_CHECK)`?\s*\|/gm)].map((m) => m[1] ?? ''));
}

/** Every `eng-disable CHECK_ID` directive left in the scanned sources. */
function inlineDisabled(): { id: string; file: string }[] {
  const out: { id: string; file: string }[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (!copyFilter(full)) continue;
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(ts|tsx|js|cjs|mjs|html)$/.test(name)) {
        for (const m of readFileSync(full, 'utf8').matchAll(/eng-disable[ \t]+([A-Z_ \t,]+)/g)) {
          for (const id of (m[1] ?? '').split(/[\s,]+/).filter(Boolean)) out.push({ id, file: path.relative(ROOT, full) });
        }
      }
    }
  };
  for (const zone of SCANNED) walk(path.join(ROOT, zone));
  return out;
}

describe('electronegativity', () => {
  it('is installed at the pinned version', () => {
    expect(existsSync(SCANNER)).toBe(true);
    expect((JSON.parse(readFileSync(path.join(SCANNER, 'package.json'), 'utf8')) as { version: string }).version).toBe('1.10.3');
  });

  it('ran its checks over every source file without a parse failure', () => {
    expect(report.checks).toBeGreaterThan(30);
    expect(report.errors.filter((e) => !e.tolerable)).toEqual([]);
  });

  it('finds nothing above LOW', () => {
    const serious = report.findings.filter((f) => f.severity !== 'LOW' && f.severity !== 'INFORMATIONAL');
    expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);
  });

  it('explains every LOW finding in docs/SECURITY.md', () => {
    const explained = explainedIds();
    const unexplained = report.findings.filter((f) => !explained.has(f.id));
    expect(unexplained, JSON.stringify(unexplained, null, 2)).toEqual([]);
  });

  it('explains every check switched off inline after review', () => {
    const explained = explainedIds();
    const disabled = inlineDisabled();
    expect(disabled.filter((d) => !explained.has(d.id))).toEqual([]);
  });
});
