/**
 * What the board's tools and actions work with: the doc (through the model only), the
 * incremental reader, this person's undo, the UI store and the few Konva nodes that are
 * moved directly during a drag. Not React: created once per open board (BoardCanvas).
 */
import type Konva from 'konva';
import type { BoardReader, BoardSnapshot } from '../../../../shared/model/board/read.ts';
import type { BoardItem, NoteColor } from '../../../../shared/model/board/schema.ts';
import type { BoardUndo } from '../../../../shared/model/board/undo.ts';
import type { Doc } from '../../../../shared/model/doc.ts';
import type { Translate } from '../i18n/useT.ts';
import type { BoardStore } from './boardState.ts';
import { renderOrder } from './hitTest.ts';
import type { Size } from './viewport.ts';

/** The view (tab) of the board this canvas shows. */
export const CANVAS_VIEW = 'canvas';

export interface KonvaRefs {
  stage: Konva.Stage | null;
  /** The layer with the selection, dragged items and the Transformer. */
  activeLayer: Konva.Layer | null;
  /** Holds the dragged items; a drag only moves this group (tools/dragItems.ts). */
  dragGroup: Konva.Group | null;
  /** Arrows attached to dragged items, reshaped directly during the drag. */
  arrowNodes: Map<string, Konva.Shape>;
}

/** Values from React props, refreshed on every render of the canvas. */
export interface EnvProps {
  editable: boolean;
  author: string;
  /** This person's note colour (until they pick another). */
  personNoteColor: NoteColor;
  t: Translate;
  size: Size;
  /** The view (tab) whose items this canvas shows and adds to (`canvas`, or a method view's annotations). */
  view: string;
  /** Participant id stamped on what this person adds (private mode shows people their own). */
  authorId: string;
  /**
   * Private mode: the participant whose notes stay visible; everyone else's notes are
   * left out of the view (drawn face down by ConcealedLayer, not selectable). `null`: all.
   */
  privateFor: string | null;
}

export interface BoardEnv {
  doc: Doc;
  reader: BoardReader;
  undo: BoardUndo;
  store: BoardStore;
  nodes: KonvaRefs;
  props: EnvProps;
}

export interface ViewItems {
  /** Items of this view in drawing order (frames first). */
  items: BoardItem[];
  byId: ReadonlyMap<string, BoardItem>;
}

const cache = new WeakMap<BoardSnapshot, Map<string, ViewItems>>();

/** In private mode, is this item someone else's note (shown face down, not usable)? */
export function isConcealed(item: BoardItem, privateFor: string | null): boolean {
  return privateFor !== null && item.kind === 'note' && item.authorId !== privateFor;
}

/**
 * The items of one view (the free canvas by default) in drawing order, computed once per
 * snapshot; in private mode without others' notes (see {@link isConcealed}).
 */
export function viewItemsOf(
  snapshot: BoardSnapshot,
  view: string = CANVAS_VIEW,
  privateFor: string | null = null,
): ViewItems {
  let perView = cache.get(snapshot);
  if (!perView) {
    perView = new Map();
    cache.set(snapshot, perView);
  }
  const key = privateFor === null ? view : `${view}\u0000${privateFor}`;
  let v = perView.get(key);
  if (!v) {
    const items = snapshot.items.filter((i) => i.view === view && !isConcealed(i, privateFor));
    const byId =
      privateFor === null ? snapshot.byId : new Map([...snapshot.byId].filter(([, i]) => !isConcealed(i, privateFor)));
    v = { items: renderOrder(items), byId };
    perView.set(key, v);
  }
  return v;
}

/** Others' notes in private mode, for the face-down layer. */
export function concealedItemsOf(snapshot: BoardSnapshot, view: string, privateFor: string | null): BoardItem[] {
  if (privateFor === null) return [];
  return snapshot.items.filter((i) => i.view === view && isConcealed(i, privateFor));
}

export function viewItems(env: BoardEnv): ViewItems {
  return viewItemsOf(env.reader.getSnapshot(), env.props.view, env.props.privateFor);
}

/** The selection without ids that no longer exist. */
export function selectedIds(env: BoardEnv): string[] {
  const { byId } = env.reader.getSnapshot();
  return env.store.getState().selection.filter((id) => byId.has(id));
}

export function noteColorFor(env: BoardEnv): NoteColor {
  return env.store.getState().noteColor ?? env.props.personNoteColor;
}
