/**
 * One write per socket per turn of the event loop (issue 14). Writing to a socket is most
 * of what fan-out costs (a system call per frame, each running the loopback or network
 * stack); the frames a connection gets in one turn (an update and the presence that came
 * with it, or several updates of a busy room) go out in one write. They wait in a list per
 * socket, framed already (see wireFrame.ts), and are written once the callback that made
 * them and every promise job it started are done (a `process.nextTick` queued from a
 * promise job runs after the last one): a presence frame handled at once and the update
 * read with it, handled in the room's queue a few promise jobs later, share the write; one
 * buffer, one `write`, no stream bookkeeping per frame. No frame waits for a timer, nor for
 * other connections' reads (not `setImmediate`: a flood read in the same poll phase would
 * hold everyone's frames back).
 */
import type { Socket } from 'node:net';
import { WebSocket } from 'ws';

/** What waits for one socket this turn; kept with its websocket and reused turn after turn. */
interface Waiting {
  ws: WebSocket;
  socket: Socket;
  frames: Buffer[];
  bytes: number;
  /** In this turn's {@link queue}. */
  queued: boolean;
}

const states = new WeakMap<WebSocket, Waiting>();
/** The sockets with frames waiting this turn, in the order they got their first. */
let queue: Waiting[] = [];

/** Frames joined into one buffer up to this size; bigger lists are written one by one, corked. */
const JOIN_MAX_BYTES = 64 * 1024;

/** ws's underlying net.Socket (`_socket`: documented as internal, stable since ws 1). */
export function socketOf(ws: WebSocket): Socket | undefined {
  return (ws as unknown as { _socket?: Socket })._socket;
}

/** Writes `frames` (`bytes` long in all) to the socket of `ws`, unless it is closing. */
function write(ws: WebSocket, socket: Socket, frames: Buffer[], bytes: number): void {
  // A connection closing meanwhile sent its close frame: nothing may follow it.
  if (ws.readyState !== WebSocket.OPEN || socket.destroyed) return;
  if (frames.length === 1) socket.write(frames[0]!);
  else if (bytes <= JOIN_MAX_BYTES) socket.write(Buffer.concat(frames, bytes));
  else {
    socket.cork();
    for (const frame of frames) socket.write(frame);
    socket.uncork();
  }
}

/** Takes what waits in `w` (it waits no more). */
function take(w: Waiting): Buffer[] {
  const frames = w.frames;
  w.frames = [];
  w.bytes = 0;
  w.queued = false;
  return frames;
}

function writeAfterPromiseJobs(): void {
  process.nextTick(writeAll);
}

function writeAll(): void {
  const all = queue;
  queue = []; // what a write makes send (it should not) waits for the next round
  // A broadcast gives many sockets the same frames: they share one joined buffer.
  let lastFrames: Buffer[] = [];
  let lastJoined: Buffer | null = null;
  for (const w of all) {
    if (!w.queued) continue; // written already (sendWaiting: before a close frame)
    const bytes = w.bytes;
    let frames = take(w);
    if (frames.length > 1 && bytes <= JOIN_MAX_BYTES) {
      if (!lastJoined || !sameFrames(frames, lastFrames)) {
        lastFrames = frames;
        lastJoined = Buffer.concat(frames, bytes);
      }
      frames = [lastJoined];
    }
    write(w.ws, w.socket, frames, bytes);
  }
}

function sameFrames(a: readonly Buffer[], b: readonly Buffer[]): boolean {
  return a.length === b.length && a.every((frame, i) => frame === b[i]);
}

/**
 * Sends the framed bytes with whatever else `ws` gets this turn: at the end of the turn,
 * or at once when `now` (a big frame alone: a first sync) and nothing waits before it.
 */
export function sendThisTurn(ws: WebSocket, socket: Socket, framed: Buffer, now = false): void {
  let w = states.get(ws);
  if (w?.queued) {
    w.frames.push(framed);
    w.bytes += framed.byteLength;
    return;
  }
  if (now) {
    socket.write(framed);
    return;
  }
  if (!w || w.socket !== socket) {
    w = { ws, socket, frames: [], bytes: 0, queued: false };
    states.set(ws, w);
  }
  if (!queue.length) queueMicrotask(writeAfterPromiseJobs);
  w.frames.push(framed);
  w.bytes = framed.byteLength;
  w.queued = true;
  queue.push(w);
}

/** Writes what waits for `ws` now (before ws writes something itself: a close frame). */
export function sendWaiting(ws: WebSocket): void {
  const w = states.get(ws);
  if (!w?.queued) return;
  const bytes = w.bytes;
  write(ws, w.socket, take(w), bytes);
}

/** Bytes waiting for `ws` until the end of the turn. */
export function waitingBytes(ws: WebSocket): number {
  const w = states.get(ws);
  return w?.queued ? w.bytes : 0;
}
