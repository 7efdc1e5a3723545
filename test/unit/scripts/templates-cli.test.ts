// End-to-end checks of `npm run templates`: the court-IT workflow keygen → export → build → sign →
// verify, a corrupted pack refused with exit 1, bad arguments with exit 2, list and render.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateCourt } from '../../../shared/demo/index.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const work = mkdtempSync(path.join(tmpdir(), 'courtdesk-templates-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [TSX, path.join(ROOT, 'scripts/templates.ts'), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

const at = (name: string) => path.join(work, name);

describe('npm run templates', { timeout: 120_000 }, () => {
  it('keygen, export, build, sign and verify a pack', () => {
    expect(cli('keygen', '--out', at('key')).code).toBe(0);
    expect(JSON.parse(readFileSync(at('key'), 'utf8'))).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
    expect(JSON.parse(readFileSync(at('key.pub'), 'utf8')).d).toBeUndefined();
    expect(statSync(at('key')).mode & 0o077).toBe(0);

    expect(cli('export', '--out', at('src')).code).toBe(0);
    const files = readdirSync(at('src'));
    expect(files).toContain('NQ01-2017_48-DS.tpl');
    expect(files).toHaveLength(13);

    expect(cli('build', '--src', at('src'), '--out', at('pack.json')).code).toBe(0);
    const unsigned = cli('verify', '--pack', at('pack.json'), '--pubkey', at('key.pub'));
    expect(unsigned.code).toBe(1);
    expect(unsigned.err).toContain('chưa được ký');

    expect(cli('sign', '--pack', at('pack.json'), '--key', at('key')).code).toBe(0);
    const ok = cli('verify', '--pack', at('pack.json'), '--pubkey', at('key.pub'));
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toContain('Bộ mẫu hợp lệ: 13 mẫu');
  });

  it('refuses a pack with one flipped byte, with a Vietnamese message and exit 1', () => {
    const bytes = readFileSync(at('pack.json'));
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] ?? 0) ^ 0x01;
    writeFileSync(at('flipped.json'), bytes);
    const result = cli('verify', '--pack', at('flipped.json'), '--pubkey', at('key.pub'));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^Lỗi: Bộ mẫu bị từ chối/m);
  });

  it('reports template errors with id, line and snippet when building, exit 1', () => {
    const source = readFileSync(path.join(at('src'), 'NQ01-2017_52-DS.tpl'), 'utf8').replace('{{case.judgmentNumber}}', '{{case.judgmentNo}}');
    writeFileSync(path.join(at('src'), 'NQ01-2017_52-DS.tpl'), source);
    const result = cli('build', '--src', at('src'), '--out', at('bad.json'));
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/NQ01-2017\/52-DS, dòng \d+: trường không tồn tại.*«\{\{case\.judgmentNo\}\}»/);
  });

  it('exits 2 with a one-line message on bad arguments or unreadable files', () => {
    for (const args of [['verify', '--pack', at('pack.json')], ['frobnicate'], ['verify', '--pack', at('nope.json'), '--pubkey', at('key.pub')], ['publish']]) {
      const result = cli(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err.trim().split('\n')).toHaveLength(1);
      expect(result.err).toMatch(/^Lỗi: .* \/ Error: /);
    }
  });

  it('lists the built-in pack and a verified pack', () => {
    const builtin = cli('list');
    expect(builtin.code).toBe(0);
    expect(builtin.out).toContain('NQ05-2017/22-HS\t1.0.0\t2025-07-01\tBiên bản phiên tòa hình sự sơ thẩm');
    const packed = cli('list', '--pack', at('pack.json'), '--pubkey', at('key.pub'));
    expect(packed.out.trim().split('\n')).toHaveLength(13);
  });

  it('renders a template for a case of a court file, as text and as JSON', () => {
    writeFileSync(at('court.json'), JSON.stringify(generateCourt({ cases: 120, seed: 3, today: '2026-01-15' })));
    const text = cli('render', '--template', 'NQ01-2017/52-DS', '--case', at('court.json'), '--out', at('out.txt'));
    expect(text.code, text.err).toBe(0);
    const rendered = readFileSync(at('out.txt'), 'utf8');
    expect(rendered).toContain('NHÂN DANH');
    expect(rendered).toContain('TÒA ÁN NHÂN DÂN');
    const json = cli('render', '--template', 'NQ05-2017/22-HS', '--case', at('court.json'), '--out', at('out.json'));
    expect(json.code, json.err).toBe(0);
    const doc = JSON.parse(readFileSync(at('out.json'), 'utf8'));
    expect(doc).toMatchObject({ type: 'doc', attrs: { templateId: 'NQ05-2017/22-HS' } });
    // A hearing's end time is not in the case data: it is reported and marked, never left blank.
    expect(json.out).toContain('thiếu: Giờ kết thúc phiên');
    const unknown = cli('render', '--template', 'NQ99/1-DS', '--case', at('court.json'), '--out', at('x.txt'));
    expect(unknown.code).toBe(2);
  });
});
