/**
 * The floor for the fan-out benchmark (issue 14): a bare `ws` relay that does no Yjs work.
 * Every update and presence frame a client sends goes, as it is, to every other client on the
 * same path; sync step 1 and 2 are dropped (the floor does no sync: otherwise every client
 * would answer every newcomer through it, a cost no server has), and so is a presence frame
 * byte for byte equal to one of the last 1,024 forwarded in the room: y-websocket clients send back
 * every presence change they hear, and a relay that forwarded those echoes to everyone
 * would drown (n × n frames per change; every server ignores them by their clock).
 * PORT, HOST from the environment; prints "relay listening <port>".
 */
import { WebSocketServer } from 'ws';

const rooms = new Map();
const wss = new WebSocketServer({
  port: Number(process.env.PORT ?? 0),
  host: process.env.HOST ?? '127.0.0.1',
  perMessageDeflate: false,
});
wss.on('connection', (ws, req) => {
  const name = req.url ?? '/';
  let room = rooms.get(name);
  if (!room) rooms.set(name, (room = Object.assign(new Set(), { presence: new Set() })));
  room.add(ws);
  ws.on('message', (data, isBinary) => {
    const frame = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
    if (frame[0] === 0 && frame[1] !== 2) return; // sync step 1 or 2
    if (frame[0] === 1) {
      const key = frame.toString('latin1');
      if (room.presence.has(key)) return; // an echo
      room.presence.add(key);
      if (room.presence.size > 1024) room.presence.delete(room.presence.values().next().value);
    }
    for (const peer of room) if (peer !== ws && peer.readyState === 1) peer.send(frame, { binary: isBinary });
  });
  ws.on('close', () => {
    room.delete(ws);
    if (!room.size) rooms.delete(name);
  });
});
wss.on('listening', () => console.log(`relay listening ${wss.address().port}`));
