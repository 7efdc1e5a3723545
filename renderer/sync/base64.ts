/**
 * Standard base64 (RFC 4648, padded) of Yjs updates and state vectors, as the batch protocol
 * carries them (docs/SYNC-PROTOCOL.md). `btoa`/`atob` exist in Chromium and in Node ≥ 16, so the
 * catch-up client runs unchanged in the app and in the Node integration tests.
 */
const CHUNK = 0x8000;

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}
