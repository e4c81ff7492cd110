/**
 * Ping/pong for every sync connection: a peer that has not answered the previous ping
 * when the next one is due is gone (a laptop closed, a network dropped without a FIN),
 * so its connection is ended and its presence leaves the room within two intervals.
 */
import type { WebSocket, WebSocketServer } from 'ws';

export class Heartbeat {
  private readonly alive = new WeakSet<WebSocket>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly wss: WebSocketServer,
    intervalMs: number,
    private readonly onDead: () => void = () => undefined,
  ) {
    this.timer = setInterval(() => this.beat(), intervalMs);
    this.timer.unref();
  }

  /** Starts watching a new connection. */
  track(ws: WebSocket): void {
    this.alive.add(ws);
    ws.on('pong', () => this.alive.add(ws));
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private beat(): void {
    for (const ws of this.wss.clients) {
      if (!this.alive.has(ws)) {
        this.onDead();
        ws.terminate();
        continue;
      }
      this.alive.delete(ws);
      ws.ping();
    }
  }
}
