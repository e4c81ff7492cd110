/**
 * One write per socket per turn (issue 14), on real TCP sockets: the frames a socket gets in
 * a turn go out joined in one write, sockets that get the same frames share one buffer, a
 * socket flushed early (before its close frame) is not written twice, and the next turn
 * starts afresh.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { sendThisTurn, sendWaiting, waitingBytes } from '../../server/sync/corkedSend.ts';

let server: net.Server;
const accepted: net.Socket[] = [];
const clients: net.Socket[] = [];

beforeAll(async () => {
  server = net.createServer((s) => accepted.push(s));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  for (let i = 0; i < 2; i++) {
    const c = net.connect(port, '127.0.0.1');
    await new Promise((r) => c.once('connect', r));
    clients.push(c);
  }
  while (accepted.length < 2) await new Promise((r) => setTimeout(r, 5));
});

afterAll(async () => {
  for (const s of [...accepted, ...clients]) s.destroy();
  await new Promise((r) => server.close(r));
});

/** A websocket as corkedSend sees it (open), and the buffers written to its socket. */
function peer(socket: net.Socket): { ws: WebSocket; writes: Buffer[] } {
  const writes: Buffer[] = [];
  const write = socket.write.bind(socket);
  socket.write = ((chunk: Buffer) => {
    writes.push(chunk);
    return write(chunk);
  }) as typeof socket.write;
  return { ws: { readyState: WebSocket.OPEN } as WebSocket, writes };
}

const endOfTurn = () => new Promise((r) => setImmediate(r));

describe('corked sends', () => {
  it('joins a turn of frames into one write per socket, shared by sockets with the same frames', async () => {
    const [a, b] = [peer(accepted[0]!), peer(accepted[1]!)];
    const received = clients.map(() => [] as Buffer[]);
    clients.forEach((c, i) => c.on('data', (d: Buffer) => received[i]!.push(d)));
    const update = Buffer.from([0x82, 3, 0, 2, 9]);
    const presence = Buffer.from([0x82, 2, 1, 0]);

    for (const p of [a, b]) {
      sendThisTurn(p.ws, p === a ? accepted[0]! : accepted[1]!, update);
      sendThisTurn(p.ws, p === a ? accepted[0]! : accepted[1]!, presence);
    }
    expect(waitingBytes(a.ws)).toBe(update.length + presence.length);
    expect(a.writes).toHaveLength(0); // nothing before the end of the turn
    await endOfTurn();
    expect(a.writes).toHaveLength(1);
    expect(b.writes).toHaveLength(1);
    expect(a.writes[0]).toBe(b.writes[0]); // one joined buffer for both
    expect(a.writes[0]).toEqual(Buffer.concat([update, presence]));
    expect(waitingBytes(a.ws)).toBe(0);

    // Flushed early (a close frame follows): written once, not again at the end of the turn.
    sendThisTurn(a.ws, accepted[0]!, update);
    sendWaiting(a.ws);
    expect(a.writes).toHaveLength(2);
    await endOfTurn();
    expect(a.writes).toHaveLength(2);

    // The next turn: the socket's list starts empty.
    sendThisTurn(a.ws, accepted[0]!, presence);
    await endOfTurn();
    expect(a.writes[2]).toEqual(presence);
    const all = Buffer.concat([update, presence, update, presence]);
    while (Buffer.concat(received[0]!).length < all.length) await new Promise((r) => setTimeout(r, 5));
    expect(Buffer.concat(received[0]!)).toEqual(all);
  });
});
