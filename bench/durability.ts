/**
 * A burst of 500 updates, then SIGKILL as soon as a second client has received them
 * all; restart on the same data and count what the first sync of a new client holds.
 */
import { benchClient, until } from './client.ts';
import { mark, markCount, marks } from '../test/helpers/marks.ts';
import type { BenchServer } from './servers.ts';

export interface BurstResult {
  seenByWatcher: number;
  presentAfterRestart: number;
  lostOfSeen: number;
}

export async function burstKill(server: BenchServer, burst = 500): Promise<BurstResult> {
  await server.start();
  const writer = benchClient(server.endpoint(1));
  const watcher = benchClient(server.endpoint(2));
  await Promise.all([writer.synced, watcher.synced]);
  // Marks are actor records: the server refuses roots the document model does not know.
  const base = markCount(watcher.doc);
  for (let i = 0; i < burst; i++) mark(writer.doc, `b${base + i}`, base + i);
  await until(() => markCount(watcher.doc) - base >= burst, 10_000);
  await server.kill('SIGKILL');
  const seen = new Set((Object.values(marks(watcher.doc)) as number[]).filter((v) => v >= base));
  writer.destroy();
  watcher.destroy();

  await server.start();
  let atFirstSync: number[] = [];
  const fresh = benchClient(server.endpoint(3), (doc) => (atFirstSync = Object.values(marks(doc)) as number[]));
  await fresh.synced;
  fresh.destroy();
  await server.kill('SIGTERM');
  const present = new Set(atFirstSync);
  return {
    seenByWatcher: seen.size,
    presentAfterRestart: [...seen].filter((i) => present.has(i)).length,
    lostOfSeen: [...seen].filter((i) => !present.has(i)).length,
  };
}

/** Cold load: a doc of `items` entries, server restarted; what does the first sync hold, and when? */
export async function coldLoad(server: BenchServer, items = 5000): Promise<{ atFirstSync: number; ms: number }> {
  await server.start();
  const writer = benchClient(server.endpoint(1));
  await writer.synced;
  for (let batch = 0; batch < items / 100; batch++) {
    writer.doc.transact(() => {
      for (let i = 0; i < 100; i++)
        mark(writer.doc, `n${batch * 100 + i}`, `Notitie ${batch * 100 + i}: huisartsen en wijkteam`);
    });
  }
  const check = benchClient(server.endpoint(2));
  await until(() => markCount(check.doc) === items);
  check.destroy();
  writer.destroy();
  await new Promise((r) => setTimeout(r, 1500)); // give any write-behind store time to flush
  await server.kill('SIGTERM');

  await server.start();
  let atFirstSync = 0;
  const t0 = performance.now();
  const fresh = benchClient(server.endpoint(3), (doc) => (atFirstSync = markCount(doc)));
  await fresh.synced;
  const ms = performance.now() - t0;
  fresh.destroy();
  await server.kill('SIGTERM');
  return { atFirstSync, ms };
}
