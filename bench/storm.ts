/**
 * Connect storm (issue 14): `clients` clients join a board of 5,000 items at once (3,750
 * notes and 1,250 arrows, made through the board model), with the room loaded (the seeding
 * client stays), or cold: the server stopped (SIGTERM) and started again first, so the
 * board loads from storage while the crowd waits. Each client's time runs from its
 * connect to its first `sync` event, where its item count is taken (complete or not).
 */
import { addItems, type NewItem } from '../shared/model/board/commands.ts';
import { itemsMapOf } from '../shared/model/board/read.ts';
import { NOTE_COLORS } from '../shared/model/board/schema.ts';
import { percentile, until } from './client.ts';
import type { Target } from './targets.ts';

export interface StormResult {
  clients: number;
  /** Clients with every item at their first sync. */
  complete: number;
  p50: number;
  p99: number;
  /** Server CPU seconds from the first connect to the last first sync (the times above are mostly the clients' decoding). */
  serverCpuSeconds: number;
  loadAverage: number[];
}

const COLUMNS = 50;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Makes the board in a fresh room; `release` lets go of the client that keeps the room loaded. */
export async function seedStormBoard(target: Target, items = 5000): Promise<{ room: string; release(): void }> {
  const [room] = await target.rooms(1);
  const seeder = target.client(room!, true);
  await seeder.ready;
  const notes = Math.round(items * 0.75);
  const noteIds: string[] = [];
  for (let start = 0; start < notes; start += 500) {
    const batch: NewItem[] = [];
    for (let i = start; i < Math.min(notes, start + 500); i++) {
      batch.push({
        kind: 'note',
        x: (i % COLUMNS) * 220,
        y: Math.floor(i / COLUMNS) * 160,
        w: 180,
        h: 120,
        text: `Huisartsen willen meedoen maar hebben weinig tijd (${i})`,
        color: NOTE_COLORS[i % NOTE_COLORS.length]!,
        author: `Deelnemer ${i % 30}`,
      });
    }
    noteIds.push(...addItems(seeder.doc, batch));
  }
  const arrows: NewItem[] = [];
  for (let i = 0; arrows.length < items - notes && i + 1 < noteIds.length; i++) {
    if ((i + 1) % COLUMNS === 0) continue;
    arrows.push({
      kind: 'arrow',
      start: { itemId: noteIds[i]! },
      end: { itemId: noteIds[i + 1]! },
      label: '',
      color: '#0e5a63',
    });
  }
  for (let start = 0; start < arrows.length; start += 500) addItems(seeder.doc, arrows.slice(start, start + 500));
  const check = target.client(room!, false);
  await check.synced;
  const ok = await until(() => itemsMapOf(check.doc).size >= items, 60_000);
  await sleep(3000); // stored everywhere (Hocuspocus stores 2 s after the last change)
  seeder.destroy();
  if (!ok) throw new Error(`${target.name}: the board did not reach the server`);
  return { room: room!, release: () => check.destroy() };
}

export async function storm(target: Target, room: string, clients: number, items = 5000): Promise<StormResult> {
  const os = await import('node:os');
  const loadAverage = os.loadavg();
  const times: number[] = [];
  let complete = 0;
  const cpuBefore = target.cpuSeconds();
  const made = Array.from({ length: clients }, () => {
    const started = performance.now();
    const c = target.client(room, false);
    void c.synced.then(() => {
      times.push(performance.now() - started);
      if (itemsMapOf(c.doc).size >= items) complete++;
    });
    return c;
  });
  await until(() => times.length >= clients, 120_000);
  const serverCpuSeconds = target.cpuSeconds() - cpuBefore;
  for (const c of made) c.destroy();
  times.sort((a, b) => a - b);
  const [p50, p99] = [percentile(times, 50), percentile(times, 99)];
  return { clients: times.length, complete, p50, p99, serverCpuSeconds, loadAverage };
}
