/**
 * What the keyboard shortcuts, the toolbar and the context toolbar do. Each doc change
 * goes through the model's commands (Origin.local, so only this person's undo sees it)
 * and is its own undo step.
 */
import { withAuthor } from '../../../../shared/model/board/authorship.ts';
import { pasteItems } from '../../../../shared/model/board/clipboard.ts';
import { deleteItems, moveItems, reorderItems, updateItem } from '../../../../shared/model/board/commands.ts';
import type { InkColor, NoteColor } from '../../../../shared/model/board/schema.ts';
import { READ_ONLY_TOOLS, type Tool } from './boardState.ts';
import { selectedIds, viewItems, type BoardEnv } from './env.ts';
import { boundsOf } from './hitTest.ts';
import { placeWithKeyboard } from './keyboardPlace.ts';
import { keyboardResizePatch } from './keyboardResize.ts';
import { withFrameContents } from './selection.ts';
import { ZOOM_STEP, fitRect, panToShow, screenToWorld, zoomAt, zoomTo, type Point } from './viewport.ts';

/** Room around fitted items: clear of the tool bar on the left and frame titles above. */
export const FIT_MARGIN = 72;

/** Runs a doc change as one undo step of its own. */
function step(env: BoardEnv, fn: () => void): void {
  env.undo.stopCapturing();
  fn();
  env.undo.stopCapturing();
}

function screenCenter(env: BoardEnv): Point {
  return { x: env.props.size.width / 2, y: env.props.size.height / 2 };
}

export function createActions(env: BoardEnv) {
  const { store } = env;
  const canEdit = () => env.props.editable;
  const zoomBy = (factor: number) => store.setViewport(zoomAt(store.getState().viewport, factor, screenCenter(env)));

  const actions = {
    setTool(tool: Tool) {
      if (!canEdit() && !READ_ONLY_TOOLS.includes(tool)) return;
      store.setState({ tool });
    },
    selectAll() {
      store.setState({ selection: viewItems(env).items.map((i) => i.id), tool: 'select' });
    },
    /** Escape: closes help, then clears the selection and returns to the select tool. */
    escape() {
      const s = store.getState();
      if (s.helpOpen) return store.setState({ helpOpen: false });
      store.setState({ selection: [], tool: 'select', marquee: null, arrowDraft: null });
    },
    deleteSelection() {
      const ids = selectedIds(env);
      if (!canEdit() || !ids.length) return;
      step(env, () => deleteItems(env.doc, ids));
      store.setState({ selection: [] });
    },
    duplicate() {
      const ids = selectedIds(env);
      if (!canEdit() || !ids.length) return;
      // A copy is a new item by whoever makes it (the write rules, issue 10).
      const chosen = viewItems(env).items.filter((i) => ids.includes(i.id));
      const by = { author: env.props.author, authorId: env.props.authorId };
      let copies: string[] = [];
      step(env, () => (copies = pasteItems(env.doc, withAuthor(chosen, by), null, env.props.view)));
      store.setState({ selection: copies });
    },
    reorder(where: 'front' | 'back') {
      const ids = selectedIds(env);
      if (canEdit() && ids.length) step(env, () => reorderItems(env.doc, ids, where));
    },
    /** Arrow keys: moves the selection (and what its frames hold) by whole pixels. */
    nudge(dx: number, dy: number) {
      const ids = selectedIds(env);
      if (!canEdit() || !ids.length) return;
      const { items, byId } = viewItems(env);
      // Nudges in a quick row are one undo step (the model's capture timeout).
      moveItems(env.doc, withFrameContents(ids, items, byId), dx, dy);
    },
    /** Alt+arrows: the selected items' size by `dw` × `dh`, within the mouse resize's limits; one undo step. */
    resize(dw: number, dh: number) {
      const { byId } = env.reader.getSnapshot();
      const patches = selectedIds(env).flatMap((id) => {
        const item = byId.get(id);
        const patch = item ? keyboardResizePatch(item, dw, dh) : null;
        return patch ? [[id, patch] as const] : [];
      });
      if (canEdit() && patches.length)
        step(env, () => patches.forEach(([id, patch]) => updateItem(env.doc, id, patch)));
    },
    setNoteColor(color: NoteColor) {
      store.setState({ noteColor: color });
      const notes = selectedIds(env).filter((id) => env.reader.getSnapshot().byId.get(id)?.kind === 'note');
      if (canEdit() && notes.length) step(env, () => notes.forEach((id) => updateItem(env.doc, id, { color })));
    },
    setInkColor(color: InkColor) {
      const { byId } = env.reader.getSnapshot();
      const ids = selectedIds(env).filter((id) => ['text', 'arrow'].includes(byId.get(id)?.kind ?? ''));
      if (canEdit() && ids.length) step(env, () => ids.forEach((id) => updateItem(env.doc, id, { color })));
    },
    undo() {
      if (!canEdit()) return;
      env.undo.undo();
    },
    redo() {
      if (!canEdit()) return;
      env.undo.redo();
    },
    zoomIn: () => zoomBy(ZOOM_STEP),
    zoomOut: () => zoomBy(1 / ZOOM_STEP),
    zoomReset() {
      store.setViewport(zoomTo(store.getState().viewport, 1, screenCenter(env)));
    },
    zoomToFit() {
      const { items, byId } = viewItems(env);
      const bounds = boundsOf(
        items.map((i) => i.id),
        byId,
      );
      if (bounds) store.setViewport(fitRect(bounds, env.props.size, 1, FIT_MARGIN));
    },
    zoomToSelection() {
      const bounds = boundsOf(selectedIds(env), env.reader.getSnapshot().byId);
      if (bounds) store.setViewport(fitRect(bounds, env.props.size, 2, FIT_MARGIN));
      else actions.zoomToFit();
    },
    /** Enter or double-click: type into the item (note, text, frame title, arrow label). */
    startEditing(id: string, isNew = false) {
      const item = env.reader.getSnapshot().byId.get(id);
      if (!canEdit() || !item) return;
      store.setState({ editing: { id, isNew }, selection: [id], tool: 'select' });
      if (item.kind !== 'arrow') {
        const v = store.getState().viewport;
        const shown = panToShow(v, item, env.props.size);
        if (shown !== v) store.setViewport(shown);
      }
    },
    editSelected() {
      const ids = selectedIds(env);
      if (ids.length === 1 && ids[0]) actions.startEditing(ids[0]);
    },
    /** Enter: with a making tool, makes its item without the mouse (issue 12); else edits the selection. */
    enter() {
      if (!placeWithKeyboard(env, actions)) actions.editSelected();
    },
    toggleHelp() {
      store.setState((s) => ({ helpOpen: !s.helpOpen }));
    },
    /** The world point in the middle of the screen. */
    viewCenter(): Point {
      return screenToWorld(store.getState().viewport, screenCenter(env));
    },
  };
  return actions;
}

export type BoardActions = ReturnType<typeof createActions>;
