/**
 * The y-websocket wire protocol, decoded strictly. Each binary frame holds exactly one message:
 *
 *   sync       [0][0 step1 | 1 step2 | 2 update][varUint8Array]   (y-protocols/sync)
 *   awareness  [1][varUint8Array]                                 (y-protocols/awareness)
 *   auth       [2]...   (server → client only; never accepted)
 *   query      [3]      ask for every awareness state
 *
 * Decoding is separate from applying, so a malformed frame is a `ProtocolError` before it can
 * touch a doc, and the connection that sent it is closed (1002) while its room carries on.
 */
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_QUERY_AWARENESS = 3;
const SYNC_STEP1 = 0;
const SYNC_STEP2 = 1;
const SYNC_UPDATE = 2;

export type ClientMessage =
  | { readonly kind: 'syncStep1'; readonly stateVector: Uint8Array }
  | { readonly kind: 'syncStep2' | 'update'; readonly update: Uint8Array }
  | { readonly kind: 'awareness'; readonly update: Uint8Array }
  | { readonly kind: 'queryAwareness' };

export class ProtocolError extends Error {
  override readonly name = 'ProtocolError';
}

/** Decodes one client frame; throws `ProtocolError` for anything but one well-formed message. */
export function decodeClientMessage(frame: Uint8Array): ClientMessage {
  let message: ClientMessage;
  const decoder = decoding.createDecoder(frame);
  try {
    const type = decoding.readVarUint(decoder);
    if (type === MESSAGE_SYNC) {
      const step = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (step === SYNC_STEP1) message = { kind: 'syncStep1', stateVector: payload };
      else if (step === SYNC_STEP2) message = { kind: 'syncStep2', update: payload };
      else if (step === SYNC_UPDATE) message = { kind: 'update', update: payload };
      else throw new ProtocolError(`Unknown sync step ${step}`);
    } else if (type === MESSAGE_AWARENESS) {
      message = { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
    } else if (type === MESSAGE_QUERY_AWARENESS) {
      message = { kind: 'queryAwareness' };
    } else {
      throw new ProtocolError(`Unknown message type ${type}`);
    }
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError(`Malformed frame: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (decoding.hasContent(decoder)) throw new ProtocolError('Trailing bytes after the message');
  return message;
}

/** Sync step 1: the server's state vector, asking the client for what the server lacks. */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  return encodeSync(SYNC_STEP1, Y.encodeStateVector(doc));
}

/** Sync step 2: what the client lacks, given its state vector. */
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  return encodeSync(SYNC_STEP2, Y.encodeStateAsUpdate(doc, stateVector));
}

export function encodeUpdateMessage(update: Uint8Array): Uint8Array {
  return encodeSync(SYNC_UPDATE, update);
}

export function encodeAwarenessMessage(awarenessUpdate: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, awarenessUpdate);
  return encoding.toUint8Array(encoder);
}

function encodeSync(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}
