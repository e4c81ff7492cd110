import {
  memo,
  useDeferredValue,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ComponentProps,
  type ReactNode,
  type RefObject,
} from 'react';
import type Konva from 'konva';
import { Stage } from 'react-konva';
import type { BoardSnapshot } from '../../../../shared/model/board/read.ts';
import type { NoteColor } from '../../../../shared/model/board/schema.ts';
import type { Doc } from '../../../../shared/model/doc.ts';
import { FIT_MARGIN, createActions, type BoardActions } from '../../base/board/actions.ts';
import {
  boardReaderFor,
  boardUndoFor,
  useBoardMigration,
  useCanvasSnapshot,
  useUndoState,
} from '../../base/board/boardModel.ts';
import { READ_ONLY_TOOLS, useBoardState, type BoardStore } from '../../base/board/boardState.ts';
import { bindClipboard } from '../../base/board/clipboard.ts';
import { installDebugHook } from '../../base/board/debugHook.ts';
import { CANVAS_VIEW, viewItemsOf, type BoardEnv, type EnvProps } from '../../base/board/env.ts';
import { boundsOf } from '../../base/board/hitTest.ts';
import { BoardPointer } from '../../base/board/tools/BoardPointer.ts';
import { useBoardInput } from '../../base/board/useBoardInput.ts';
import { useBoardKeys } from '../../base/board/useBoardKeys.ts';
import { useElementSize } from '../../base/board/useElementSize.ts';
import { useStageViewport } from '../../base/board/useStageViewport.ts';
import { fitRect, rectFullyVisible, type Size } from '../../base/board/viewport.ts';
import { useT } from '../../base/i18n/useT.ts';
import { BoardAccess } from './BoardAccess.tsx';
import { BoardToolbar, ZoomControls, type BoardMode } from './BoardChrome.tsx';
import { ActiveLayer } from './canvas/ActiveLayer.tsx';
import { lazyPart } from '../../ui/lazyPart.ts';
import { ConcealedLayer } from './canvas/ConcealedLayer.tsx';
import { ItemsLayer } from './canvas/ItemsLayer.tsx';
import { OverlayLayer } from './canvas/OverlayLayer.tsx';
import { TextEditor } from './canvas/TextEditor.tsx';
import { Toolbar } from './canvas/Toolbar.tsx';
import './BoardCanvas.css';

// The shortcuts' help (opened with ?) and the toolbar of a selection load after the board's first frame
// (ui/lazyPart.ts).
const HelpOverlay = lazyPart(() => import('./canvas/HelpOverlay.tsx').then((m) => m.HelpOverlay));
const ContextToolbar = lazyPart(() => import('./canvas/ContextToolbar.tsx').then((m) => m.ContextToolbar));

interface BoardCanvasProps {
  doc: Doc;
  /** This board's UI state (selection, viewport, pointer): also read by presence and follow. */
  state: BoardStore;
  /** May this person change the board right now (role and lock)? */
  editable: boolean;
  /** The board room has synced with the server at least once (old boards are migrated then). */
  synced: boolean;
  /** What the toolbar says about the board (open, locked, view only). */
  mode: BoardMode;
  /** The board tabs, shown above the canvas. */
  tabs?: ReactNode;
  /** Extra controls at the end of the toolbar (the facilitator's lock switch). */
  toolbarEnd?: ReactNode;
  /** Shown on notes you add. */
  author: string;
  /** Your participant id, stamped on what you add (for private mode). */
  authorId?: string;
  /** Private mode: others' notes are shown face down to this participant; `null` (default): all shown. */
  privateFor?: string | null;
  /** Colour of your notes until you pick another. */
  color: NoteColor;
  /** PRESENCE: Konva layers drawn over the board in world coordinates (`<CursorLayer/>`). */
  layers?: ReactNode;
  /** PRESENCE / EXPORT: HTML laid over the canvas (who is on this board, the export menu). */
  overlay?: ReactNode;
  /** The view whose items are shown and added to (default the free canvas, `canvas`). */
  view?: string;
  /**
   * An annotation layer over a method view: transparent, no grid, no board toolbar or
   * zoom, a fixed viewport (scale 1 at the top left of the view), a compact toolbar.
   */
  annotation?: boolean;
  /** Annotation layer only: it has the pointer and the keyboard now (else it only shows the items). */
  active?: boolean;
}

/** The annotation layer's view never moves: world = the view's own pixels. */
const FIXED_VIEWPORT = { x: 0, y: 0, scale: 1 } as const;

/** Annotation layer: whatever moves the viewport (wheel, pan, zoom keys, scroll into view) is put back. */
function useFixedViewport(store: BoardStore, fixed: boolean): void {
  useEffect(() => {
    if (!fixed) return;
    const pin = () => {
      const v = store.getState().viewport;
      if (v.x !== 0 || v.y !== 0 || v.scale !== 1) store.setState({ viewport: FIXED_VIEWPORT, viewportBy: 'init' });
    };
    pin();
    return store.subscribe(pin);
  }, [store, fixed]);
}

function useClipboard(env: BoardEnv, enabled: boolean) {
  const bound = useRef<ReturnType<typeof bindClipboard> | null>(null);
  useEffect(() => {
    if (!enabled) return;
    bound.current = bindClipboard(env);
    return () => {
      bound.current?.unbind();
      bound.current = null;
    };
  }, [env, enabled]);
  return useMemo(() => ({ expect: (kind: 'copy' | 'cut' | 'paste') => bound.current?.expect(kind) }), []);
}

/** Opening a board that already has items: show them all, once (unless the view was set otherwise). */
function useAutoFit(env: BoardEnv, size: Size, count: number, enabled: boolean): void {
  const done = useRef(false);
  useEffect(() => {
    if (!enabled || done.current || count === 0 || size.width === 0 || size.height === 0) return;
    done.current = true;
    const { store } = env;
    const { items, byId } = viewItemsOf(env.reader.getSnapshot(), env.props.view);
    const bounds = boundsOf(
      items.map((i) => i.id),
      byId,
    );
    const { viewport, viewportBy } = store.getState();
    if (!bounds || viewportBy !== 'init' || rectFullyVisible(viewport, bounds, size)) return;
    store.setViewport(fitRect(bounds, size, 1, FIT_MARGIN), 'init');
  }, [env, size, count, enabled]);
}

/** A board that becomes read-only drops the tools that write, and any edit in progress. */
function useReadOnlyGuard(env: BoardEnv, editable: boolean): void {
  useEffect(() => {
    if (editable) return;
    const { tool } = env.store.getState();
    env.store.setState({
      tool: READ_ONLY_TOOLS.includes(tool) ? tool : 'select',
      editing: null,
      frameDraft: null,
      arrowDraft: null,
    });
  }, [env, editable]);
}

/** The board's environment for tools and actions; they read the latest props through it (they live outside React). */
function useBoardEnv(doc: Doc, store: BoardStore, props: EnvProps, stage: Konva.Stage | null): BoardEnv {
  const [env] = useState<BoardEnv>(() => ({
    doc,
    reader: boardReaderFor(doc),
    undo: boardUndoFor(doc),
    store,
    nodes: { stage: null, activeLayer: null, dragGroup: null, arrowNodes: new Map() },
    props,
  }));
  env.props = props;
  env.nodes.stage = stage;
  return env;
}

/** The cursor follows the tool and Space (moves update it too, see BoardPointer.updateCursor). */
function useToolCursor(store: BoardStore, pointer: BoardPointer): void {
  useEffect(() => {
    let last = '';
    return store.subscribe(() => {
      const { tool, spacePan } = store.getState();
      const key = `${tool}:${spacePan}`;
      if (key === last) return;
      last = key;
      pointer.updateCursor();
    });
  }, [store, pointer]);
}

/**
 * Where the keyboard focus goes (issue 12): into the annotation layer when it is switched
 * on, and back to the canvas when the text editor closes (else it would fall to the page).
 */
function useCanvasFocus(store: BoardStore, canvas: RefObject<HTMLDivElement | null>, takeNow: boolean): void {
  useEffect(() => {
    if (takeNow) canvas.current?.focus({ preventScroll: true });
  }, [canvas, takeNow]);
  useEffect(() => {
    let editing = store.getState().editing !== null;
    return store.subscribe(() => {
      const now = store.getState().editing !== null;
      if (editing && !now) {
        // After the editor has left the page, if the focus went nowhere.
        requestAnimationFrame(() => {
          const active = document.activeElement;
          if (!active || active === document.body) canvas.current?.focus({ preventScroll: true });
        });
      }
      editing = now;
    });
  }, [store, canvas]);
}

/** Items the static layer leaves out: those being dragged (drawn in the active layer) and an arrow being re-bound. */
function useHiddenItems(store: BoardStore): ReadonlySet<string> {
  const drag = useBoardState(store, (s) => s.drag);
  const draftArrow = useBoardState(store, (s) => s.arrowDraft?.arrowId ?? null);
  return useMemo(() => {
    const ids = new Set<string>(drag ? [...drag.ids, ...drag.attachedArrows] : []);
    if (draftArrow) ids.add(draftArrow);
    return ids;
  }, [drag, draftArrow]);
}

/** The mirror's first value, before the deferred render gives it the board. */
const NOTHING_YET: BoardSnapshot = { schemaVersion: 0, items: [], byId: new Map() };

/** BoardAccess renders again only when what it is given changes. */
const MemoBoardAccess = memo(BoardAccess);

/**
 * The board in words (the screen reader's mirror and live region) follows the canvas a
 * moment later (issue 14, first paint): its list has an entry, a button and a sentence per
 * item, and rendering it for a whole board in the same commit as the canvas held the first
 * frame back by about a quarter of a second for 5,000 items. With the deferred snapshot the
 * canvas commits and draws first; React renders the mirror right after, in slices the
 * browser can interrupt. It always ends at the latest snapshot.
 */
function DeferredBoardAccess(props: ComponentProps<typeof BoardAccess>) {
  // Also when the canvas mounts on a board already loaded: the mirror starts empty and fills right after.
  const snapshot = useDeferredValue(props.snapshot, NOTHING_YET);
  return <MemoBoardAccess {...props} snapshot={snapshot} />;
}

function BoardZoom({ env, actions }: { env: BoardEnv; actions: BoardActions }) {
  const scale = useBoardState(env.store, (s) => s.viewport.scale);
  return (
    <ZoomControls
      scale={scale}
      onZoom={(f) => (f > 1 ? actions.zoomIn() : actions.zoomOut())}
      onReset={actions.zoomReset}
      onFit={actions.zoomToFit}
    />
  );
}

/**
 * A board: an infinite canvas of notes, texts, arrows and frames (issue 3). Layers, from
 * the back: items (static), active (selection, Transformer, what is being dragged),
 * overlay (marquee and drafts), then `layers` from presence. The HTML around it:
 * toolbar, context toolbar, text editor, zoom, help.
 */
export function BoardCanvas(props: BoardCanvasProps) {
  const { doc, state, editable, synced, mode, tabs, toolbarEnd, author, color, layers, overlay } = props;
  const { view = CANVAS_VIEW, annotation = false, active = true, authorId = '', privateFor = null } = props;
  // An annotation layer that is switched off only shows its items: no tools, no keys.
  const live = !annotation || active;
  const t = useT();
  const containerRef = useRef<HTMLDivElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const keysId = useId();
  const size = useElementSize(containerRef);
  const [stage, setStage] = useState<Konva.Stage | null>(null);
  const env = useBoardEnv(
    doc,
    state,
    { editable, author, authorId, privateFor, personNoteColor: color, t, size, view },
    stage,
  );
  const snapshot = useCanvasSnapshot(env.reader, state);
  const undoState = useUndoState(env.undo);
  const actions = useMemo(() => createActions(env), [env]);
  const pointer = useMemo(() => new BoardPointer(env, actions), [env, actions]);
  const clipboard = useClipboard(env, live);
  useBoardKeys(env, actions, clipboard, live, rootRef);
  useCanvasFocus(state, containerRef, annotation && active);
  useBoardInput(env, pointer, stage);
  useFixedViewport(state, annotation);
  useStageViewport(state, stage, annotation ? null : containerRef.current);
  useBoardMigration(doc, synced, editable);
  useAutoFit(env, size, snapshot.items.length, !annotation);
  useReadOnlyGuard(env, editable);
  useEffect(() => (stage ? installDebugHook(env, stage) : undefined), [env, stage]);
  useToolCursor(state, pointer);
  const editingId = useBoardState(state, (s) => s.editing?.id ?? null);
  const hidden = useHiddenItems(state);
  useEffect(() => state.setState({ size }), [state, size]);

  const rootClass = [
    'board',
    editable ? '' : 'is-readonly',
    annotation ? 'is-annotation' : '',
    annotation && active ? 'is-active' : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <div
      ref={rootRef}
      className={rootClass}
      data-testid={annotation ? 'annotations' : 'board'}
      data-view={view}
      data-active={annotation ? active : undefined}
      data-editable={editable}
    >
      {annotation ? null : <BoardToolbar mode={mode} tabs={tabs} end={toolbarEnd} />}
      <div
        ref={containerRef}
        className="board-canvas"
        aria-label={t('board.canvasLabel')}
        role="application"
        // One tab stop for the canvas; its keys are the board's (issue 12).
        tabIndex={live ? 0 : -1}
        aria-describedby={keysId}
      >
        {size.width > 0 && size.height > 0 ? (
          <Stage ref={setStage} width={size.width} height={size.height}>
            <ConcealedLayer snapshot={snapshot} view={view} privateFor={privateFor} label={t('board.concealed')} />
            <ItemsLayer
              snapshot={snapshot}
              view={view}
              privateFor={privateFor}
              hidden={hidden}
              editingId={editingId}
              notePlaceholder={editable ? t('board.emptyNote') : null}
              textPlaceholder={editable ? t('board.emptyText') : null}
            />
            <ActiveLayer env={env} snapshot={snapshot} editable={editable} />
            <OverlayLayer store={state} snapshot={snapshot} />
            {/* PRESENCE: <CursorLayer/> (and any other layer over the items) goes here via `layers`. */}
            {layers}
          </Stage>
        ) : null}
        {live ? (
          <Toolbar store={state} actions={actions} editable={editable} undo={undoState} compact={annotation} />
        ) : null}
        {editable && live ? <ContextToolbar store={state} actions={actions} snapshot={snapshot} size={size} /> : null}
        <TextEditor env={env} snapshot={snapshot} />
        {annotation ? null : <BoardZoom env={env} actions={actions} />}
        {/* PRESENCE / EXPORT: people on this board, follow, export menu go here via `overlay`. */}
        {overlay}
        <HelpOverlay store={state} />
      </div>
      {/* Outside the application role, so a screen reader reads it as a page. */}
      {live ? (
        <DeferredBoardAccess
          doc={doc}
          snapshot={snapshot}
          view={view}
          privateFor={privateFor}
          store={state}
          canvas={containerRef}
          keysId={keysId}
        />
      ) : null}
    </div>
  );
}
