/**
 * A digest stored beside every blob, checked on every read: bit rot or a truncated write is found
 * at load time and reported as a corrupt doc, instead of Yjs half-reading garbage into a doc that
 * then looks valid but is missing text.
 *
 * Detection of accidental damage is the point, not collision resistance (whoever can write the
 * database can write the digest too), so new blobs get a CRC-32 (4 bytes), as zip, PNG and most
 * file systems use for the same job. Blobs written before carry the first 16 bytes of their
 * SHA-256 and are still checked with it: the length tells which. SHA-256 of every blob read was
 * ~45% of the time the server took to load a page of docs for a catch-up (~75 µs per 13 KB
 * body on this machine, against ~2 µs for CRC-32; bench/README.md).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { crc32 } from 'node:zlib';

const CRC32_BYTES = 4;
const SHA256_PREFIX_BYTES = 16;

/** The digest stored with a new blob: its CRC-32, big-endian. */
export function blobDigest(data: Uint8Array): Buffer {
  const digest = Buffer.alloc(CRC32_BYTES);
  digest.writeUInt32BE(crc32(data));
  return digest;
}

/** Whether `data` is what was stored with `digest` (either kind). A digest of any other length never matches. */
export function digestMatches(data: Uint8Array, digest: Uint8Array): boolean {
  if (digest.byteLength === CRC32_BYTES) return Buffer.from(digest.buffer, digest.byteOffset, CRC32_BYTES).readUInt32BE() === crc32(data);
  if (digest.byteLength === SHA256_PREFIX_BYTES) return timingSafeEqual(sha256Prefix(data), digest);
  return false;
}

/** The digest blobs were stored with before CRC-32 (still read; also what tests of old data write). */
export function sha256Prefix(data: Uint8Array): Buffer {
  return createHash('sha256').update(data).digest().subarray(0, SHA256_PREFIX_BYTES);
}
