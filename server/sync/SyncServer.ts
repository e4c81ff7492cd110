/**
 * Websocket entry: `/sync/<room>?token=<token>`. Authenticates before anything is
 * loaded, caps what a connection may queue before its room is ready, limits
 * connections per address, and hands frames to the {@link Room}. Failures close that
 * one connection with a typed close code (shared/protocol.ts); nothing else is touched.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { CloseCode, MessageType, parseRoomName, sessionRoomName } from '../../shared/protocol.ts';
import { readBoard } from '../../shared/model/sessionDoc.ts';
import { Role } from '../../shared/roles.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import type { SessionStore } from '../store/SessionStore.ts';
import type { TokenSigner } from '../auth/tokens.ts';
import type { ConnectionCounter } from '../auth/sharedLimits.ts';
import type { Identity } from './awarenessGuard.ts';
import { ConnectionFlow, DEFAULT_BUDGET, type ConnectionBudgetLimits } from './connectionBudget.ts';
import { waitingBytes } from './corkedSend.ts';
import { Heartbeat } from './heartbeat.ts';
import { OutputGuard, type OutputLimits } from './outputGuard.ts';
import type { Peer, Room } from './Room.ts';
import { RoomsFullError, type RoomRegistry } from './RoomRegistry.ts';

export const SYNC_PATH_PREFIX = '/sync/';
/** Frames a connection may send before its room is loaded. */
const MAX_PENDING_FRAMES = 64;

export interface SyncServerOptions {
  registry: RoomRegistry;
  sessions: SessionStore;
  tokens: TokenSigner;
  metrics: Metrics;
  log: Logger;
  maxMessageBytes: number;
  /** Largest sync step 2 (a client's offline backlog): the document limit. */
  maxSyncStep2Bytes: number;
  maxConnectionsPerIp: number;
  /** Several instances (issue 13): connections per address counted over all of them. */
  connections?: ConnectionCounter;
  /** Ping interval; a connection that misses a pong by the next ping is ended. */
  heartbeatMs: number;
  clientIp(req: IncomingMessage): string;
  /** What one connection may send (issue 11); default {@link DEFAULT_BUDGET}. */
  budget?: Partial<ConnectionBudgetLimits>;
  /** Unread output allowed per peer and in all (issue 11); defaults 8 MiB and 256 MiB. */
  output?: Partial<OutputLimits>;
}

export class SyncServer {
  private readonly wss: WebSocketServer;
  private readonly perIp = new Map<string, number>();
  private closing = false;
  private readonly heartbeat: Heartbeat;
  private readonly output: OutputGuard;
  private readonly budget: ConnectionBudgetLimits;

  constructor(private readonly opts: SyncServerOptions) {
    // A sync step 2 carries everything a client did offline: it may be as big as a document.
    // Every other message keeps the small limit (checked per frame below).
    const maxPayload = Math.max(opts.maxMessageBytes, opts.maxSyncStep2Bytes);
    this.wss = new WebSocketServer({ noServer: true, maxPayload, perMessageDeflate: false });
    this.heartbeat = new Heartbeat(this.wss, opts.heartbeatMs, () => opts.metrics.closedDeadTotal++);
    this.budget = { ...DEFAULT_BUDGET, ...opts.budget };
    this.output = new OutputGuard(
      () => this.wss.clients,
      { maxUnreadBytes: 8 * 1024 * 1024, maxBufferedBytesTotal: 256 * 1024 * 1024, ...opts.output },
      opts.metrics,
    );
  }

  /** For `server.on('upgrade')`. Returns false when the path is not ours. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(SYNC_PATH_PREFIX)) return false;
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, req, url));
    return true;
  }

  private onConnection(ws: WebSocket, req: IncomingMessage, url: URL): void {
    this.heartbeat.track(ws);
    const connectedAt = performance.now();
    const ip = this.opts.clientIp(req);
    const count = (this.perIp.get(ip) ?? 0) + 1;
    this.perIp.set(ip, count);
    this.opts.metrics.connections++;
    // Frames that arrive while the token is checked and the room loads; capped.
    const pending: Uint8Array[] = [];
    let pendingBytes = 0;
    let room: Room | null = null;
    let peer: Peer | null = null;
    let closed = false;
    // Over its budget, or with too many frames in its room's queue, reading pauses (issue 11).
    const flow = new ConnectionFlow(ws, this.budget, this.opts.metrics);

    const close = (code: number, reason: string) => {
      this.output.flush(ws); // what the room sent it this turn (a refusal) goes before the close frame
      if (ws.readyState === WebSocket.OPEN || ws.readyState === WebSocket.CONNECTING) ws.close(code, reason);
    };
    const malformed = (reason: string) => {
      this.opts.metrics.closedMalformedTotal++;
      close(CloseCode.malformed, reason);
    };
    ws.on('error', (err) => this.opts.log.debug({ err: String(err), ip }, 'websocket error'));
    const shared = this.opts.connections;
    let counted = false;
    ws.on('close', () => {
      closed = true;
      if (counted) shared?.closed(ip);
      flow.close();
      this.opts.metrics.connections--;
      const left = (this.perIp.get(ip) ?? 1) - 1;
      if (left <= 0) this.perIp.delete(ip);
      else this.perIp.set(ip, left);
      if (room && peer) {
        room.leave(peer);
        this.opts.registry.release(room);
      }
    });
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (!isBinary) return malformed('binary frames only');
      const frame = toUint8Array(data);
      if (frame.byteLength > this.opts.maxMessageBytes && !isSyncStep2(frame)) {
        return close(CloseCode.messageTooBig, 'message too big');
      }
      flow.received(frame.byteLength);
      if (room && peer) return flow.track(room.receive(peer, frame));
      pendingBytes += frame.byteLength;
      if (pending.length >= MAX_PENDING_FRAMES || pendingBytes > 2 * this.opts.maxMessageBytes) {
        return malformed('too much data before sync');
      }
      pending.push(frame);
    });

    if (this.closing) return close(CloseCode.shuttingDown, 'server shutting down');
    if (!shared && count > this.opts.maxConnectionsPerIp) {
      return close(CloseCode.tooManyConnections, 'too many connections');
    }
    counted = Boolean(shared);
    const admitted = shared ? shared.opened(ip).then((total) => total <= this.opts.maxConnectionsPerIp) : true;

    Promise.all([admitted, this.authorize(url)])
      .then(async ([withinLimit, auth]) => {
        if (!withinLimit) return close(CloseCode.tooManyConnections, 'too many connections');
        if ('code' in auth) return close(auth.code, auth.reason);
        const acquired = await this.opts.registry.acquire(auth.room);
        if (closed) return this.opts.registry.release(acquired);
        if (auth.room.kind !== 'session') {
          const session = this.opts.registry.peek(sessionRoomName(auth.room.sessionId));
          const board = session ? readBoard(session.doc, auth.room.boardId) : null;
          if (!board) {
            this.opts.registry.release(acquired);
            return close(CloseCode.notFound, 'no such board');
          }
          // The template board is the facilitator's to prepare, for reading too (issue 10).
          if (board.kind === 'template' && auth.identity.role !== Role.facilitator) {
            this.opts.registry.release(acquired);
            return close(CloseCode.forbidden, 'template board: facilitator only');
          }
        }
        room = acquired;
        peer = {
          identity: auth.identity,
          clientIds: new Set(),
          connectedAt,
          send: (data) => this.output.send(ws, data),
          unsentBytes: () => ws.bufferedAmount + waitingBytes(ws),
          close,
        };
        room.join(peer);
        for (const frame of pending.splice(0)) flow.track(room.receive(peer, frame));
      })
      .catch((err: unknown) => {
        if (err instanceof RoomsFullError) {
          this.opts.metrics.roomsRefusedTotal++;
          this.opts.log.warn({ path: url.pathname }, 'refused: too many rooms loaded');
          return close(CloseCode.serverFull, 'server full: retry later');
        }
        this.opts.log.error({ err, path: url.pathname }, 'connection setup failed');
        close(CloseCode.internalError, 'internal error');
      });
  }

  private async authorize(
    url: URL,
  ): Promise<
    { room: NonNullable<ReturnType<typeof parseRoomName>>; identity: Identity } | { code: number; reason: string }
  > {
    let roomName: string;
    try {
      roomName = decodeURIComponent(url.pathname.slice(SYNC_PATH_PREFIX.length));
    } catch {
      return { code: CloseCode.notFound, reason: 'invalid room name' };
    }
    const room = parseRoomName(roomName);
    if (!room) return { code: CloseCode.notFound, reason: 'invalid room name' };
    const token = url.searchParams.get('token');
    if (!token) return { code: CloseCode.unauthorized, reason: 'missing token' };
    const verified = this.opts.tokens.verify(token);
    if (!verified.ok) return { code: CloseCode.unauthorized, reason: `token ${verified.error}` };
    const { sid, pid, role } = verified.payload;
    if (sid !== room.sessionId) return { code: CloseCode.forbidden, reason: 'token is for another session' };
    const person = await this.opts.sessions.getParticipant(sid, pid);
    if (!person) return { code: CloseCode.notFound, reason: 'session or participant no longer exists' };
    const identity: Identity = { id: pid, name: person.name, role };
    // Private mode's rooms: a fork is its participant's, the overview the facilitator's.
    const denied = await this.opts.registry.privateRooms.admit(room, identity);
    if (denied) return denied;
    return { room, identity };
  }

  /** Stops accepting connections (graceful shutdown); rooms close their own. */
  stopAccepting(): void {
    this.closing = true;
  }

  close(): void {
    this.heartbeat.stop();
    this.output.stop();
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
  }
}

/** Does the frame start as a sync step 2 (`0, 1` as single-byte varuints)? Its content is checked by the room. */
function isSyncStep2(frame: Uint8Array): boolean {
  return frame[0] === MessageType.sync && frame[1] === 1;
}

function toUint8Array(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
