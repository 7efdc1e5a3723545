import { beforeAll, describe, expect, it } from 'vitest';
import { identifyPack, verifyAnyPack } from '../../../../shared/packs/verify.js';
import { parseTrustedKeys, type TrustedKey } from '../../../../shared/packs/trusted-keys.js';
import { ADDED_SENTENCE, deadlinePackFile, flipOneByte, makeKeys, MINUTES_ID, PACK_NAME, templatePackFile } from './fixtures.js';
import type { KeyPair } from '../../../../shared/templates/pack.js';

let pair: KeyPair;
let trusted: readonly TrustedKey[];
let otherTrusted: readonly TrustedKey[];
let signed: string;

beforeAll(async () => {
  ({ pair, trusted } = await makeKeys());
  ({ trusted: otherTrusted } = await makeKeys());
  signed = await templatePackFile({ packVersion: '2026.1', templateVersion: '2.0.0', key: pair.privateKey });
});

describe('identifyPack', () => {
  it('reads kind, id, version and signer without verifying', () => {
    const id = identifyPack(signed);
    expect(id.ok && id.value).toMatchObject({ kind: 'templates', packId: PACK_NAME, version: '2026.1', keyId: trusted[0]!.kid });
  });

  it('refuses what is not a pack, in Vietnamese', () => {
    for (const text of ['{"format":"other"}', 'not json', '{"format":"courtdesk.templatePack","manifest":{}}']) {
      const id = identifyPack(text);
      expect(id.ok).toBe(false);
      if (!id.ok) expect(id.error.messageVi).toMatch(/^Tệp không phải bộ mẫu/);
    }
  });
});

describe('verifyAnyPack', () => {
  it('verifies a template pack with the key its signature names, among several', async () => {
    const result = await verifyAnyPack(signed, [...otherTrusted, ...trusted]);
    expect(result.ok).toBe(true);
    if (result.ok && result.value.kind === 'templates') {
      expect(result.value.keyId).toBe(trusted[0]!.kid);
      expect(result.value.templates.map((t) => `${t.meta.id} ${t.meta.version}`)).toEqual([`${MINUTES_ID} 2.0.0`]);
    }
  });

  it('verifies a deadline pack and returns its tables', async () => {
    const file = await deadlinePackFile({ version: '2026.1', key: pair.privateKey, holidaysVersion: '2026.1' });
    const result = await verifyAnyPack(file, trusted);
    expect(result.ok && result.value.kind).toBe('deadlines');
    if (result.ok && result.value.kind === 'deadlines') expect(result.value.tables.holidaysVersion).toBe('2026.1');
  });

  it('refuses one flipped byte, an unsigned pack, an untrusted key and an empty trust list', async () => {
    const flipped = await verifyAnyPack(flipOneByte(signed), trusted);
    expect(flipped.ok).toBe(false);
    if (!flipped.ok) expect(flipped.error.messageVi).toMatch(/^Bộ mẫu bị từ chối/);

    const unsigned = await verifyAnyPack(await templatePackFile({ packVersion: '2026.1', templateVersion: '2.0.0' }), trusted);
    expect(!unsigned.ok && unsigned.error.messageVi).toBe('Bộ mẫu bị từ chối: bộ mẫu chưa được ký');

    const untrusted = await verifyAnyPack(signed, otherTrusted);
    expect(!untrusted.ok && untrusted.error.messageVi).toMatch(/khóa khác với khóa tin cậy/);

    const none = await verifyAnyPack(signed, []);
    expect(!none.ok && none.error.code).toBe('packs.noTrustedKey');
  });

  it('the flipped byte lands in the new sentence, so the test is about content', () => {
    const text = new TextDecoder().decode(flipOneByte(signed));
    expect(text).not.toContain(ADDED_SENTENCE);
  });
});

describe('parseTrustedKeys', () => {
  it('takes one key, a list or a JWK set, de-duplicated, with computed key ids', async () => {
    const one = JSON.stringify(pair.publicKey);
    for (const text of [one, `[${one},${one}]`, `{"keys":[${one}]}`]) {
      const keys = await parseTrustedKeys(text);
      expect(keys.ok && keys.value.map((k) => k.kid)).toEqual([trusted[0]!.kid]);
    }
  });

  it('refuses a private key, a non-Ed25519 key and garbage, in Vietnamese', async () => {
    const privateKey = await parseTrustedKeys(JSON.stringify(pair.privateKey));
    expect(!privateKey.ok && privateKey.error.messageVi).toMatch(/khóa BÍ MẬT/);
    const rsa = await parseTrustedKeys('{"kty":"RSA","n":"x","e":"AQAB"}');
    expect(!rsa.ok && rsa.error.messageVi).toMatch(/không phải khóa công khai Ed25519/);
    const garbage = await parseTrustedKeys('abc');
    expect(!garbage.ok && garbage.error.messageVi).toMatch(/không phải JSON/);
  });
});
