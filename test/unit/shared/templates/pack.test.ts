import { describe, expect, it } from 'vitest';
import { builtinSourceFiles } from '../../../../shared/templates/builtin/index.js';
import { canonicalJson } from '../../../../shared/templates/canonical-json.js';
import { fromBase64, toBase64 } from '../../../../shared/templates/crypto.js';
import { buildPack, generateKeyPair, parsePack, serializePack, signPack, verifyPack, type TemplatePack } from '../../../../shared/templates/pack.js';

const INFO = { name: 'Bộ mẫu thử', version: '1.0.0', createdAt: '2026-01-15T00:00:00.000Z' };

async function signedPack() {
  const keys = await generateKeyPair();
  const built = await buildPack(builtinSourceFiles(), INFO);
  if (!built.ok) throw new Error('build');
  const pack = await signPack(built.value, keys.privateKey);
  return { keys, pack, text: serializePack(pack) };
}

describe('template packs', () => {
  it('canonical JSON sorts keys and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: undefined })).toBe('{"a":[true,null,"x"],"b":1}');
  });

  it('base64 round-trips every length', () => {
    for (let n = 0; n < 70; n += 1) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 37 + n) & 255);
      expect(fromBase64(toBase64(bytes))).toEqual(bytes);
      expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
  });

  it('builds a manifest with the sha-256 of each source, and verifies when signed', async () => {
    const { keys, pack, text } = await signedPack();
    expect(pack.manifest.templates).toHaveLength(13);
    expect(pack.manifest.templates.every((t) => /^[0-9a-f]{64}$/.test(t.sha256))).toBe(true);
    expect(pack.signature?.keyId).toBe(keys.publicKey.kid);
    const verified = await verifyPack(text, keys.publicKey);
    expect(verified.ok).toBe(true);
    if (verified.ok) expect(verified.value.templates.map((t) => t.meta.id)).toContain('NQ05-2017/27-HS');
  });

  it('refuses an unsigned pack and a pack signed by another key', async () => {
    const { pack } = await signedPack();
    const other = await generateKeyPair();
    const unsigned: TemplatePack = { ...pack, signature: null };
    const a = await verifyPack(serializePack(unsigned), other.publicKey);
    expect(!a.ok && a.error.messageVi).toContain('chưa được ký');
    const b = await verifyPack(serializePack(pack), other.publicKey);
    expect(!b.ok && b.error.messageVi).toContain('khóa khác');
  });

  it('refuses a forged signature made with another key but claiming the trusted key id', async () => {
    const { keys, pack } = await signedPack();
    const forger = await generateKeyPair();
    const forged = await signPack(pack, forger.privateKey);
    const tampered = { ...forged, signature: forged.signature && { ...forged.signature, keyId: keys.publicKey.kid ?? '' } };
    const result = await verifyPack(serializePack(tampered), keys.publicKey);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.messageVi).toBe('Bộ mẫu bị từ chối: chữ ký không hợp lệ. Không sử dụng bộ mẫu này.');
  });

  it('refuses a pack whose source was edited after signing, even with the manifest hash updated', async () => {
    const { keys, pack } = await signedPack();
    const file = pack.manifest.templates[0]?.file ?? '';
    const edited = { ...pack, sources: { ...pack.sources, [file]: `${pack.sources[file]}\nThêm một dòng.` } };
    const result = await verifyPack(serializePack(edited), keys.publicKey);
    expect(!result.ok && result.error.code).toBe('templatePack.hash');
  });

  it('fails verification when any single byte of the file is flipped', async () => {
    const { keys, text } = await signedPack();
    const bytes = new TextEncoder().encode(text);
    // Every region of the file: JSON syntax, manifest, a source, the signature.
    const positions = [0, 5, Math.floor(bytes.length / 3), Math.floor(bytes.length / 2), bytes.length - 40, bytes.length - 2];
    for (const position of positions) {
      for (const mask of [0x01, 0x20, 0xff]) {
        const copy = bytes.slice();
        copy[position] = (copy[position] ?? 0) ^ mask;
        const result = await verifyPack(copy, keys.publicKey);
        expect(result.ok, `byte ${position} ^ ${mask}`).toBe(false);
      }
    }
  });

  it('refuses a build with template errors, naming template, line and snippet', async () => {
    const result = await buildPack([{ file: 'x.tpl', text: 'id: X/1-DS\nversion: 1.0.0\neffective: 2026-01-01\ntitle: x\nkind: decision\ncaseTypes: DS\nlevels: ST\n---\n{{case.nope}}' }], INFO);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error[0]).toMatchObject({ templateId: 'X/1-DS', line: 9, snippet: '{{case.nope}}' });
  });

  it('parsePack refuses a file that is not the canonical serialisation', async () => {
    const { pack } = await signedPack();
    const pretty = JSON.stringify(pack, null, 2);
    const parsed = parsePack(pretty);
    expect(!parsed.ok && parsed.error.code).toBe('templatePack.altered');
  });
});
