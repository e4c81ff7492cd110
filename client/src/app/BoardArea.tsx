/**
 * The open board in the session's main area: the free canvas or a method view, each under
 * the same toolbar. The board tabs with the view tabs (`SessionTabs`) and the tools at the
 * toolbar's end (`BoardTools`) are built here once, for both.
 */
import { Suspense, useCallback, useMemo, useState } from 'react';
import { newItemId } from '../../../shared/model/board/ids.ts';
import { addBoard, renameBoard } from '../../../shared/model/sessionDoc.ts';
import { Role } from '../../../shared/roles.ts';
import { boardReaderFor, boardUndoFor } from '../base/board/boardModel.ts';
import type { BoardStore } from '../base/board/boardState.ts';
import { noteColor, personColor } from '../base/colors.ts';
import { getLang, useT } from '../base/i18n/useT.ts';
import type { RoomStatus } from '../base/sync/Room.ts';
import type { MethodView } from '../base/views.ts';
import {
  AnnotationLayer,
  AnnotationToggle,
  BoardCanvas,
  BoardPresenceLayer,
  BoardPresenceOverlay,
  BoardTabs,
  BoardToolbar,
  ExportMenu,
} from '../features/board/index.ts';
import { loadMethodDrawing } from '../features/export/index.ts';
import { ActorsImportExport } from '../features/io/index.ts';
import {
  boardModeFor,
  LockToggle,
  OpenToggle,
  useBoardRecord,
  useBoardSelection,
  useBoardWriteAccess,
  useIdentity,
  useMeeting,
  useMeetingDerived,
  ViewTabs,
} from '../features/meeting/index.ts';
import { MethodsWorkspace } from '../features/methods/index.ts';
import { visibleBoards } from './useMeetingFrame.ts';

interface BoardAreaProps {
  boardState: BoardStore;
  boardStatus: RoomStatus;
  /** The session's title (for the exported pictures' titles). */
  title: string;
}

/** The canvas or the open method view. */
export function BoardArea(props: BoardAreaProps) {
  const { view } = useBoardSelection();
  return view === 'canvas' ? <CanvasArea {...props} /> : <MethodsArea {...props} view={view} />;
}

/** How this person writes on the open board: the write rules' verdict and what a new note carries. */
function useWriting() {
  const { identity } = useIdentity();
  const { boardId } = useBoardSelection();
  const access = useBoardWriteAccess();
  const locked = useMeeting((s) => s.session.boards.find((b) => b.id === boardId)?.locked ?? false);
  // Private mode: a participant sees only their own notes; others' lie face down.
  const privateOn = useMeeting((s) => s.live.privateMode.on);
  const personKey = identity.participantId || identity.name;
  return {
    access,
    canEdit: access.board === null,
    mode: boardModeFor(identity.role, locked, access.board),
    privateFor: privateOn && identity.role === Role.participant ? identity.participantId : null,
    author: identity.name,
    authorId: identity.participantId,
    color: noteColor(personKey),
  };
}

/** Who I am on the board (presence, the methods' "mine"). */
function useMe() {
  const { identity } = useIdentity();
  const personKey = identity.participantId || identity.name;
  return useMemo(
    () => ({ id: identity.participantId, name: identity.name, role: identity.role, color: personColor(personKey) }),
    [identity.participantId, identity.name, identity.role, personKey],
  );
}

function CanvasArea({ boardState, boardStatus, title }: BoardAreaProps) {
  const { boardRoom } = useBoardSelection();
  const writing = useWriting();
  const me = useMe();
  return (
    <BoardCanvas
      key={boardRoom.name + String(boardRoom.doc.clientID)}
      doc={boardRoom.doc}
      state={boardState}
      editable={writing.canEdit}
      synced={boardStatus.connection === 'connected'}
      mode={writing.mode}
      tabs={<SessionTabs />}
      toolbarEnd={<BoardTools title={title} />}
      layers={<BoardPresenceLayer room={boardRoom} store={boardState} />}
      overlay={<BoardPresenceOverlay room={boardRoom} store={boardState} me={me} />}
      author={writing.author}
      authorId={writing.authorId}
      privateFor={writing.privateFor}
      color={writing.color}
    />
  );
}

function MethodsArea({ boardStatus, title, view }: BoardAreaProps & { view: MethodView }) {
  const { sessionId, identity, isFacilitator } = useIdentity();
  const { boardId, boardRoom } = useBoardSelection();
  const { access, canEdit, ...writing } = useWriting();
  const me = useMe();
  const participants = useMeetingDerived((s) =>
    s.present.filter((p) => p.role === Role.participant).map((p) => ({ id: p.id, name: p.name })),
  );
  // "Aantekeningen": the annotation layer over a method view has the pointer.
  const [annotateOn, setAnnotateOn] = useState(false);
  // The method views put their undo and redo here, in the toolbar (issue 12).
  const [toolsSlot, setToolsSlot] = useState<HTMLSpanElement | null>(null);
  const annotating = annotateOn && canEdit;
  return (
    <div className="methods-area">
      <BoardToolbar
        mode={writing.mode}
        hint={false}
        tabs={<SessionTabs />}
        end={
          <BoardTools
            title={title}
            methods={{ setToolsSlot, annotate: canEdit ? { on: annotateOn, onChange: setAnnotateOn } : null }}
          />
        }
      />
      <Suspense fallback={<div className="mw-root" aria-busy="true" />}>
        <MethodsWorkspace
          key={boardRoom.name + String(boardRoom.doc.clientID)}
          doc={boardRoom.doc}
          editable={canEdit}
          settingsEditable={canEdit && access.settings === null}
          isFacilitator={isFacilitator}
          me={me}
          view={view}
          participants={participants}
          history={isFacilitator ? { sessionId, boardId, token: identity.token } : undefined}
          toolsSlot={toolsSlot}
          // One undo for the board doc: the annotations' and the view's changes alike.
          undo={boardUndoFor(boardRoom.doc)}
          undoKeys={!annotating}
          viewOverlay={
            <AnnotationLayer
              key={view}
              doc={boardRoom.doc}
              view={view}
              active={annotating}
              editable={canEdit}
              synced={boardStatus.connection === 'connected'}
              mode={writing.mode}
              author={writing.author}
              authorId={writing.authorId}
              privateFor={writing.privateFor}
              color={writing.color}
            />
          }
        />
      </Suspense>
    </div>
  );
}

/** The board tabs (the facilitator adds and renames boards there) and the view tabs. */
function SessionTabs() {
  const t = useT();
  const { sessionDoc, sessionRoom, isFacilitator } = useIdentity();
  const { boardId, selectBoard, view, setView } = useBoardSelection();
  const boards = useMeeting((s) => s.session.boards);
  const visible = useMemo(() => visibleBoards(boards, isFacilitator), [boards, isFacilitator]);
  // "Bord n" counts the boards people see (not the template the group boards are copied from).
  const boardCount = boards.filter((b) => b.kind !== 'template').length;
  const addNewBoard = useCallback(() => {
    const id = newItemId();
    if (!addBoard(sessionDoc, { id, title: t('tabs.newTitle', { n: boardCount + 1 }), kind: 'group' })) return;
    // The board's room exists once the server has the session doc's change.
    void sessionRoom.whenServerCaughtUp().then(() => selectBoard(id));
  }, [sessionDoc, sessionRoom, boardCount, t, selectBoard]);
  const manage = useMemo(
    () =>
      isFacilitator
        ? { add: addNewBoard, rename: (id: string, title: string) => renameBoard(sessionDoc, id, title) }
        : null,
    [isFacilitator, addNewBoard, sessionDoc],
  );
  return (
    <>
      <BoardTabs boards={visible} current={boardId} onSelect={selectBoard} manage={manage} />
      <ViewTabs view={view} onChange={setView} />
    </>
  );
}

interface BoardToolsProps {
  title: string;
  /** In a method view: the slot for the view's undo and redo, and the annotations' switch (`null`: read-only). */
  methods?: {
    setToolsSlot: (el: HTMLSpanElement | null) => void;
    annotate: { on: boolean; onChange: (on: boolean) => void } | null;
  };
}

/** The end of the board's toolbar: lock and open (facilitator), export, import and export of actors. */
function BoardTools({ title, methods }: BoardToolsProps) {
  const t = useT();
  const { sessionDoc, isFacilitator } = useIdentity();
  const { boardId, boardRoom, view } = useBoardSelection();
  const board = useBoardRecord(boardId);
  const groupBoard = useMeeting((s) => s.groups.groups.some((g) => g.boardId === boardId));
  const boardTitle = t.name(board?.title ?? '');
  const lockAndOpen = isFacilitator ? (
    <>
      <LockToggle sessionDoc={sessionDoc} boardId={boardId} locked={board?.locked ?? false} />
      {groupBoard ? <OpenToggle sessionDoc={sessionDoc} boardId={boardId} open={board?.open ?? false} /> : null}
    </>
  ) : null;
  const snapshot = () => boardReaderFor(boardRoom.doc).getSnapshot();
  if (!methods) {
    return (
      <>
        {lockAndOpen}
        <ExportMenu snapshot={snapshot} title={`${title} ${boardTitle}`} />
        <ActorsImportExport />
      </>
    );
  }
  return (
    <>
      <span className="mw-tools-slot" ref={methods.setToolsSlot} />
      {methods.annotate ? <AnnotationToggle on={methods.annotate.on} onChange={methods.annotate.onChange} /> : null}
      <ActorsImportExport />
      {lockAndOpen}
      {view !== 'drieB' ? (
        <ExportMenu
          snapshot={snapshot}
          title={`${title} ${boardTitle}`}
          drawing={async () => {
            const methodDrawing = await loadMethodDrawing();
            const d = methodDrawing(boardRoom.doc, view, getLang(), `${title} · ${boardTitle}`);
            if (!d) throw new Error(`no drawing for ${view}`);
            return d;
          }}
        />
      ) : null}
    </>
  );
}
