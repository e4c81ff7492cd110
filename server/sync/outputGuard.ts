/**
 * Caps on what the server holds for peers that do not read (issue 11): each peer may
 * have at most `maxUnreadBytes` waiting before another frame is sent to it (checked
 * before sending, so one frame, such as the first sync of a big board, may exceed it;
 * and on top of the cap a peer may still be reading the biggest frame it was sent, so
 * an edit made while a slow link downloads a big board does not drop it), and all
 * peers together at most `maxBufferedBytesTotal`; over that, the peers with the most
 * unread bytes are dropped first. A dropped peer gets {@link CloseCode.tooSlow}, which
 * clients retry.
 */
import { WebSocket } from 'ws';
import { CloseCode } from '../../shared/protocol.ts';
import type { Metrics } from '../metrics.ts';
import { sendThisTurn, sendWaiting, socketOf, waitingBytes } from './corkedSend.ts';
import { WireFrame } from './wireFrame.ts';

/** ws's sender's state (0: idle, nothing queued): a framed write may go to the socket directly. */
interface WsInternals {
  _sender?: { _state?: number };
}

export interface OutputLimits {
  /** Unread bytes one peer may have before it is dropped (checked before each send). */
  maxUnreadBytes: number;
  /** Unread bytes of all peers together; over it, the slowest peers are dropped. */
  maxBufferedBytesTotal: number;
}

/** Frames up to this size wait for the end of the turn to share a write (see corkedSend.ts). */
const CORK_MAX_BYTES = 64 * 1024;
/** How often the server-wide total is summed, in ms. */
const CHECK_INTERVAL_MS = 250;
/** A dropped peer that does not read its close frame either is cut off after this long. */
const TERMINATE_AFTER_MS = 1000;

export class OutputGuard {
  private readonly timer: NodeJS.Timeout;
  /** The biggest frame sent to each peer (its first sync, usually). */
  private readonly biggest = new WeakMap<WebSocket, number>();

  constructor(
    private readonly clients: () => Iterable<WebSocket>,
    private readonly limits: OutputLimits,
    private readonly metrics: Metrics,
  ) {
    this.timer = setInterval(() => this.check(), CHECK_INTERVAL_MS);
    this.timer.unref();
  }

  /**
   * Sends `data` unless the peer already has too much unread; then drops it. A
   * {@link WireFrame} (one frame for many peers) is written to the socket as it was framed.
   */
  send(ws: WebSocket, data: Uint8Array | WireFrame): void {
    if (ws.readyState !== WebSocket.OPEN) return;
    const biggest = this.biggest.get(ws) ?? 0;
    if (ws.bufferedAmount + waitingBytes(ws) > this.limits.maxUnreadBytes + biggest) {
      return this.drop(ws, 'client too slow');
    }
    if (data.byteLength > biggest) this.biggest.set(ws, data.byteLength);
    this.metrics.framesSentTotal++;
    const frame = data instanceof WireFrame ? data : new WireFrame(data);
    // No compression is negotiated (SyncServer), so ws's sender queues nothing while idle:
    // the framed bytes may go straight to the socket, in order with what ws wrote before.
    const socket = socketOf(ws);
    if (!socket || socket.destroyed || (ws as unknown as WsInternals)._sender?._state !== 0) {
      sendWaiting(ws);
      return ws.send(frame.payload);
    }
    // Small frames of this turn in one write (issue 14); a big one (a first sync) goes at once.
    sendThisTurn(ws, socket, frame.bytes(), data.byteLength > CORK_MAX_BYTES);
  }

  /** Writes what waits for `ws` this turn now: before it is closed, so its last frames go first. */
  flush(ws: WebSocket): void {
    sendWaiting(ws);
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private drop(ws: WebSocket, reason: string): void {
    if (ws.readyState !== WebSocket.OPEN) return;
    this.metrics.slowClosesTotal++;
    ws.close(CloseCode.tooSlow, reason);
    // Its unread bytes (the close frame is behind them) are freed now, not after ws's 30 s.
    setTimeout(() => ws.terminate(), TERMINATE_AFTER_MS).unref();
  }

  /** Sums the unread bytes of every peer; drops the slowest while the total is over the cap. */
  check(): void {
    let total = 0;
    const open: { ws: WebSocket; bytes: number }[] = [];
    for (const ws of this.clients()) {
      const bytes = ws.bufferedAmount;
      total += bytes;
      if (ws.readyState === WebSocket.OPEN && bytes > 0) open.push({ ws, bytes });
    }
    this.metrics.bufferedBytes = total;
    this.metrics.bufferedBytesPeak = Math.max(this.metrics.bufferedBytesPeak, total);
    if (total <= this.limits.maxBufferedBytesTotal) return;
    open.sort((a, b) => b.bytes - a.bytes);
    for (const { ws, bytes } of open) {
      if (total <= this.limits.maxBufferedBytesTotal) break;
      this.drop(ws, 'server output full');
      total -= bytes;
    }
  }
}
