/** The pointer state machine's states (after tldraw's tool states: idle, pointing, dragging...). */
import type { ArrowEnd } from '../../../../../shared/model/board/schema.ts';
import type { Point } from '../viewport.ts';
import type { ItemDrag } from './dragItems.ts';

/** One pointer event, in screen (canvas) and world coordinates. */
export interface PointerInput {
  id: number;
  type: string;
  button: number;
  screen: Point;
  world: Point;
  shift: boolean;
  mod: boolean;
  time: number;
  /** Over one of the Transformer's handles (Konva shows the resize cursor there). */
  onHandle?: boolean;
}

export type PointerState =
  | { kind: 'idle' }
  /** Down on an item or the empty canvas with the select tool; not moved yet. */
  | {
      kind: 'pointing';
      origin: Point;
      world: Point;
      hit: string | null;
      /** The hit item was selected before this press (shift-click then deselects it). */
      wasSelected: boolean;
      shift: boolean;
      touch: boolean;
    }
  | { kind: 'dragging'; drag: ItemDrag }
  | { kind: 'marquee'; world: Point; base: readonly string[] }
  | { kind: 'panning'; last: Point }
  | { kind: 'pinching'; center: Point; distance: number }
  /** Note or text tool: the item is made on release, where the press was. */
  | { kind: 'placing'; tool: 'note' | 'text'; world: Point; origin: Point }
  | { kind: 'framing'; world: Point }
  | { kind: 'arrowing'; start: ArrowEnd; startItem: string | null; world: Point }
  | { kind: 'arrowEnd'; arrowId: string; which: 'start' | 'end' };

/** Movement (screen px) before a press becomes a drag; fingers are less precise than a mouse. */
export function dragThreshold(pointerType: string): number {
  return pointerType === 'touch' ? 8 : 3;
}

export function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}
