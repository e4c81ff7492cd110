/**
 * Dragging items (issue 3 speed target: a selection on a 2,000-item board moves at 50+
 * fps). When the drag starts, the moving items leave the static items layer for the
 * active layer (one re-render), drawn from a frozen copy inside one Konva Group. Each
 * pointer move then only shifts that group and reshapes the arrows attached to it,
 * directly on the Konva nodes, and redraws the active layer: no React render, no doc
 * read. The doc gets the move at most once per animation frame (less often for big
 * selections, see liveWriteInterval) so others see the drag live; the last write at
 * the end commits the final position, and the whole drag is one undo step.
 */
import { moveItems } from '../../../../../shared/model/board/commands.ts';
import type { BoardItem } from '../../../../../shared/model/board/schema.ts';
import { viewItems, type BoardEnv } from '../env.ts';
import { attachedArrows, liveWriteInterval, movedArrowPts, withFrameContents } from '../selection.ts';
import type { Point } from '../viewport.ts';

export class ItemDrag {
  private readonly ids: string[];
  private readonly moving: ReadonlySet<string>;
  private readonly attached: string[];
  private readonly frozen: Map<string, BoardItem>;
  private readonly interval: number;
  private delta: Point = { x: 0, y: 0 };
  private written: Point = { x: 0, y: 0 };
  private lastWriteAt = 0;
  private frame = 0;

  constructor(
    private readonly env: BoardEnv,
    selection: readonly string[],
    private readonly origin: Point,
  ) {
    const { items, byId } = viewItems(env);
    this.ids = withFrameContents(selection, items, byId);
    this.moving = new Set(this.ids);
    this.attached = attachedArrows(items, this.moving);
    this.frozen = new Map();
    for (const id of [...this.ids, ...this.attached]) {
      const item = byId.get(id);
      if (item) this.frozen.set(id, item);
    }
    this.interval = liveWriteInterval(this.ids.length);
    env.undo.stopCapturing();
    env.nodes.dragGroup?.position({ x: 0, y: 0 });
    env.store.setState({ drag: { ids: this.moving, frozen: this.frozen, attachedArrows: this.attached } });
  }

  /** The pointer is at `world`: move the picture now, the doc soon. */
  move(world: Point): void {
    this.delta = { x: Math.round(world.x - this.origin.x), y: Math.round(world.y - this.origin.y) };
    this.paint();
    if (!this.frame) this.frame = requestAnimationFrame(this.onFrame);
  }

  /** Ends the drag: writes the final position and puts the items back in the static layer. */
  end(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.write();
    this.env.undo.stopCapturing();
    this.env.nodes.dragGroup?.position({ x: 0, y: 0 });
    this.env.store.setState({ drag: null });
  }

  get moved(): boolean {
    return this.delta.x !== 0 || this.delta.y !== 0;
  }

  private paint(): void {
    const { nodes } = this.env;
    nodes.dragGroup?.position(this.delta);
    const { byId } = viewItems(this.env);
    const lookup = { get: (id: string) => this.frozen.get(id) ?? byId.get(id) };
    for (const id of this.attached) {
      const arrow = this.frozen.get(id);
      const node = nodes.arrowNodes.get(id);
      if (arrow?.kind !== 'arrow' || !node) continue;
      const pts = movedArrowPts(arrow, lookup, this.moving, this.delta);
      if (pts) node.setAttr('pts', pts);
    }
    nodes.activeLayer?.batchDraw();
  }

  private readonly onFrame = () => {
    this.frame = 0;
    if (performance.now() - this.lastWriteAt >= this.interval) this.write();
    else this.frame = requestAnimationFrame(this.onFrame);
  };

  private write(): void {
    const dx = this.delta.x - this.written.x;
    const dy = this.delta.y - this.written.y;
    if (dx === 0 && dy === 0) return;
    // A drag that pauses longer than the undo capture timeout is still one step.
    this.env.undo.continueCapturing();
    moveItems(this.env.doc, this.ids, dx, dy);
    this.written = { ...this.delta };
    this.lastWriteAt = performance.now();
  }
}
