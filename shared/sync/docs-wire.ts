/**
 * The binary answer of `POST /api/sync/docs` (docs/SYNC-PROTOCOL.md §4.2): many docs' Yjs bytes in
 * one body without base64 or JSON. An initial replica moves ~70 MB of updates; as base64 inside
 * JSON that was ~95 MB to parse and a per-byte decode loop on the client, the largest single cost
 * of the catch-up. Here the client reads each update as a view into the received buffer.
 *
 * Layout (all integers little-endian u32, strings UTF-8 prefixed by their byte length):
 * ```
 * magic "CDD1" | docCount | per doc: room, seq, update (bytes), stateVector (bytes)
 *              | errorCount | per error: room, code, message, messageEn
 * ```
 * Pure (no Node, no DOM): the server encodes, the app and the tests decode.
 */
import type { BatchDocError } from './batch.js';

export const DOCS_WIRE_CONTENT_TYPE = 'application/vnd.courtdesk.docs';
const MAGIC = [0x43, 0x44, 0x44, 0x31]; // "CDD1"

export interface WireDoc {
  readonly room: string;
  readonly seq: number;
  readonly update: Uint8Array;
  readonly stateVector: Uint8Array;
}

export interface WireDocsPage {
  readonly docs: readonly WireDoc[];
  readonly errors: readonly BatchDocError[];
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function encodeDocsPage(page: WireDocsPage): Uint8Array {
  const strings = new Map<string, Uint8Array>();
  const utf8 = (text: string) => {
    let bytes = strings.get(text);
    if (!bytes) strings.set(text, (bytes = encoder.encode(text)));
    return bytes;
  };
  let size = 4 + 4 + 4;
  for (const doc of page.docs) size += 4 + utf8(doc.room).byteLength + 4 + 4 + doc.update.byteLength + 4 + doc.stateVector.byteLength;
  for (const e of page.errors) size += 16 + utf8(e.room).byteLength + utf8(e.code).byteLength + utf8(e.message).byteLength + utf8(e.messageEn).byteLength;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let at = 0;
  out.set(MAGIC, at);
  at += 4;
  const u32 = (value: number) => {
    view.setUint32(at, value, true);
    at += 4;
  };
  const bytes = (value: Uint8Array) => {
    u32(value.byteLength);
    out.set(value, at);
    at += value.byteLength;
  };
  u32(page.docs.length);
  for (const doc of page.docs) {
    bytes(utf8(doc.room));
    u32(doc.seq);
    bytes(doc.update);
    bytes(doc.stateVector);
  }
  u32(page.errors.length);
  for (const e of page.errors) {
    bytes(utf8(e.room));
    bytes(utf8(e.code));
    bytes(utf8(e.message));
    bytes(utf8(e.messageEn));
  }
  return out;
}

/** Thrown for a body that is not a well-formed docs page (truncated, wrong magic, bad UTF-8). */
export class DocsWireError extends Error {
  override readonly name = 'DocsWireError';
}

/** Decodes a page; updates and state vectors are views into `body` (no copy). */
export function decodeDocsPage(body: Uint8Array): WireDocsPage {
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  let at = 0;
  const need = (n: number) => {
    if (at + n > body.byteLength) throw new DocsWireError(`truncated docs page at byte ${at}`);
  };
  const u32 = () => {
    need(4);
    const value = view.getUint32(at, true);
    at += 4;
    return value;
  };
  const bytes = () => {
    const length = u32();
    need(length);
    const value = body.subarray(at, at + length);
    at += length;
    return value;
  };
  const text = () => {
    try {
      return decoder.decode(bytes());
    } catch (error) {
      if (error instanceof DocsWireError) throw error;
      throw new DocsWireError('invalid UTF-8 in a docs page');
    }
  };
  need(4);
  if (MAGIC.some((b, i) => body[i] !== b)) throw new DocsWireError('not a Courtdesk docs page');
  at = 4;
  const docCount = u32();
  const docs: WireDoc[] = [];
  for (let i = 0; i < docCount; i++) {
    const room = text();
    const seq = u32();
    const update = bytes();
    const stateVector = bytes();
    docs.push({ room, seq, update, stateVector });
  }
  const errorCount = u32();
  const errors: BatchDocError[] = [];
  for (let i = 0; i < errorCount; i++) {
    errors.push({ room: text(), code: text(), message: text(), messageEn: text() });
  }
  if (at !== body.byteLength) throw new DocsWireError(`${body.byteLength - at} stray bytes after a docs page`);
  return { docs, errors };
}
