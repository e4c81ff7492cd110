/**
 * The lightest watcher a benchmark process can hold by the thousand (issue 14): a TCP socket
 * that does the websocket handshake itself and reads frames by their headers, without a
 * websocket library, a message object or a copy per frame. It asks for the state once (a
 * sync step 1 with the empty state vector), answers pings (the server's heartbeat), counts
 * the y-websocket update frames (`0, 2`) and notes the sync step 2 (`0, 1`). Meant for the
 * 2,000-client run, where ws clients made the benchmark process, not the server, the tail.
 */
import crypto from 'node:crypto';
import net from 'node:net';

export interface RawWatcher {
  /** Resolves when the socket is open (`waitSync`: and the server's sync answer arrived). */
  ready: Promise<void>;
  /** Update frames received so far. */
  updates(): number;
  /** Called for each update frame with the time the socket read that held it began. */
  onUpdate?: (at: number) => void;
  destroy(): void;
}

/** A masked client frame (the mask key is random; RFC 6455 5.3). */
function clientFrame(opcode: number, payload: Uint8Array): Buffer {
  if (payload.length > 125) throw new Error('raw watcher frames are small');
  const mask = crypto.randomBytes(4);
  const out = Buffer.allocUnsafe(6 + payload.length);
  out[0] = 0x80 | opcode;
  out[1] = 0x80 | payload.length;
  mask.copy(out, 2);
  for (let i = 0; i < payload.length; i++) out[6 + i] = payload[i]! ^ mask[i % 4]!;
  return out;
}

const SYNC_STEP_1_EMPTY = new Uint8Array([0, 0, 1, 0]);
const EMPTY = Buffer.alloc(0);
/** Every watcher's reads land here in turn: each is parsed before the next read. */
const READ_BUFFER = Buffer.allocUnsafe(256 * 1024);

export function rawWatcher(url: string, waitSync: boolean): RawWatcher {
  const u = new URL(url);
  let count = 0;
  let upgraded = false;
  let pending: Buffer = EMPTY;
  // Reads land in the shared buffer and go to `onRead` at once, without a stream, a 'data'
  // event or a buffer per read (the benchmark's own event loop reads the arrival times).
  const socket = net.connect({
    port: Number(u.port),
    host: u.hostname,
    onread: { buffer: READ_BUFFER, callback: (n: number, buf: Uint8Array) => onRead(buf.subarray(0, n) as Buffer) },
  });
  socket.setNoDelay(true);
  let resolveOpen: () => void = () => undefined;
  let resolveSynced: () => void = () => undefined;
  let fail: (err: Error) => void = () => undefined;
  const open = new Promise<void>((resolve, reject) => {
    resolveOpen = resolve;
    fail = reject;
  });
  const synced = new Promise<void>((resolve) => (resolveSynced = resolve));
  const watcher: RawWatcher = {
    ready: waitSync ? Promise.all([open, synced]).then(() => undefined) : open,
    updates: () => count,
    destroy: () => socket.destroy(),
  };
  socket.on('connect', () => {
    const key = crypto.randomBytes(16).toString('base64');
    socket.write(
      `GET ${u.pathname}${u.search} HTTP/1.1\r\nHost: ${u.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    );
  });
  socket.on('error', (err) => fail(err));
  const onRead = (chunk: Buffer): boolean => {
    // One arrival time per read, taken before any parsing: every frame in it was here then.
    const at = performance.now();
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    if (!upgraded) {
      const end = pending.indexOf('\r\n\r\n');
      if (end < 0) {
        pending = Buffer.from(pending); // not a view of the shared buffer
        return true;
      }
      const head = pending.subarray(0, end).toString('latin1');
      if (!head.startsWith('HTTP/1.1 101')) {
        fail(new Error(`no upgrade: ${head.split('\r\n')[0]}`));
        return true;
      }
      upgraded = true;
      pending = pending.subarray(end + 4);
      socket.write(clientFrame(2, SYNC_STEP_1_EMPTY));
      resolveOpen();
    }
    // Whole frames only; a partial one waits for the next chunk.
    let pos = 0;
    for (;;) {
      if (pending.length - pos < 2) break;
      const opcode = pending[pos]! & 0x0f;
      let length = pending[pos + 1]! & 0x7f;
      let start = pos + 2;
      if (length === 126) {
        if (pending.length - pos < 4) break;
        length = pending.readUInt16BE(pos + 2);
        start = pos + 4;
      } else if (length === 127) {
        if (pending.length - pos < 10) break;
        length = Number(pending.readBigUInt64BE(pos + 2));
        start = pos + 10;
      }
      if (pending.length < start + length) break;
      if (opcode === 0x9) socket.write(clientFrame(0xa, pending.subarray(start, start + length)));
      else if (opcode === 0x2 && length >= 2 && pending[start] === 0) {
        if (pending[start + 1] === 1) resolveSynced();
        else if (pending[start + 1] === 2) {
          count++;
          watcher.onUpdate?.(at);
        }
      }
      pos = start + length;
    }
    // What is left (part of a frame) is copied out of the shared buffer.
    pending = pos === pending.length ? EMPTY : Buffer.from(pending.subarray(pos));
    return true;
  };
  return watcher;
}
