/**
 * A digest stored beside every blob, checked on every read: bit rot or a truncated write is found
 * at load time and reported as a corrupt doc, instead of Yjs half-reading garbage into a doc that
 * then looks valid but is missing text.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** The first 16 bytes of SHA-256: collision resistance is not the point, detection is. */
export function blobDigest(data: Uint8Array): Buffer {
  return createHash('sha256').update(data).digest().subarray(0, 16);
}

export function digestMatches(data: Uint8Array, digest: Uint8Array): boolean {
  const expected = blobDigest(data);
  return digest.byteLength === expected.byteLength && timingSafeEqual(expected, digest);
}
