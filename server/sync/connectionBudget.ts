/**
 * Reading one websocket within its budget (issue 11): a token bucket for messages and
 * one for bytes, and a bound on the frames it has waiting in its room's queue. Over
 * either, the socket is paused (TCP pushes back on the sender) and resumed when the
 * tokens have refilled and the queue has drained. Frames already read are always
 * handled: this is backpressure, never loss.
 */
import type { Metrics } from '../metrics.ts';

export interface ConnectionBudgetLimits {
  /** Messages per second a connection may send on average. */
  messagesPerSecond: number;
  /** Bytes per second a connection may send on average. */
  bytesPerSecond: number;
  /** How many seconds' worth of messages and bytes may come in one burst. */
  burstSeconds: number;
  /** Frames of one connection waiting in its room's queue before reading pauses. */
  maxQueuedFrames: number;
}

export const DEFAULT_BUDGET: ConnectionBudgetLimits = {
  messagesPerSecond: 200,
  bytesPerSecond: 4 * 1024 * 1024,
  burstSeconds: 2,
  maxQueuedFrames: 64,
};

/** A token bucket that may go into debt: a frame that is already read is never refused. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly rate: number,
    private readonly capacity: number,
    private readonly now: () => number = performance.now.bind(performance),
  ) {
    this.tokens = capacity;
    this.last = now();
  }

  /** Takes `n` tokens; returns the ms until the bucket is out of debt (0: it is not in debt). */
  take(n: number): number {
    const t = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((t - this.last) * this.rate) / 1000);
    this.last = t;
    this.tokens -= n;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens / this.rate) * 1000);
  }
}

/** What the flow control needs of a websocket (`ws` has both). */
export interface Pausable {
  pause(): void;
  resume(): void;
}

export class ConnectionFlow {
  private readonly messages: TokenBucket;
  private readonly bytes: TokenBucket;
  private budgetTimer: NodeJS.Timeout | null = null;
  private queued = 0;
  private paused = false;
  private closed = false;

  constructor(
    private readonly ws: Pausable,
    private readonly limits: ConnectionBudgetLimits,
    private readonly metrics: Metrics,
  ) {
    this.messages = new TokenBucket(limits.messagesPerSecond, limits.messagesPerSecond * limits.burstSeconds);
    this.bytes = new TokenBucket(limits.bytesPerSecond, limits.bytesPerSecond * limits.burstSeconds);
  }

  /** Counts a frame read from the socket against the budget. */
  received(byteLength: number): void {
    this.waitForTokens(Math.max(this.messages.take(1), this.bytes.take(byteLength)));
  }

  /** Holds reading while a frame waits in the room's queue (`done` settles when it is handled). */
  track(done: Promise<unknown> | null): void {
    if (!done) return;
    this.queued++;
    this.update();
    void done.finally(() => {
      this.queued--;
      this.update();
    });
  }

  /** The socket closed: no more timers, and it no longer counts as paused. */
  close(): void {
    this.closed = true;
    if (this.budgetTimer) clearTimeout(this.budgetTimer);
    this.budgetTimer = null;
    if (this.paused) this.metrics.connectionsPaused--;
    this.paused = false;
  }

  private waitForTokens(ms: number): void {
    if (ms <= 0 || this.budgetTimer || this.closed) return;
    this.budgetTimer = setTimeout(() => {
      this.budgetTimer = null;
      // Frames read after the pause (the rest of a TCP chunk) may have deepened the debt.
      this.waitForTokens(Math.max(this.messages.take(0), this.bytes.take(0)));
      this.update();
    }, ms);
    this.update();
  }

  private update(): void {
    if (this.closed) return;
    const overBudget = this.budgetTimer !== null;
    if (!this.paused && (overBudget || this.queued > this.limits.maxQueuedFrames)) {
      this.paused = true;
      this.metrics.connectionsPaused++;
      this.metrics.connectionsThrottledTotal++;
      this.ws.pause();
    } else if (this.paused && !overBudget && this.queued <= this.limits.maxQueuedFrames / 2) {
      this.paused = false;
      this.metrics.connectionsPaused--;
      this.ws.resume();
    }
  }
}
