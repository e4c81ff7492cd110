/**
 * Prometheus text-format metrics, kept in plain counters (no dependency needed for a
 * handful of series). Served at `GET /metrics`.
 */
import { EVENT_LOOP_DELAY_BUCKETS_S, EventLoopDelay } from './eventLoopDelay.ts';

const LATENCY_BUCKETS_S = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 1];

export class Metrics {
  connections = 0;
  roomsLoaded = 0;
  updatesTotal = 0;
  refusedUpdatesTotal = 0;
  closedMalformedTotal = 0;
  /** Stored rows moved to the quarantine since the start (server/sync/loadStored.ts). */
  quarantinedRowsTotal = 0;
  /** Rows in the quarantine: read from the store at start, then counted up. */
  quarantineRows = 0;
  /** Refused updates that had been applied tentatively, so the room's doc was reloaded. */
  roomRestoresTotal = 0;
  /** Websocket upgrades refused because the page's origin is not the app's. */
  refusedOriginsTotal = 0;
  /** Connections ended because they stopped answering pings (half-open). */
  closedDeadTotal = 0;
  /** Times reading a connection was paused: over its budget or too many frames in its room's queue (issue 11). */
  connectionsThrottledTotal = 0;
  /** Connections whose reading is paused now. */
  connectionsPaused = 0;
  /** Frames sent to peers (fan-out included). */
  framesSentTotal = 0;
  /** Awareness messages received (each passes the guard; they go out coalesced). */
  awarenessReceivedTotal = 0;
  /** Bytes written to peers and not yet read by them, summed over all peers (sampled). */
  bufferedBytes = 0;
  /** The highest {@link bufferedBytes} seen since the start. */
  bufferedBytesPeak = 0;
  /** Connections dropped for not reading: over the per-peer or the server-wide cap. */
  slowClosesTotal = 0;
  /** Sync step 1 answered with an answer already encoded for another peer. */
  syncAnswersSharedTotal = 0;
  /** Connections refused because the cap on loaded rooms was reached. */
  roomsRefusedTotal = 0;
  /** Updates stored by another instance and applied here (issue 13, REDIS_URL). */
  remoteUpdatesTotal = 0;
  /** Times a room found in the store what another instance stored and it had not heard (issue 13). */
  fanoutCatchUpsTotal = 0;
  /** How late the event loop comes back to a timer (issue 14: the tail of a busy instance). */
  readonly eventLoop = new EventLoopDelay();
  private readonly writeBuckets = new Array<number>(LATENCY_BUCKETS_S.length).fill(0);
  private writeCount = 0;
  private writeSum = 0;
  /** Update counts per second for the last 60 s, for the updates/s gauge. */
  private readonly perSecond = new Map<number, number>();

  constructor(private readonly now: () => number = Date.now) {}

  countUpdate(): void {
    this.updatesTotal++;
    const sec = Math.floor(this.now() / 1000);
    this.perSecond.set(sec, (this.perSecond.get(sec) ?? 0) + 1);
    if (this.perSecond.size > 120) {
      for (const k of this.perSecond.keys()) if (k < sec - 60) this.perSecond.delete(k);
    }
  }

  countQuarantined(): void {
    this.quarantinedRowsTotal++;
    this.quarantineRows++;
  }

  observeStoreWrite(seconds: number): void {
    this.writeCount++;
    this.writeSum += seconds;
    LATENCY_BUCKETS_S.forEach((le, i) => {
      if (seconds <= le) this.writeBuckets[i] = (this.writeBuckets[i] ?? 0) + 1;
    });
  }

  /** Mean updates per second over the last full 60 seconds. */
  updatesPerSecond(): number {
    const sec = Math.floor(this.now() / 1000);
    let n = 0;
    for (const [k, v] of this.perSecond) if (k >= sec - 60 && k < sec) n += v;
    return n / 60;
  }

  render(): string {
    const lines: string[] = [];
    const gauge = (name: string, help: string, value: number, type = 'gauge') => {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, `${name} ${value}`);
    };
    gauge('veldwerk_connections', 'Open websocket connections.', this.connections);
    gauge('veldwerk_rooms_loaded', 'Documents loaded in memory.', this.roomsLoaded);
    gauge('veldwerk_updates_total', 'Document updates accepted and stored.', this.updatesTotal, 'counter');
    gauge(
      'veldwerk_updates_per_second',
      'Accepted updates per second, mean over the last minute.',
      this.updatesPerSecond(),
    );
    gauge(
      'veldwerk_refused_updates_total',
      'Updates refused (role, lock, size, limits or write rules).',
      this.refusedUpdatesTotal,
      'counter',
    );
    gauge(
      'veldwerk_malformed_closes_total',
      'Connections closed for a malformed frame.',
      this.closedMalformedTotal,
      'counter',
    );
    gauge(
      'veldwerk_dead_connections_total',
      'Connections ended because they stopped answering pings.',
      this.closedDeadTotal,
      'counter',
    );
    gauge(
      'veldwerk_connections_throttled_total',
      'Times reading a connection was paused (over its budget, or its room queue full).',
      this.connectionsThrottledTotal,
      'counter',
    );
    gauge('veldwerk_connections_paused', 'Connections whose reading is paused now.', this.connectionsPaused);
    gauge('veldwerk_frames_sent_total', 'Frames sent to peers, fan-out included.', this.framesSentTotal, 'counter');
    gauge(
      'veldwerk_awareness_received_total',
      'Awareness messages received (fanned out coalesced).',
      this.awarenessReceivedTotal,
      'counter',
    );
    gauge('veldwerk_buffered_bytes', 'Bytes sent to peers and not yet read, all peers.', this.bufferedBytes);
    gauge('veldwerk_buffered_bytes_peak', 'Highest veldwerk_buffered_bytes since the start.', this.bufferedBytesPeak);
    gauge(
      'veldwerk_slow_closes_total',
      'Connections dropped for not reading what was sent to them.',
      this.slowClosesTotal,
      'counter',
    );
    gauge(
      'veldwerk_sync_answers_shared_total',
      'Sync step 1 answered with an answer encoded once for several peers.',
      this.syncAnswersSharedTotal,
      'counter',
    );
    gauge(
      'veldwerk_rooms_refused_total',
      'Connections refused because MAX_ROOMS_LOADED rooms were loaded.',
      this.roomsRefusedTotal,
      'counter',
    );
    gauge(
      'veldwerk_remote_updates_total',
      'Updates stored by another instance and applied here (REDIS_URL).',
      this.remoteUpdatesTotal,
      'counter',
    );
    gauge(
      'veldwerk_fanout_catch_ups_total',
      'Times a room read from the store what another instance stored and this one had not heard.',
      this.fanoutCatchUpsTotal,
      'counter',
    );
    gauge(
      'veldwerk_refused_origins_total',
      'Websocket connections refused for a foreign page origin.',
      this.refusedOriginsTotal,
      'counter',
    );
    gauge(
      'veldwerk_quarantined_rows_total',
      'Stored updates moved to the quarantine because they could not be loaded.',
      this.quarantinedRowsTotal,
      'counter',
    );
    gauge('veldwerk_quarantine_rows', 'Stored updates in the quarantine.', this.quarantineRows);
    gauge(
      'veldwerk_room_restores_total',
      'Times a room reloaded its doc from the store after refusing an applied update.',
      this.roomRestoresTotal,
      'counter',
    );
    lines.push(
      '# HELP veldwerk_store_write_seconds Time to store one update durably.',
      '# TYPE veldwerk_store_write_seconds histogram',
    );
    LATENCY_BUCKETS_S.forEach((le, i) =>
      lines.push(`veldwerk_store_write_seconds_bucket{le="${le}"} ${this.writeBuckets[i]}`),
    );
    lines.push(`veldwerk_store_write_seconds_bucket{le="+Inf"} ${this.writeCount}`);
    lines.push(`veldwerk_store_write_seconds_sum ${this.writeSum}`);
    lines.push(`veldwerk_store_write_seconds_count ${this.writeCount}`);
    const loop = this.eventLoop;
    const loopBuckets = loop.buckets();
    lines.push(
      '# HELP veldwerk_event_loop_delay_seconds Time between the ticks of a 10 ms timer on the event loop (anything above it is a delay every message then waited).',
      '# TYPE veldwerk_event_loop_delay_seconds histogram',
    );
    EVENT_LOOP_DELAY_BUCKETS_S.forEach((le, i) =>
      lines.push(`veldwerk_event_loop_delay_seconds_bucket{le="${le}"} ${loopBuckets[i]}`),
    );
    lines.push(`veldwerk_event_loop_delay_seconds_bucket{le="+Inf"} ${loop.count}`);
    lines.push(`veldwerk_event_loop_delay_seconds_sum ${loop.sum}`);
    lines.push(`veldwerk_event_loop_delay_seconds_count ${loop.count}`);
    return lines.join('\n') + '\n';
  }
}
