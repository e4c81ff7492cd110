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

interface Waiting {
  socket: Socket;
  frames: Buffer[];
  bytes: number;
}

const waiting = new Map<WebSocket, Waiting>();

/** Frames joined into one buffer up to this size; bigger lists are written one by one, corked. */
const JOIN_MAX_BYTES = 64 * 1024;

/** ws's underlying net.Socket (`_socket`: documented as internal, stable since ws 1). */
export function socketOf(ws: WebSocket): Socket | undefined {
  return (ws as unknown as { _socket?: Socket })._socket;
}

function write(ws: WebSocket, w: Waiting): void {
  // A connection closing meanwhile sent its close frame: nothing may follow it.
  if (ws.readyState !== WebSocket.OPEN || w.socket.destroyed) return;
  if (w.frames.length === 1) w.socket.write(w.frames[0]!);
  else if (w.bytes <= JOIN_MAX_BYTES) w.socket.write(Buffer.concat(w.frames, w.bytes));
  else {
    w.socket.cork();
    for (const frame of w.frames) w.socket.write(frame);
    w.socket.uncork();
  }
}

function writeAfterPromiseJobs(): void {
  process.nextTick(writeAll);
}

function writeAll(): void {
  const all = [...waiting];
  waiting.clear(); // what a write makes send (it should not) waits for the next round
  // A broadcast gives many sockets the same frames: they share one joined buffer.
  let lastFrames: Buffer[] = [];
  let lastJoined: Buffer | null = null;
  for (const [ws, w] of all) {
    if (w.frames.length > 1 && w.bytes <= JOIN_MAX_BYTES) {
      if (!lastJoined || !sameFrames(w.frames, lastFrames)) {
        lastFrames = w.frames;
        lastJoined = Buffer.concat(w.frames, w.bytes);
      }
      w.frames = [lastJoined];
    }
    write(ws, w);
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
  const w = waiting.get(ws);
  if (w) {
    w.frames.push(framed);
    w.bytes += framed.byteLength;
    return;
  }
  if (now) {
    socket.write(framed);
    return;
  }
  if (!waiting.size) queueMicrotask(writeAfterPromiseJobs);
  waiting.set(ws, { socket, frames: [framed], bytes: framed.byteLength });
}

/** Writes what waits for `ws` now (before ws writes something itself: a close frame). */
export function sendWaiting(ws: WebSocket): void {
  const w = waiting.get(ws);
  if (!w) return;
  waiting.delete(ws);
  write(ws, w);
}

/** Bytes waiting for `ws` until the end of the turn. */
export function waitingBytes(ws: WebSocket): number {
  return waiting.get(ws)?.bytes ?? 0;
}
