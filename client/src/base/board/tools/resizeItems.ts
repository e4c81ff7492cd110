/**
 * Resizing with the Konva Transformer (attached to the selection outlines in the active
 * layer). Each step turns the outlines' scale into a size, and the new sizes reach the
 * doc at most once per animation frame; the whole resize is one undo step.
 * Notes and frames keep a minimum size; text keeps its font size when pulled at a side
 * and scales it when pulled at a corner, and its height always follows its text.
 */
import { updateItem } from '../../../../../shared/model/board/commands.ts';
import type { Rect } from '../../../../../shared/model/board/geometry.ts';
import type { BoardItem } from '../../../../../shared/model/board/schema.ts';
import type { BoardEnv } from '../env.ts';
import { FRAME, NOTE, TEXT, textItemHeight } from '../itemStyle.ts';

/** The fields a resized item gets; `corner` is whether a corner handle (not a side) is pulled. */
export function resizePatch(item: BoardItem, rect: Rect, corner: boolean): Record<string, number> | null {
  const x = Math.round(rect.x);
  const y = Math.round(rect.y);
  switch (item.kind) {
    case 'note':
      return { x, y, w: Math.round(Math.max(NOTE.minW, rect.w)), h: Math.round(Math.max(NOTE.minH, rect.h)) };
    case 'frame':
      return { x, y, w: Math.round(Math.max(FRAME.minW, rect.w)), h: Math.round(Math.max(FRAME.minH, rect.h)) };
    case 'text': {
      const w = Math.round(Math.max(TEXT.minW, rect.w));
      const ratio = item.h > 0 ? rect.h / item.h : 1;
      const fontSize = corner ? Math.round(Math.min(200, Math.max(8, item.fontSize * ratio))) : item.fontSize;
      return { x, y, w, fontSize, h: textItemHeight({ w, fontSize }, item.text) };
    }
    case 'arrow':
      return null;
  }
}

export class ItemResize {
  private readonly start: Map<string, BoardItem>;
  private pending = new Map<string, Record<string, number>>();
  private frame = 0;

  constructor(
    private readonly env: BoardEnv,
    ids: readonly string[],
  ) {
    const { byId } = env.reader.getSnapshot();
    this.start = new Map(ids.flatMap((id) => (byId.has(id) ? [[id, byId.get(id)!] as const] : [])));
    env.undo.stopCapturing();
    env.store.setState({ resizing: true });
  }

  /** New boxes (world) of the items being resized. */
  update(rects: ReadonlyMap<string, Rect>, corner: boolean): void {
    for (const [id, rect] of rects) {
      const item = this.start.get(id);
      const patch = item ? resizePatch(item, rect, corner) : null;
      if (patch) this.pending.set(id, patch);
    }
    if (!this.frame) this.frame = requestAnimationFrame(this.flush);
  }

  end(): void {
    cancelAnimationFrame(this.frame);
    this.flush();
    this.env.undo.stopCapturing();
    this.env.store.setState({ resizing: false });
  }

  private readonly flush = () => {
    this.frame = 0;
    const pending = this.pending;
    this.pending = new Map();
    for (const [id, patch] of pending) {
      this.env.undo.continueCapturing();
      updateItem(this.env.doc, id, patch);
    }
  };
}
