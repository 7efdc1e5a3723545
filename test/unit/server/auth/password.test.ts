import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../../server/auth/password.js';
import { createTokenSigner } from '../../../../server/auth/tokens.js';

describe('passwords', () => {
  it('hashes with a per-user salt and verifies only the right password', async () => {
    const a = await hashPassword('mật khẩu dài');
    const b = await hashPassword('mật khẩu dài');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('mật khẩu dài', a)).toBe(true);
    // NFC and NFD spellings of the same Vietnamese password are the same password
    expect(await verifyPassword('mật khẩu dài'.normalize('NFD'), a)).toBe(true);
    expect(await verifyPassword('mat khau dai', a)).toBe(false);
    expect(await verifyPassword('mật khẩu dài', 'garbage')).toBe(false);
  });
});

describe('tokens', () => {
  const secret = new Uint8Array(32).fill(1);
  it('signs and verifies claims, and refuses expired or foreign tokens', async () => {
    let now = Date.UTC(2026, 10, 28, 8);
    const signer = createTokenSigner(secret, () => now);
    const token = await signer.sign({ court: 'tand-a', user: 'thuky', roles: ['clerk'] }, 60);
    expect(await signer.verify(token)).toEqual({ court: 'tand-a', user: 'thuky', roles: ['clerk'], exp: now / 1000 + 60 });
    now += 61_000;
    expect(await signer.verify(token)).toBeNull();
    const other = createTokenSigner(new Uint8Array(32).fill(2), () => Date.UTC(2026, 10, 28, 8));
    expect(await other.verify(token)).toBeNull();
    expect(await signer.verify(undefined)).toBeNull();
    expect(await signer.verify('a.b.c')).toBeNull();
  });
});
