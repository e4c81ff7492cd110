/**
 * One write per socket per turn of the event loop (issue 14). Writing to a socket is most
 * of what fan-out costs (a system call per frame, each running the loopback or network
 * stack); the frames a connection gets in one turn (an update and the presence that came
 * with it, or several updates of a busy room) go out in one write: the socket is corked at
 * the first frame and uncorked with `setImmediate`, once the events that the loop's poll
 * phase delivered together (frames of several connections) and their promise jobs are
 * handled. A presence frame handled at once and the update read with it, handled in the
 * room's queue a few promise jobs later, share the write. No frame waits for a timer.
 */
import type { Socket } from 'node:net';
import type { WebSocket } from 'ws';

const corked = new Set<Socket>();

function uncorkAll(): void {
  for (const socket of corked) socket.uncork();
  corked.clear();
}

/** Holds `ws`'s writes until the end of this turn; call before `ws.send`. */
export function corkUntilTurnEnds(ws: WebSocket): void {
  // `_socket` is ws's underlying net.Socket (documented as internal, stable since ws 1).
  const socket = (ws as unknown as { _socket?: Socket })._socket;
  if (!socket || corked.has(socket) || socket.destroyed) return;
  socket.cork();
  if (!corked.size) setImmediate(uncorkAll);
  corked.add(socket);
}
