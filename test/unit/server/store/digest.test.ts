/**
 * Blob digests (server/store/digest.ts): CRC-32 for new blobs, the SHA-256 prefix of older ones
 * still checked. Either way a flipped bit or a truncated blob fails.
 */
import { describe, expect, it } from 'vitest';
import { blobDigest, digestMatches, sha256Prefix } from '../../../../server/store/digest.js';

function blob(size: number, seed: number): Uint8Array {
  const out = new Uint8Array(size);
  let x = seed;
  for (let i = 0; i < size; i++) out[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
  return out;
}

describe('blob digests', () => {
  it('writes a 4-byte CRC-32 that the blob matches, and that no flipped bit or truncation matches', () => {
    const data = blob(13_000, 7);
    const digest = blobDigest(data);
    expect(digest.byteLength).toBe(4);
    expect(digestMatches(data, digest)).toBe(true);
    // A view into a larger buffer reads the same.
    const larger = new Uint8Array(data.byteLength + 10);
    larger.set(data, 5);
    expect(digestMatches(larger.subarray(5, 5 + data.byteLength), digest)).toBe(true);
    // So does a digest read back as a view (SQLite and PostgreSQL drivers hand out Buffers).
    const stored = new Uint8Array(12);
    stored.set(digest, 3);
    expect(digestMatches(data, stored.subarray(3, 7))).toBe(true);
    for (const bit of [0, 9, 50_000, 103_999]) {
      const damaged = data.slice();
      damaged[bit >> 3]! ^= 1 << (bit & 7);
      expect(digestMatches(damaged, digest), `bit ${bit}`).toBe(false);
    }
    expect(digestMatches(data.subarray(0, data.byteLength - 1), digest)).toBe(false);
    expect(digestMatches(new Uint8Array(), blobDigest(new Uint8Array()))).toBe(true);
  });

  it('still checks blobs stored with the SHA-256 prefix, and never matches a digest of another length', () => {
    const data = blob(3_000, 11);
    const old = sha256Prefix(data);
    expect(old.byteLength).toBe(16);
    expect(digestMatches(data, old)).toBe(true);
    const damaged = data.slice();
    damaged[1_500]! ^= 0x10;
    expect(digestMatches(damaged, old)).toBe(false);
    expect(digestMatches(data, blobDigest(data).subarray(0, 3))).toBe(false);
    expect(digestMatches(data, new Uint8Array(32))).toBe(false);
    expect(digestMatches(data, new Uint8Array(0))).toBe(false);
  });
});
