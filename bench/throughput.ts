/**
 * Latency and throughput in one room: `writers` clients each send `perWriter` updates
 * (one every `intervalMs`); one watcher records when each arrives. Latency is from the
 * writer's send to the watcher's receipt (same process, same clock).
 */
import { benchClient, percentile, until } from './client.ts';
import { mark } from '../test/helpers/marks.ts';
import type { BenchServer } from './servers.ts';

export interface ThroughputResult {
  updates: number;
  delivered: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  updatesPerSecond: number;
  rssMb: number;
}

export async function throughput(
  server: BenchServer,
  writers = 20,
  perWriter = 100,
  intervalMs = 5,
): Promise<ThroughputResult> {
  await server.start();
  const watcher = benchClient(server.endpoint(0));
  const ws = Array.from({ length: writers }, (_, i) => benchClient(server.endpoint(i + 1)));
  await Promise.all([watcher.synced, ...ws.map((w) => w.synced)]);
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  // Marks are actor records: the server refuses roots the document model does not know.
  watcher.doc.getMap('actors').observe((e) => {
    const now = performance.now();
    for (const key of e.keysChanged) {
      const t = sentAt.get(key);
      if (t !== undefined) latencies.push(now - t);
    }
  });
  const t0 = performance.now();
  await Promise.all(
    ws.map(async (w, wi) => {
      for (let i = 0; i < perWriter; i++) {
        const key = `${wi}-${i}`;
        sentAt.set(key, performance.now());
        mark(w.doc, key, i);
        await new Promise((r) => setTimeout(r, intervalMs));
      }
    }),
  );
  const total = writers * perWriter;
  await until(() => latencies.length >= total, 20_000);
  const elapsed = (performance.now() - t0) / 1000;
  const rssMb = server.rssMb();
  for (const w of [watcher, ...ws]) w.destroy();
  await server.kill('SIGTERM');
  latencies.sort((a, b) => a - b);
  return {
    updates: total,
    delivered: latencies.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
    updatesPerSecond: latencies.length / elapsed,
    rssMb,
  };
}
