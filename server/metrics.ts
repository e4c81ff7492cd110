/**
 * Prometheus text-format metrics, kept in plain counters (no dependency needed for a
 * handful of series). Served at `GET /metrics`.
 */
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
    return lines.join('\n') + '\n';
  }
}
