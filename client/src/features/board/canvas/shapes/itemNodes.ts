/**
 * The static items layer's Konva nodes, built and updated without React (issue 3, first
 * paint: one React component and one react-konva node per item cost ~150 ms for 5,000
 * items). One `Konva.Shape` per item, with the item id as its Konva `id`, drawn by
 * draw.ts as the `shapes/*Shape.tsx` components draw them (those remain for the active
 * layer). `sync` diffs by item identity: BoardReader keeps unchanged items' objects,
 * so a change touches only the nodes of changed items, and the layer is drawn once.
 */
import Konva from 'konva';
import type { BoardItem } from '../../../../../../shared/model/board/schema.ts';
import { assertNever } from '../../../../../../shared/roles.ts';
import { noteLayout, notePlaceholderLayout, textItemLayout } from '../../../../base/board/itemStyle.ts';
import type { TextLayout } from '../../../../../../shared/drawing/textLayout.ts';
import { drawArrow, drawFrame, drawNote, drawText, lazy } from './draw.ts';
import { arrowPts } from './ItemShape.tsx';

export interface ItemNodesInput {
  /** The items to draw, in drawing order (frames first). */
  items: readonly BoardItem[];
  byId: ReadonlyMap<string, BoardItem>;
  /** Items drawn elsewhere right now (being dragged, in the active layer). */
  hidden: ReadonlySet<string>;
  editingId: string | null;
  notePlaceholder: string | null;
  textPlaceholder: string | null;
}

/** What a node draws; its sceneFunc reads this, so an update changes fields, not the node. */
interface Entry {
  node: Konva.Shape;
  item: BoardItem;
  editing: boolean;
  placeholder: string | null;
  /** Resolved arrow ends (arrows only; also the node's `pts` attribute). */
  pts: number[] | null;
  layout: (() => TextLayout) | null;
  hint: (() => TextLayout) | null;
  /** The sync that last wanted this node on the layer. */
  seen: number;
}

/** Up to this many nodes are removed or inserted one by one; more, and the layer's children are rebuilt. */
const FEW = 16;

const samePts = (a: readonly number[] | null, b: readonly number[] | null) =>
  a === b || (!!a && !!b && a.length === b.length && a.every((v, i) => v === b[i]));

function drawEntry(e: Entry, ctx: CanvasRenderingContext2D, shape: Konva.Shape): void {
  const item = e.item;
  switch (item.kind) {
    case 'note':
      return drawNote(ctx, { note: item, layout: e.layout!, placeholder: e.hint, editing: e.editing });
    case 'text':
      return drawText(ctx, item, e.layout!, e.editing, e.hint);
    case 'frame':
      return drawFrame(ctx, item, e.editing);
    case 'arrow':
      return drawArrow(ctx, item, shape.getAttr('pts') as number[], e.editing);
    default:
      return assertNever(item);
  }
}

/** Sets what the entry draws (text layouts lazily, on first draw) and moves its node. */
function apply(e: Entry, item: BoardItem, editing: boolean, placeholder: string | null, pts: number[] | null): void {
  const itemChanged = e.item !== item;
  const placeholderChanged = e.placeholder !== placeholder;
  e.item = item;
  e.editing = editing;
  e.placeholder = placeholder;
  if (item.kind === 'note') {
    if (itemChanged || !e.layout) e.layout = lazy(() => noteLayout(item, item.text));
    if (itemChanged || placeholderChanged || (placeholder && !e.hint))
      e.hint = placeholder ? lazy(() => notePlaceholderLayout(item, placeholder)) : null;
  } else if (item.kind === 'text') {
    if (itemChanged || !e.layout) e.layout = lazy(() => textItemLayout(item, item.text));
    if (itemChanged || placeholderChanged || (placeholder && !e.hint))
      e.hint = placeholder ? lazy(() => textItemLayout(item, placeholder)) : null;
  }
  if (item.kind === 'arrow') {
    if (!samePts(e.pts, pts)) {
      e.pts = pts;
      e.node.setAttr('pts', pts);
    }
  } else if (e.node.x() !== item.x || e.node.y() !== item.y) {
    e.node.position({ x: item.x, y: item.y });
  }
}

/** The container the nodes go in: the items layer (a test may pass a Group with its own batchDraw). */
export type ItemsContainer = Konva.Container & { batchDraw(): unknown };

export class ItemNodes {
  private readonly entries = new Map<string, Entry>();
  private syncs = 0;

  constructor(private readonly layer: ItemsContainer) {}

  /** Brings the layer's nodes to `input`; draws the layer (once) if anything changed. */
  sync({ items, byId, hidden, editingId, notePlaceholder, textPlaceholder }: ItemNodesInput): void {
    const round = ++this.syncs;
    const wanted: Konva.Shape[] = [];
    let changed = false;
    for (const item of items) {
      if (hidden.has(item.id)) continue;
      const pts = item.kind === 'arrow' ? arrowPts(item, byId) : null;
      if (item.kind === 'arrow' && !pts) continue; // an end cannot be placed
      const editing = item.id === editingId;
      const placeholder = item.kind === 'note' ? notePlaceholder : item.kind === 'text' ? textPlaceholder : null;
      let e = this.entries.get(item.id);
      if (!e) {
        e = this.create(item, editing, placeholder, pts);
        changed = true;
      } else if (
        e.item !== item ||
        e.editing !== editing ||
        e.placeholder !== placeholder ||
        (pts !== null && !samePts(e.pts, pts))
      ) {
        apply(e, item, editing, placeholder, pts);
        changed = true;
      }
      e.seen = round;
      wanted.push(e.node);
    }
    // Gone from the view: destroyed. Hidden for now (dragged, or an arrow without ends): kept off the layer.
    const stale: Konva.Shape[] = [];
    for (const [id, e] of this.entries) {
      if (e.seen === round) continue;
      if (!byId.has(id)) {
        this.entries.delete(id);
        e.node.destroy();
        changed = true;
      } else if (e.node.parent) {
        stale.push(e.node);
      }
    }
    if (this.order(wanted, stale)) changed = true;
    if (changed) this.layer.batchDraw();
  }

  /** All nodes, on the layer or not. */
  destroy(): void {
    for (const e of this.entries.values()) e.node.destroy();
    this.entries.clear();
  }

  private create(item: BoardItem, editing: boolean, placeholder: string | null, pts: number[] | null): Entry {
    const node = new Konva.Shape();
    // Written into the new node's attributes directly (issue 14, first paint): it has no
    // cache to clear and no one listening yet, and Konva's setters (a name built, a
    // setter looked up and a batch opened per attribute) were a third of building 5,000 nodes.
    Object.assign(node.attrs, {
      id: item.id,
      // Arrows are placed by their `pts`.
      ...(item.kind === 'arrow' ? null : { x: item.x, y: item.y }),
      listening: false,
      // No fill or stroke attributes (the sceneFunc paints): skips Konva's per-draw check for a buffer canvas.
      perfectDrawEnabled: false,
      sceneFunc: (ctx: Konva.Context, shape: Konva.Shape) => drawEntry(e, ctx._context, shape),
    });
    const e: Entry = {
      node,
      item,
      editing,
      placeholder,
      pts: null,
      layout: null,
      hint: null,
      seen: 0,
    };
    apply(e, item, editing, placeholder, pts);
    this.entries.set(item.id, e);
    return e;
  }

  /**
   * Puts exactly `wanted` on the layer, in that order; true if anything changed. New
   * items on top (and the first load) are appended all at once, a few items back in
   * their places (dropped after a drag) are inserted there, and any other change of
   * order puts all nodes back in one go, cheaper than moving them one by one.
   */
  private order(wanted: readonly Konva.Shape[], stale: readonly Konva.Shape[]): boolean {
    const layer = this.layer;
    if (stale.length > FEW) layer.removeChildren();
    else for (const node of stale) node.remove();
    const children = layer.getChildren();
    let same = 0;
    while (same < children.length && same < wanted.length && children[same] === wanted[same]) same++;
    if (same === children.length) {
      if (same === wanted.length) return stale.length > 0;
      layer.add(...wanted.slice(same));
      return true;
    }
    // Are the children still in order, with a few nodes missing in between?
    const inserts: number[] = [];
    let j = same;
    for (let i = same; i < wanted.length && inserts.length <= FEW; i++) {
      if (children[j] === wanted[i]) j++;
      else if (wanted[i]!.getParent()) break;
      else inserts.push(i);
    }
    if (j === children.length && inserts.length <= FEW && j + inserts.length === wanted.length) {
      // Ascending, so everything before each place is already in order.
      for (const i of inserts) {
        layer.add(wanted[i]!);
        wanted[i]!.zIndex(i);
      }
    } else {
      layer.removeChildren();
      layer.add(...wanted);
    }
    return true;
  }
}
