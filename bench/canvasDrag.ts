/**
 * Scenario (a) of `bench/canvas.ts`: zoom to fit, select through the test hook, then
 * a scripted mouse drag of one selected note while the page records animation frames.
 */
import type { Page } from 'playwright-core';
import { percentile } from './client.ts';

export interface DragResult {
  frames: number;
  /** How long the drag took: each mouse move waits for the page, so a slow page stretches it. */
  seconds: number;
  meanFps: number;
  p95FrameMs: number;
  maxFrameMs: number;
  /** How far the grabbed note moved in the doc, in world units (x, y), after the drag. */
  moved: string;
}

const DRAG = { dx: 300, dy: 150, steps: 120, ms: 2000 };

interface Hook {
  snapshot(): {
    items: { kind: string; x?: number; y?: number; w?: number; h?: number }[];
    byId: Map<string, { x: number; y: number; w: number; h: number }>;
  };
  setSelection(ids: readonly string[]): void;
  getViewport(): { x: number; y: number; scale: number };
  setViewport(v: { x: number; y: number; scale: number }): void;
  stage: { width(): number; height(): number; container(): HTMLElement };
}

/** Fits all boxes on screen, selects `ids`; returns the screen point at the centre of `grabId`. */
async function prepare(
  page: Page,
  ids: readonly string[],
  grabId: string,
): Promise<{ x: number; y: number; scale: number }> {
  return page.evaluate(
    ([selection, grab]) => {
      const h = (window as unknown as { __veldwerkBoard: Hook }).__veldwerkBoard;
      const boxes = h.snapshot().items.filter((i) => i.kind !== 'arrow') as {
        x: number;
        y: number;
        w: number;
        h: number;
      }[];
      const x1 = Math.min(...boxes.map((b) => b.x));
      const y1 = Math.min(...boxes.map((b) => b.y));
      const x2 = Math.max(...boxes.map((b) => b.x + b.w));
      const y2 = Math.max(...boxes.map((b) => b.y + b.h));
      const w = h.stage.width();
      const hh = h.stage.height();
      const scale = Math.min(w / (x2 - x1), hh / (y2 - y1)) * 0.95;
      h.setViewport({
        scale,
        x: (w - (x2 - x1) * scale) / 2 - x1 * scale,
        y: (hh - (y2 - y1) * scale) / 2 - y1 * scale,
      });
      h.setSelection(selection as string[]);
      const v = h.getViewport();
      const note = h.snapshot().byId.get(grab as string)!;
      const box = h.stage.container().getBoundingClientRect();
      return {
        x: box.left + (note.x + note.w / 2) * v.scale + v.x,
        y: box.top + (note.y + note.h / 2) * v.scale + v.y,
        scale: v.scale,
      };
    },
    [ids, grabId] as const,
  );
}

function notePosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((noteId) => {
    const n = (window as unknown as { __veldwerkBoard: Hook }).__veldwerkBoard.snapshot().byId.get(noteId)!;
    return { x: n.x, y: n.y };
  }, id);
}

export async function dragScenario(page: Page, ids: readonly string[], grabId: string): Promise<DragResult> {
  const at = await prepare(page, ids, grabId);
  await page.waitForTimeout(800);
  const before = await notePosition(page, grabId);
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  await page.evaluate(() => {
    const b = (window as unknown as { __bench: { frames: number[]; recording: boolean } }).__bench;
    b.frames = [];
    b.recording = true;
  });
  const t0 = Date.now();
  for (let i = 1; i <= DRAG.steps; i++) {
    await page.mouse.move(at.x + (DRAG.dx * i) / DRAG.steps, at.y + (DRAG.dy * i) / DRAG.steps);
    const wait = t0 + (DRAG.ms * i) / DRAG.steps - Date.now();
    if (wait > 0) await page.waitForTimeout(wait);
  }
  const frames = await page.evaluate(() => {
    const b = (window as unknown as { __bench: { frames: number[]; recording: boolean } }).__bench;
    b.recording = false;
    return b.frames;
  });
  await page.mouse.up();
  await page.waitForTimeout(1000);
  const after = await notePosition(page, grabId);

  const deltas = frames.slice(1).map((t, i) => t - frames[i]!);
  const sorted = [...deltas].sort((a, b) => a - b);
  const span = (frames.at(-1)! - frames[0]!) / 1000;
  return {
    frames: frames.length,
    seconds: span,
    meanFps: deltas.length / span,
    p95FrameMs: percentile(sorted, 95),
    maxFrameMs: sorted.at(-1) ?? NaN,
    moved: `${Math.round(after.x - before.x)}, ${Math.round(after.y - before.y)} (expected ${Math.round(DRAG.dx / at.scale)}, ${Math.round(DRAG.dy / at.scale)})`,
  };
}
