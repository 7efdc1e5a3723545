import { describe, expect, it } from 'vitest';
import { decodeDocsPage, DocsWireError, encodeDocsPage } from '../../../../shared/sync/docs-wire.js';

const page = {
  docs: [
    { room: 'court/tand-kv1-vinhlong/case/c-1', seq: 7, update: new Uint8Array([1, 2, 3]), stateVector: new Uint8Array([1, 200, 4]) },
    { room: 'court/tand-kv1-vinhlong/doc/biên-bản', seq: 4_000_000_000, update: new Uint8Array(0), stateVector: new Uint8Array([0]) },
  ],
  errors: [{ room: 'court/x/doc/y', code: 'sync.forbidden', message: 'Tài khoản không có quyền đọc tài liệu này.', messageEn: 'Forbidden.' }],
};

describe('the binary docs page', () => {
  it('round-trips rooms (UTF-8), seqs, bytes and errors', () => {
    const decoded = decodeDocsPage(encodeDocsPage(page));
    expect(decoded.errors).toEqual(page.errors);
    expect(decoded.docs.map((d) => ({ ...d, update: [...d.update], stateVector: [...d.stateVector] }))).toEqual(
      page.docs.map((d) => ({ ...d, update: [...d.update], stateVector: [...d.stateVector] })),
    );
  });

  it('decodes views into the received buffer, at any offset', () => {
    const bytes = encodeDocsPage(page);
    const shifted = new Uint8Array(bytes.byteLength + 3);
    shifted.set(bytes, 3);
    const decoded = decodeDocsPage(shifted.subarray(3));
    expect(decoded.docs[0]!.update.buffer).toBe(shifted.buffer);
    expect([...decoded.docs[0]!.update]).toEqual([1, 2, 3]);
  });

  it('refuses a truncated page, another format and trailing bytes', () => {
    const bytes = encodeDocsPage(page);
    expect(() => decodeDocsPage(bytes.subarray(0, bytes.byteLength - 1))).toThrow(DocsWireError);
    expect(() => decodeDocsPage(new TextEncoder().encode('{"docs":[]}'))).toThrow(/not a Courtdesk docs page/);
    const longer = new Uint8Array(bytes.byteLength + 1);
    longer.set(bytes);
    expect(() => decodeDocsPage(longer)).toThrow(/stray bytes/);
    const badUtf8 = encodeDocsPage({ docs: [{ ...page.docs[0]!, room: 'ab' }], errors: [] });
    badUtf8[12] = 0xff;
    expect(() => decodeDocsPage(badUtf8)).toThrow(/UTF-8/);
  });
});
