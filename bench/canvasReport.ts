/**
 * The "Board canvas (issue 3)" section of BENCHMARKS.md, written by `bench/canvas.ts`
 * between its markers; the rest of the file (bench/run.ts) is left as it is.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { percentile } from './client.ts';
import type { DragResult } from './canvasDrag.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const START = '<!-- bench:canvas:start -->';
const END = '<!-- bench:canvas:end -->';
/** Moves of the remote-edit scenario. */
export const MOVES = 30;
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : 'n/a');

export interface PaintResult {
  /** First full paint, ms since navigation start (NaN: not within the time limit). */
  ms: number;
  drawn: number;
  items: number;
  /** DOMContentLoaded, ms since navigation start. */
  loaded: number;
  /** The page created the board's websocket, ms since navigation start. */
  opened: number;
  /** The server's answer with the whole board arrived (its websocket message handler started), ms since navigation start. */
  data: number;
  /** The snapshot first held all items, ms since navigation start. */
  synced: number;
}

export interface MoveResult {
  ms: number;
  frames: number;
}

export function section(
  env: string,
  drag: DragResult | string,
  paints: PaintResult[] | string,
  moves: MoveResult[] | string,
): string {
  const out: string[] = [START, '## Board canvas (issue 3)', '', env, ''];
  out.push('### Dragging a selection: 2,000 notes and 1,000 connectors', '');
  out.push(
    'The board (2,000 notes on a 50-column grid, 1,000 arrows joining neighbours, seeded through the board model by a',
    'y-websocket client in Node) is opened as the facilitator, zoomed to fit everything (all items on screen), 200',
    'notes are selected through the test hook, and `page.mouse` drags one of them 300 x 150 px in 120 moves spaced',
    'over 2 s (each move waits until the page has taken it, so a slow page stretches the drag: see "took"). The page',
    'records every `requestAnimationFrame` during the drag. The 5th-percentile fps is 1000 / the 95th-percentile',
    'frame time: 95% of frames were at least this fast.',
    '',
  );
  if (typeof drag === 'string') out.push(`Not measured: ${drag}`, '');
  else {
    out.push(
      '| took | frames | mean fps | 5th-percentile fps | p95 frame time | max frame time | selection moved by |',
      '|---|---|---|---|---|---|---|',
    );
    out.push(
      `| ${f1(drag.seconds)} s | ${drag.frames} | ${f1(drag.meanFps)} | ${f1(1000 / drag.p95FrameMs)} | ${f1(drag.p95FrameMs)} ms | ${f1(drag.maxFrameMs)} ms | ${drag.moved} |`,
      '',
    );
  }
  out.push('### First full paint: 5,000 items', '');
  out.push(
    'A board of 3,750 notes and 1,250 arrows, opened in a fresh browser context (no offline copy) from the facilitator',
    'link. "First full paint" is the end of the first Konva layer draw after which the snapshot holds all 5,000 items',
    'and the stage holds a node for each of them, in ms from navigation start (`performance.now()`), so it includes',
    'loading the app, the websocket sync of the whole board and the first render. Also shown: when the DOM was',
    "loaded, when the server's answer with the whole board arrived (the first message of 100 KB or more on the",
    "board's websocket, as its handler starts) and when the snapshot first held all items (checked every frame).",
    '',
  );
  if (typeof paints === 'string') out.push(`Not measured: ${paints}`, '');
  else {
    out.push(
      "| run | DOM loaded | board's websocket opened | the board's data arrived | all items in the snapshot | first full paint |",
      '|---|---|---|---|---|---|',
    );
    paints.forEach((p, i) =>
      out.push(
        `| ${i + 1} | ${f1(p.loaded)} ms | ${f1(p.opened)} ms | ${f1(p.data)} ms | ${f1(p.synced)} ms | ${Number.isFinite(p.ms) ? `${f1(p.ms)} ms` : `n/a (${p.drawn} of ${p.items} drawn)`} |`,
      ),
    );
    const ms = paints.map((p) => p.ms).sort((a, b) => a - b);
    out.push(`| median | | | | | ${f1(percentile(ms, 50))} ms |`, '');
  }
  out.push('### Remote edit to screen', '');
  out.push(
    `On the 5,000-item board, a participant's Node client moves one note ${MOVES} times (150 ms apart). The page times`,
    'each move from the start of the y-websocket message handler that brought it to the end of the draw of the layer',
    'holding that note, with the note at its new place, and counts the animation frames that began in between',
    '("within one frame": at most one, i.e. drawn in the frame after the one it arrived in).',
    '',
  );
  if (typeof moves === 'string') out.push(`Not measured: ${moves}`, '');
  else {
    const ms = moves
      .map((m) => m.ms)
      .filter(Number.isFinite)
      .sort((a, b) => a - b);
    const within = moves.filter((m) => m.frames <= 1).length;
    out.push('| moves | p50 | p95 | max | within one frame |', '|---|---|---|---|---|');
    out.push(
      `| ${moves.length} | ${f1(percentile(ms, 50))} ms | ${f1(percentile(ms, 95))} ms | ${f1(ms.at(-1) ?? NaN)} ms | ${within} of ${moves.length} |`,
      '',
    );
  }
  out.push(END);
  return out.join('\n');
}

export function writeSection(text: string): void {
  const file = path.join(ROOT, 'BENCHMARKS.md');
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmarks\n';
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  const next =
    start !== -1 && end > start
      ? current.slice(0, start) + text + current.slice(end + END.length)
      : `${current.trimEnd()}\n\n${text}\n`;
  fs.writeFileSync(file, next);
}
