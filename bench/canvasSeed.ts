/**
 * Boards for the canvas benchmarks, written through the board model's commands by an
 * unmodified y-websocket client in Node (as any participant's edits arrive).
 */
import { addItems, type NewItem } from '../shared/model/board/commands.ts';
import { NOTE_COLORS } from '../shared/model/board/schema.ts';
import { benchClient, until } from './client.ts';
import type { Endpoint } from './servers.ts';

/** `promise`, or a rejection after `ms` (nothing here may wait for ever). */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(what)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export const GRID = { columns: 50, dx: 220, dy: 160, w: 180, h: 120 };

export interface SeededBoard {
  noteIds: string[];
  arrowIds: string[];
}

const TEXTS = [
  'Huisartsen willen meedoen maar hebben weinig tijd',
  'Wijkteam: korte lijnen met de wijkverpleging',
  'Woningcorporatie ziet kansen voor een buurtkamer',
  'Wethouder wil resultaten voor de begroting',
  'Sportverenigingen: vrijwilligers zijn schaars',
];

/** `notes` notes on a grid and `arrows` arrows, each joining a note to its right-hand neighbour. */
export async function seedBoard(ep: Endpoint, notes: number, arrows: number): Promise<SeededBoard> {
  const client = benchClient(ep);
  await within(client.synced, 20_000, 'the seeding client did not sync');
  const noteIds: string[] = [];
  const arrowIds: string[] = [];
  const BATCH = 500;
  for (let start = 0; start < notes; start += BATCH) {
    const batch: NewItem[] = [];
    for (let i = start; i < Math.min(notes, start + BATCH); i++) {
      batch.push({
        kind: 'note',
        x: (i % GRID.columns) * GRID.dx,
        y: Math.floor(i / GRID.columns) * GRID.dy,
        w: GRID.w,
        h: GRID.h,
        text: `${TEXTS[i % TEXTS.length]} (${i})`,
        color: NOTE_COLORS[i % NOTE_COLORS.length]!,
        author: `Deelnemer ${i % 30}`,
      });
    }
    noteIds.push(...addItems(client.doc, batch));
  }
  // Arrows join horizontal neighbours, skipping the last column.
  const pairs = noteIds.flatMap((id, i): [string, string][] =>
    (i + 1) % GRID.columns !== 0 && noteIds[i + 1] ? [[id, noteIds[i + 1]!]] : [],
  );
  for (let start = 0; start < arrows; start += BATCH) {
    const batch: NewItem[] = [];
    for (let i = start; i < Math.min(arrows, start + BATCH, pairs.length); i++) {
      const [a, b] = pairs[i]!;
      batch.push({
        kind: 'arrow',
        start: { itemId: a },
        end: { itemId: b },
        label: i % 5 === 0 ? 'werkt samen' : '',
        color: '#0e5a63',
      });
    }
    arrowIds.push(...addItems(client.doc, batch));
  }
  // Wait until the server has everything: a second client sees all items.
  const check = benchClient(ep);
  await within(check.synced, 20_000, 'the checking client did not sync');
  const total = noteIds.length + arrowIds.length;
  const complete = await until(() => check.doc.getMap('items').size >= total, 30_000);
  check.destroy();
  client.destroy();
  if (!complete) throw new Error('seeding did not reach the server');
  return { noteIds, arrowIds };
}
