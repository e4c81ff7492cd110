/**
 * Half-open connections (a laptop lid closed, a network gone without a goodbye) are
 * ended by the server's ping/pong within two intervals, while live clients, which
 * answer pings, stay. A raw TCP client that completes the websocket handshake and then
 * never answers plays the vanished laptop. Real server.
 */
import crypto from 'node:crypto';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { boardRoomName, PLENARY_BOARD_ID } from '../../shared/protocol.ts';
import { createSessionWith, startTestServer, type TestServer } from '../helpers/server.ts';
import { connectClient, sleep } from '../helpers/yclient.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A websocket handshake over plain TCP; afterwards the socket reads but never answers. */
function silentPeer(port: number, path: string): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => {
      socket.write(
        `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${crypto.randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      );
    });
    socket.once('data', (d) => (/^HTTP\/1.1 101/.test(d.toString()) ? resolve(socket) : reject(new Error(String(d)))));
    socket.on('error', () => undefined);
  });
}

async function metric(name: string): Promise<number> {
  const text = await fetch(`${server!.url}/metrics`).then((r) => r.text());
  return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
}

describe('heartbeat', () => {
  it('ends a connection that stops answering pings, and keeps one that answers', async () => {
    server = await startTestServer({ env: { HEARTBEAT_MS: '200' } });
    const s = await createSessionWith(server.url, 'Hartslag', ['Anna']);
    const room = boardRoomName(s.sessionId, PLENARY_BOARD_ID);
    const live = connectClient(server.wsUrl, room, s.participants[0]!.token);
    await live.synced;

    const silent = await silentPeer(server.port, `/sync/${room}?token=${s.facilitatorToken}`);
    const ended = new Promise<void>((resolve) => silent.once('close', () => resolve()));
    expect(await metric('veldwerk_connections')).toBe(2);

    const started = Date.now();
    await ended;
    // Two intervals (plus scheduling slack on a busy machine): gone long before 30 s.
    expect(Date.now() - started).toBeLessThan(5_000);
    await sleep(1_000); // five more intervals: the live client keeps answering
    expect(await metric('veldwerk_connections')).toBe(1);
    expect(await metric('veldwerk_dead_connections_total')).toBe(1);
    expect(live.provider.wsconnected).toBe(true);
    live.destroy();
  });
});
