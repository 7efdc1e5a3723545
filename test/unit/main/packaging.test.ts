// Packaging dry run (toolchain.md §2f): the real electron-builder packs `--linux dir` around a fake
// Electron (a shell script carrying a fuse wire, plus a `version` file), so we can check what
// app.asar holds, its size, the updater's app-update.yml and the flipped fuses without the Electron
// download. Skips, printing why, where electron-vite or electron-builder cannot run.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const require = createRequire(import.meta.url);

/** The largest app.asar we accept: renderer bundle, main, preload and electron-updater's few deps. */
const ASAR_BUDGET_BYTES = 10 * 1024 * 1024;
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Fuse wire v1 as Electron ships it: RunAsNode on, cookie encryption off, NODE_OPTIONS on, inspect on, asar integrity off, only-asar off, V8 snapshot off, file privileges on. */
const STOCK_WIRE = '10110001';

let work = '';
let skipReason: string | null = null;
let asarPath = '';
let unpacked = '';

function run(args: string[], timeout: number) {
  return spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', timeout, env: { ...process.env, CI: '1' } });
}

beforeAll(() => {
  const viteCli = path.join(ROOT, 'node_modules/electron-vite/bin/electron-vite.js');
  const builderCli = path.join(ROOT, 'node_modules/electron-builder/cli.js');
  if (!existsSync(viteCli) || !existsSync(builderCli)) {
    skipReason = 'electron-vite or electron-builder is not installed';
    return;
  }
  const build = run([viteCli, 'build'], 90_000);
  if (build.status !== 0) {
    skipReason = `electron-vite build failed: ${(build.stderr || build.stdout || String(build.error)).slice(-400)}`;
    return;
  }
  work = mkdtempSync(path.join(tmpdir(), 'courtdesk-pack-'));
  const electronDist = path.join(work, 'electron-dist');
  mkdirSync(electronDist);
  // A stand-in binary: a shell script that embeds a fuse wire, so @electron/fuses can flip it.
  writeFileSync(path.join(electronDist, 'electron'), `#!/bin/sh\n# ${SENTINEL}\x01\x08${STOCK_WIRE}\nexit 0\n`, 'latin1');
  chmodSync(path.join(electronDist, 'electron'), 0o755);
  writeFileSync(path.join(electronDist, 'version'), '45.5.0');
  const output = path.join(work, 'dist');
  const pack = run([builderCli, '--linux', 'dir', '--publish', 'never', `-c.electronDist=${electronDist}`, `-c.directories.output=${output}`], 90_000);
  unpacked = path.join(output, 'linux-unpacked');
  asarPath = path.join(unpacked, 'resources', 'app.asar');
  if (pack.status !== 0 || !existsSync(asarPath)) {
    skipReason = `electron-builder --linux dir failed: ${(pack.stderr || pack.stdout || String(pack.error)).slice(-400)}`;
  }
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Every package `name` needs at run time, following `dependencies` through node_modules. */
function runtimeClosure(names: readonly string[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...names];
  for (let name = queue.shift(); name; name = queue.shift()) {
    if (seen.has(name)) continue;
    seen.add(name);
    const manifest = path.join(ROOT, 'node_modules', name, 'package.json');
    if (!existsSync(manifest)) continue;
    const deps = (JSON.parse(readFileSync(manifest, 'utf8')) as { dependencies?: Record<string, string> }).dependencies ?? {};
    queue.push(...Object.keys(deps));
  }
  return seen;
}

describe('packaging dry run (electron-builder --linux dir, fake Electron)', () => {
  const guard = (ctx: { skip: (note?: string) => void }) => {
    if (skipReason) {
      console.warn(`[packaging] skipped: ${skipReason}`);
      ctx.skip(skipReason);
    }
  };

  it('puts the built app and package.json in app.asar, within the size budget', (ctx) => {
    guard(ctx);
    const { listPackage } = require('@electron/asar') as { listPackage(archive: string, options: object): string[] };
    const files = listPackage(asarPath, {}).map((f) => f.replaceAll('\\', '/'));
    for (const needed of ['/package.json', '/out/main/index.js', '/out/preload/index.cjs', '/out/renderer/index.html']) expect(files).toContain(needed);
    const size = statSync(asarPath).size;
    console.log(`[packaging] app.asar: ${files.length} entries, ${(size / 1024 / 1024).toFixed(2)} MiB`);
    expect(size).toBeLessThan(ASAR_BUDGET_BYTES);
  });

  it('ships no sources, tests, maps, web or bench builds', (ctx) => {
    guard(ctx);
    const { listPackage } = require('@electron/asar') as { listPackage(archive: string, options: object): string[] };
    const files = listPackage(asarPath, {}).map((f) => f.replaceAll('\\', '/'));
    const leaks = files.filter(
      (f) => /^\/(main|preload|renderer|shared|server|test|bench|scripts|docs|build-resources)(\/|$)/.test(f) || /^\/out\/(web|bench)(\/|$)/.test(f) || /\.map$/.test(f) || (/\.tsx?$/.test(f) && !/\.d\.ts$/.test(f)),
    );
    expect(leaks).toEqual([]);
  });

  it('holds only the runtime dependencies (electron-updater and what it needs), no renderer library', (ctx) => {
    guard(ctx);
    const { listPackage } = require('@electron/asar') as { listPackage(archive: string, options: object): string[] };
    const files = listPackage(asarPath, {}).map((f) => f.replaceAll('\\', '/'));
    const packages = new Set(files.map((f) => /^\/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(f)?.[1]).filter((n): n is string => n !== undefined));
    const runtime = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const allowed = runtimeClosure(Object.keys(runtime.dependencies));
    expect(packages.has('electron-updater')).toBe(true);
    expect([...packages].filter((name) => !allowed.has(name))).toEqual([]);
    for (const library of ['react', 'react-dom', 'dexie', 'yjs', 'zod', 'fflate', 'electron', 'better-sqlite3', 'vite']) expect(packages.has(library)).toBe(false);
  });

  it('writes app-update.yml for the generic provider at the placeholder address', (ctx) => {
    guard(ctx);
    const yml = readFileSync(path.join(unpacked, 'resources', 'app-update.yml'), 'utf8');
    expect(yml).toMatch(/^provider: generic$/m);
    expect(yml).toMatch(/^url: http:\/\/127\.0\.0\.1:1234\/updates$/m);
  });

  it('flips the hardening fuses in the Electron binary', (ctx) => {
    guard(ctx);
    const binary = readFileSync(path.join(unpacked, 'courtdesk'), 'latin1');
    const at = binary.indexOf(SENTINEL) + SENTINEL.length;
    const wire = binary.slice(at + 2, at + 2 + 8);
    // RunAsNode 0, cookie encryption 1, NODE_OPTIONS 0, inspect 0, asar integrity 1, only asar 1, V8 snapshot untouched, file privileges 0.
    expect(wire).toBe('01001100');
  });
});
