/**
 * A frame the room sends to many peers, framed once (issue 14): the websocket header and
 * the payload are joined into one buffer at the first send and written as they are to
 * every socket, instead of each `ws.send` building its own header and writing two chunks.
 * The room builds one per broadcast (an update, a presence change, a shared sync answer).
 */

/** FIN and opcode 2: one whole binary message (RFC 6455 5.2). */
const FIN_BINARY = 0x82;

/** The header of an unmasked binary frame (a server's frames are never masked) of `length` bytes. */
function headerOf(length: number): Buffer {
  if (length <= 125) return Buffer.from([FIN_BINARY, length]);
  if (length < 65536) {
    const h = Buffer.allocUnsafe(4);
    h[0] = FIN_BINARY;
    h[1] = 126;
    h.writeUInt16BE(length, 2);
    return h;
  }
  const h = Buffer.alloc(10);
  h[0] = FIN_BINARY;
  h[1] = 127;
  h.writeUIntBE(length, 4, 6);
  return h;
}

export class WireFrame {
  private framed: Buffer | null = null;

  constructor(private message: Uint8Array) {}

  /** The message without the websocket header (a view into the framed bytes once they are built). */
  get payload(): Uint8Array {
    return this.message;
  }

  get byteLength(): number {
    return this.message.byteLength;
  }

  /** The whole websocket frame: header and payload in one buffer, built once. */
  bytes(): Buffer {
    if (this.framed) return this.framed;
    const header = headerOf(this.message.byteLength);
    const framed = Buffer.allocUnsafe(header.byteLength + this.message.byteLength);
    framed.set(header, 0);
    framed.set(this.message, header.byteLength);
    this.framed = framed;
    this.message = framed.subarray(header.byteLength); // one copy kept, not two
    return framed;
  }
}
