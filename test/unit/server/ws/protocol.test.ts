import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { decodeClientMessage, encodeSyncStep1, encodeUpdateMessage, ProtocolError } from '../../../../server/ws/protocol.js';

/** Builds a frame the way the stock y-websocket client does. */
function clientStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

describe('decodeClientMessage', () => {
  it('reads what the stock client sends', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'a');
    expect(decodeClientMessage(clientStep1(doc))).toEqual({ kind: 'syncStep1', stateVector: Y.encodeStateVector(doc) });
    const update = Y.encodeStateAsUpdate(doc);
    expect(decodeClientMessage(encodeUpdateMessage(update))).toEqual({ kind: 'update', update });
    expect(decodeClientMessage(new Uint8Array([3]))).toEqual({ kind: 'queryAwareness' });
  });

  it('round-trips the server step 1', () => {
    const doc = new Y.Doc();
    doc.getMap('m').set('k', 1);
    expect(decodeClientMessage(encodeSyncStep1(doc))).toEqual({ kind: 'syncStep1', stateVector: Y.encodeStateVector(doc) });
  });

  it.each([
    ['empty', []],
    ['unknown type', [7]],
    ['auth from a client', [2, 0]],
    ['unknown sync step', [0, 5, 0]],
    ['length past the end', [0, 2, 10, 1, 2]],
    ['trailing bytes', [3, 0]],
    ['truncated varint', [0, 0, 0xff]],
  ])('refuses %s', (_what, bytes) => {
    expect(() => decodeClientMessage(new Uint8Array(bytes))).toThrow(ProtocolError);
  });
});
