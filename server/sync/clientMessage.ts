/**
 * Parsing of the frames a client sends (standard y-websocket protocol). Everything in a
 * frame is read here, completely, so that a malformed frame of any kind (including a
 * sync step 1 whose state vector is garbage) is a {@link MalformedMessage}: the
 * connection closes with 4400, never 4500 (issue 10).
 */
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import { MessageType } from '../../shared/protocol.ts';

/** Raised for frames that are not valid y-websocket messages. */
export class MalformedMessage extends Error {}

export type ClientMessage =
  | { kind: 'syncStep1'; payload: Uint8Array }
  | { kind: 'update'; payload: Uint8Array }
  | { kind: 'awareness'; payload: Uint8Array }
  | { kind: 'queryAwareness' };

/** Reads a state vector as Yjs does, but refuses trailing bytes. */
function checkStateVector(payload: Uint8Array): void {
  const d = decoding.createDecoder(payload);
  const n = decoding.readVarUint(d);
  for (let i = 0; i < n; i++) {
    decoding.readVarUint(d); // client
    decoding.readVarUint(d); // clock
  }
  if (decoding.hasContent(d)) throw new Error('trailing bytes in the state vector');
}

/** Reads one frame completely; anything else than a well-formed message is {@link MalformedMessage}. */
export function parseClientMessage(data: Uint8Array): ClientMessage {
  try {
    const d = decoding.createDecoder(data);
    const type = decoding.readVarUint(d);
    let msg: ClientMessage;
    if (type === MessageType.sync) {
      const sub = decoding.readVarUint(d);
      const payload = decoding.readVarUint8Array(d);
      if (sub === syncProtocol.messageYjsSyncStep1) {
        checkStateVector(payload);
        msg = { kind: 'syncStep1', payload };
      } else if (sub === syncProtocol.messageYjsSyncStep2 || sub === syncProtocol.messageYjsUpdate)
        msg = { kind: 'update', payload };
      else throw new Error(`unknown sync message ${sub}`);
    } else if (type === MessageType.awareness) {
      msg = { kind: 'awareness', payload: decoding.readVarUint8Array(d) };
    } else if (type === MessageType.queryAwareness) {
      msg = { kind: 'queryAwareness' };
    } else {
      throw new Error(`unknown message type ${type}`);
    }
    if (decoding.hasContent(d)) throw new Error('trailing bytes');
    return msg;
  } catch (err) {
    throw new MalformedMessage(String(err));
  }
}
