// scripts/validate-eb.cjs checks electron-builder.yml against electron-builder's own schema; this
// test runs it as `npm run validate:builder` would, and pins the security-relevant settings.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');

describe('electron-builder.yml', () => {
  it('passes electron-builder schema validation', () => {
    const run = spawnSync(process.execPath, ['scripts/validate-eb.cjs'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).not.toMatch(/INVALID/);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('OK');
  });

  it('fails validation on a misspelt key', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'courtdesk-eb-'));
    const bad = path.join(dir, 'electron-builder.bad.yml');
    writeFileSync(bad, readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8').replace(/^linux:\n {2}target:/m, 'linux:\n  targt:'));
    const run = spawnSync(process.execPath, ['scripts/validate-eb.cjs', bad], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    rmSync(dir, { recursive: true, force: true });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/INVALID/);
  });

  it('ships only the build output, in an asar, with the hardening fuses', () => {
    const yml = readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8');
    expect(yml).toMatch(/^asar: true$/m);
    expect(yml).toMatch(/^appId: vn\.courtdesk\.app$/m);
    for (const fuse of ['runAsNode: false', 'enableNodeOptionsEnvironmentVariable: false', 'enableNodeCliInspectArguments: false', 'enableEmbeddedAsarIntegrityValidation: true', 'onlyLoadAppFromAsar: true']) {
      expect(yml).toContain(fuse);
    }
  });

  it('builds a per-user Vietnamese NSIS installer for x64, AppImage and deb, and publishes to a generic feed', () => {
    const yml = readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8');
    expect(yml).toMatch(/^win:\n {2}target:\n {4}- target: nsis\n {6}arch:\n {8}- x64$/m);
    expect(yml).toMatch(/^nsis:\n {2}oneClick: true$/m);
    expect(yml).toMatch(/^ {2}perMachine: false$/m);
    expect(yml).toMatch(/^ {2}language: "1066"/m);
    expect(yml).toMatch(/^ {2}installerLanguages:\n {4}- vi_VN$/m);
    expect(yml).toMatch(/^linux:\n {2}target:\n {4}- AppImage\n {4}- deb$/m);
    expect(yml).toMatch(/^ {2}maintainer: .+<.+@.+>$/m);
    expect(yml).toMatch(/^publish:\n {2}provider: generic\n {2}url: http:\/\/127\.0\.0\.1:1234\/updates$/m);
    expect(yml).toMatch(/^ {2}buildResources: build-resources$/m);
    expect(readFileSync(path.join(ROOT, 'build-resources/icon.png')).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  });
});
