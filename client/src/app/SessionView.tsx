import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SessionInfo } from '../../../shared/api.ts';
import { CloseCode, sessionRoomName } from '../../../shared/protocol.ts';
import { Role } from '../../../shared/roles.ts';
import { newItemId } from '../../../shared/model/board/ids.ts';
import { addBoard, readSession, renameBoard } from '../../../shared/model/sessionDoc.ts';
import { createBoardStore } from '../base/board/boardState.ts';
import { personColor, noteColor } from '../base/colors.ts';
import { forgetIdentity, loadViewerUrl, type Identity } from '../base/identity.ts';
import { getLang, useT } from '../base/i18n/useT.ts';
import { Brand } from '../ui/Brand.tsx';
import { BoardCanvas } from '../features/board/index.ts';
import { BoardTabs } from '../features/board/index.ts';
import { ConnectionIndicator } from '../ui/ConnectionIndicator.tsx';
import { FacilitatorPanel, LockToggle, OpenToggle } from '../features/meeting/index.ts';
import type { BoardMode } from '../features/board/index.ts';
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx';
import { PresenceList } from '../ui/PresenceList.tsx';
import { forgetLocalCopies } from '../base/sync/rooms.ts';
import { useDocSnapshot } from '../base/sync/useDocSnapshot.ts';
import { useRoom } from '../base/sync/useRoom.ts';
import { useBoardRoom } from '../base/sync/useBoardRoom.ts';
import { boardModeFor, boardWriteAccess } from '../features/meeting/index.ts';
import { MessagePage } from './MessagePage.tsx';
import { DENIED_TEXT, type DeniedReason } from './useSessionAccess.ts';
import { useCurrentBoard } from './useCurrentBoard.ts';
import { useBoardView, type BoardView } from '../base/useBoardView.ts';
import { ViewTabs } from '../features/meeting/index.ts';
import { BoardToolbar } from '../features/board/index.ts';
import { BoardPresenceLayer, BoardPresenceOverlay } from '../features/board/index.ts';
import { ExportMenu } from '../features/board/index.ts';
import { ActorsImportExport } from '../features/io/index.ts';
import { boardReaderFor, boardUndoFor } from '../base/board/boardModel.ts';
import { AnnotationLayer, AnnotationToggle } from '../features/board/index.ts';
import { usePresence } from '../base/sync/usePresence.ts';
import {
  MeetingProvider,
  readGroupsSnapshot,
  readLiveSnapshot,
  readProgramSnapshot,
  type MeetingContextValue,
  type SessionScreen,
} from '../features/meeting/index.ts';
import { MeetingBar } from '../features/meeting/index.ts';
import { MeetingEffects } from '../features/meeting/index.ts';
import { ProjectorView } from '../features/meeting/index.ts';
import { ScreenTabs } from '../features/meeting/index.ts';
import { ReportButton } from '../features/report/index.ts';
import { AbsentParticipants } from '../features/participants/index.ts';
import { ParticipantActions } from '../features/participants/index.ts';
import { GroupsPanel } from '../features/groups/index.ts';
import { ParticipatePanel } from '../features/participate/index.ts';
import { usePhoneLayout } from '../features/meeting/index.ts';
import { ROOMY, useMediaQuery, usePanelState } from '../ui/usePanelState.ts';
import { useOverlaySidebar } from '../ui/useOverlaySidebar.ts';
import { currentPhase } from '../../../shared/model/meeting/program.ts';
import { ControlRoom } from '../features/control/index.ts';
import { CompareScreen } from '../features/compare/index.ts';
import { ResultsScreen } from '../features/participate/index.ts';
import { PhoneView } from '../features/phone/index.ts';
import { MethodsWorkspace } from '../features/methods/index.ts';
import { loadMethodDrawing } from '../features/export/index.ts';

const CLOSE_REASON: Record<number, DeniedReason> = {
  [CloseCode.unauthorized]: 'unauthorized',
  [CloseCode.forbidden]: 'forbidden',
  [CloseCode.notFound]: 'notFound',
  [CloseCode.sessionDeleted]: 'sessionDeleted',
  // Issue 11: say so, instead of "an error" (whether they may come back is the facilitator's word).
  [CloseCode.participantRemoved]: 'removed',
};

interface SessionViewProps {
  sessionId: string;
  identity: Identity;
  /** From the server; `null` while loading or offline. */
  info: SessionInfo | null;
  /** Asks for `info` again (it was missing and we are connected now). */
  onNeedInfo: () => void;
  /** The view to open first (from an old `/methode/<view>` link); else `?v=`. */
  initialView?: BoardView;
  /** The projector screen (issue 12): the shared content only, following the meeting. */
  projector?: boolean;
}

/** The session screen: header, who is here, the facilitator's tools and the boards (tabs). */
export function SessionView({ sessionId, identity, info, onNeedInfo, initialView, projector }: SessionViewProps) {
  const t = useT();
  const session = useRoom(sessionRoomName(sessionId), identity.token);
  const snapshot = useDocSnapshot(session.room.doc, readSession);
  const program = useDocSnapshot(session.room.doc, readProgramSnapshot);
  const groups = useDocSnapshot(session.room.doc, readGroupsSnapshot);
  const live = useDocSnapshot(session.room.doc, readLiveSnapshot);
  const isFacilitator = identity.role === Role.facilitator;
  // The template board (group boards are cloned from it) is the facilitator's only.
  const visibleBoards = useMemo(
    () => (isFacilitator ? snapshot.boards : snapshot.boards.filter((b) => b.kind !== 'template')),
    [isFacilitator, snapshot.boards],
  );
  const { boardId, select } = useCurrentBoard(visibleBoards);
  const [screen, setScreen] = useState<SessionScreen>('board');
  const phone = usePhoneLayout();
  // Issue 12: beside a running meeting the sidebar folds on laptop screens (the work surface
  // needs the room); before the programme starts it is what people need (invitation, groups).
  const roomyForSidebar = useMediaQuery(ROOMY.sidebar);
  const [sidebarOpen, setSidebarOpen] = usePanelState('sidebar', roomyForSidebar || currentPhase(program) === null);
  // Opened there, it lies over the board instead of squeezing it.
  const sidebarOverlay = !roomyForSidebar && currentPhase(program) !== null;
  const sidebarKeys = useOverlaySidebar(sidebarOverlay, sidebarOpen, setSidebarOpen);
  const [fullBoardOnPhone, setFullBoardOnPhone] = useState(false);
  const { view, setView } = useBoardView(initialView);
  const present = usePresence(session.room);
  // The name the server knows us by (a rename by the facilitator reaches our own presence
  // state): what we add carries it, as the server's write rules require.
  const ownName = present.find((p) => p.isSelf && p.id === identity.participantId)?.name;
  const writerName = ownName && ownName !== '?' ? ownName : identity.name;
  const writerIdentity = useMemo(
    () => (writerName === identity.name ? identity : { ...identity, name: writerName }),
    [identity, writerName],
  );
  // The board, or in private mode my private copy of it (the facilitator: the overview).
  // The projector shows the board as everyone has it: never the facilitator's overview of hidden notes.
  const board = useBoardRoom(sessionId, boardId, identity, live.privateMode.on && !projector);
  // One UI state per open board: selection, viewport and pointer (presence reads them too).
  const boardState = useMemo(() => createBoardStore(), [board.room]);
  const locked = snapshot.boards.find((b) => b.id === boardId)?.locked ?? false;
  const title = snapshot.title || info?.title || '';
  const personKey = identity.participantId || identity.name;
  // The write rules (shared/model/writeRules.ts), as the server applies them: role, lock, group, field.
  const writer = { role: identity.role, participantId: identity.participantId, name: writerName };
  const currentBoard = snapshot.boards.find((b) => b.id === boardId);
  const groupBoard = groups.groups.some((g) => g.boardId === boardId);
  const access = boardWriteAccess(writer, currentBoard, groups);
  const canEdit = access.board === null;
  const mode: BoardMode = boardModeFor(identity.role, locked, access.board);
  // A revealed private copy closes with privateEnded: the page is moving to the board room.
  const boardClose = board.status.closeCode === CloseCode.privateEnded ? null : board.status.closeCode;
  const closeCode = session.status.closeCode ?? boardClose;
  // "Aantekeningen": the annotation layer over a method view has the pointer.
  const [annotateOn, setAnnotateOn] = useState(false);
  // The method views put their undo and redo here, in the toolbar (issue 12).
  const [toolsSlot, setToolsSlot] = useState<HTMLSpanElement | null>(null);
  const annotating = annotateOn && canEdit;

  useEffect(() => {
    // The projector screen is nobody: it publishes no presence, cursor or place (issue 12),
    // whoever's identity opened it.
    if (projector) {
      session.room.setUser(null);
      board.room.setUser(null);
      return;
    }
    const user = {
      id: identity.participantId,
      name: writerName,
      role: identity.role,
      color: personColor(personKey),
    };
    session.room.setUser(user);
    board.room.setUser(user);
  }, [projector, session.room, board.room, identity.participantId, writerName, identity.role, personKey]);

  // Who is where (the control room shows it): my open board and view, in the session room.
  useEffect(() => {
    if (!projector) session.room.setAwarenessField('where', { boardId, view });
  }, [projector, session.room, boardId, view]);

  useEffect(() => {
    document.title = title ? `${title} · Veldwerk` : 'Veldwerk';
  }, [title]);

  // Opened offline from a kept identity: fetch the session info once we are connected.
  const needInfo = useRef(onNeedInfo);
  needInfo.current = onNeedInfo;
  const connected = session.status.connection === 'connected';
  useEffect(() => {
    if (info === null && connected) needInfo.current();
  }, [info, connected]);

  const closedReason = closeCode === null ? null : (CLOSE_REASON[closeCode] ?? 'error');
  const boardIds = snapshot.boards.map((b) => b.id).join(' ');
  useEffect(() => {
    if (closedReason === null || closedReason === 'error') return;
    forgetIdentity(sessionId, identity.token);
    if (closedReason === 'sessionDeleted') void forgetLocalCopies(sessionId, boardIds.split(' '));
  }, [closedReason, sessionId, identity.token, boardIds]);

  const sessionDoc = session.room.doc;
  const sessionRoom = session.room;
  // "Bord n" counts the boards people see (not the template the group boards are copied from).
  const boardCount = snapshot.boards.filter((b) => b.kind !== 'template').length;
  const addNewBoard = useCallback(() => {
    const id = newItemId();
    if (!addBoard(sessionDoc, { id, title: t('tabs.newTitle', { n: boardCount + 1 }), kind: 'group' })) return;
    // The board's room exists once the server has the session doc's change.
    void sessionRoom.whenServerCaughtUp().then(() => select(id));
  }, [sessionDoc, sessionRoom, boardCount, t, select]);
  const manage = useMemo(
    () =>
      isFacilitator
        ? { add: addNewBoard, rename: (id: string, title: string) => renameBoard(sessionDoc, id, title) }
        : null,
    [isFacilitator, addNewBoard, sessionDoc],
  );

  const me = useMemo(
    () => ({ id: identity.participantId, name: writerName, role: identity.role, color: personColor(personKey) }),
    [identity.participantId, writerName, identity.role, personKey],
  );
  const participants = useMemo(
    () => present.filter((p) => p.role === Role.participant).map((p) => ({ id: p.id, name: p.name })),
    [present],
  );
  const boardTitle = t.name(snapshot.boards.find((b) => b.id === boardId)?.title ?? '');
  // Private mode: a participant sees only their own notes; others' lie face down.
  const privateFor = live.privateMode.on && identity.role === Role.participant ? identity.participantId : null;
  const meeting: MeetingContextValue = useMemo(
    () => ({
      sessionId,
      identity: writerIdentity,
      info,
      isFacilitator,
      sessionRoom: session.room,
      sessionDoc: session.room.doc,
      session: snapshot,
      program,
      groups,
      live,
      present,
      boardId,
      selectBoard: select,
      view,
      setView,
      boardRoom: board.room,
      screen: isFacilitator ? screen : 'board',
      setScreen,
    }),
    [
      sessionId,
      writerIdentity,
      info,
      isFacilitator,
      session.room,
      snapshot,
      program,
      groups,
      live,
      present,
      boardId,
      select,
      view,
      setView,
      board.room,
      screen,
    ],
  );

  if (closedReason) {
    return (
      <MessagePage
        testId="access-denied"
        title={t('session.closed.title')}
        text={t(DENIED_TEXT[closedReason])}
        actions={
          closedReason === 'error' ? (
            <button type="button" className="button" onClick={() => location.reload()}>
              {t('session.retry')}
            </button>
          ) : null
        }
      />
    );
  }

  if (projector) {
    // Whoever opens it, the screen follows the meeting as a participant's does, and writes nothing.
    return (
      <MeetingProvider value={{ ...meeting, isFacilitator: false, screen: 'board' }}>
        <MeetingEffects />
        <ProjectorView title={title} boardState={boardState} boardStatus={board.status} />
      </MeetingProvider>
    );
  }

  if (phone && identity.role === Role.participant && !fullBoardOnPhone) {
    return (
      <MeetingProvider value={meeting}>
        <MeetingEffects />
        <Suspense fallback={<div className="page page-loading" aria-busy="true" />}>
          <PhoneView onFullBoard={() => setFullBoardOnPhone(true)} />
        </Suspense>
      </MeetingProvider>
    );
  }

  return (
    <MeetingProvider value={meeting}>
      <MeetingEffects />
      <div className="page page-session">
        <header className="session-header">
          <Brand compact />
          <h1 className="session-title" data-testid="session-title" title={title}>
            {title || '\u00a0'}
          </h1>
          <div className="session-header-tools">
            {isFacilitator ? <ScreenTabs /> : null}
            {isFacilitator ? <ReportButton /> : null}
            <ConnectionIndicator statuses={[session.status, board.status]} />
            <LanguageSwitch />
          </div>
        </header>
        <div
          className={
            !sidebarOpen
              ? 'session-body is-sidebar-closed'
              : sidebarOverlay
                ? 'session-body is-sidebar-overlay'
                : 'session-body'
          }
        >
          <aside
            className={sidebarOpen ? 'sidebar' : 'sidebar is-collapsed'}
            id="session-sidebar"
            data-testid="sidebar"
            data-open={sidebarOpen}
            onKeyDownCapture={sidebarKeys.onKeyDown}
          >
            <button
              ref={sidebarKeys.toggleRef}
              type="button"
              className="sidebar-toggle"
              aria-expanded={sidebarOpen}
              aria-controls="session-sidebar"
              title={sidebarOpen ? t('sidebar.close') : t('sidebar.open')}
              onClick={() => setSidebarOpen(!sidebarOpen)}
              data-testid="sidebar-toggle"
            >
              <span aria-hidden="true">{sidebarOpen ? '«' : '»'}</span>
              <span className="sidebar-toggle-text">
                {sidebarOpen ? t('sidebar.close') : t('presence.title')}
                {sidebarOpen ? null : <span className="count">{present.length}</span>}
              </span>
            </button>
            <PresenceList
              room={session.room}
              actions={
                isFacilitator
                  ? (p) =>
                      p.role === Role.participant && p.id ? (
                        <ParticipantActions sessionId={sessionId} token={identity.token} participant={p} />
                      ) : null
                  : undefined
              }
            />
            {/* The invitation first: it is what the facilitator needs as the room comes in. */}
            {isFacilitator ? (
              <FacilitatorPanel joinCode={info?.joinCode ?? null} viewerUrl={loadViewerUrl(sessionId)} />
            ) : null}
            <GroupsPanel />
            {isFacilitator ? <AbsentParticipants /> : null}
          </aside>
          <div className="session-main">
            <MeetingBar />
            {meeting.screen !== 'board' ? (
              <main className="board-area screen-area">
                <Suspense fallback={<div className="screen-loading" aria-busy="true" />}>
                  {meeting.screen === 'control' ? <ControlRoom /> : null}
                  {meeting.screen === 'compare' ? <CompareScreen /> : null}
                  {meeting.screen === 'results' ? <ResultsScreen /> : null}
                </Suspense>
              </main>
            ) : (
              <main className="board-area">
                {view === 'canvas' ? (
                  <BoardCanvas
                    key={board.room.name + String(board.room.doc.clientID)}
                    doc={board.room.doc}
                    state={boardState}
                    editable={canEdit}
                    synced={board.status.connection === 'connected'}
                    mode={mode}
                    tabs={
                      <>
                        <BoardTabs boards={visibleBoards} current={boardId} onSelect={select} manage={manage} />
                        <ViewTabs view={view} onChange={setView} />
                      </>
                    }
                    toolbarEnd={
                      <>
                        {isFacilitator ? (
                          <LockToggle sessionDoc={session.room.doc} boardId={boardId} locked={locked} />
                        ) : null}
                        {isFacilitator && groupBoard ? (
                          <OpenToggle
                            sessionDoc={session.room.doc}
                            boardId={boardId}
                            open={currentBoard?.open ?? false}
                          />
                        ) : null}
                        <ExportMenu
                          snapshot={() => boardReaderFor(board.room.doc).getSnapshot()}
                          title={`${title} ${boardTitle}`}
                        />
                        <ActorsImportExport />
                      </>
                    }
                    layers={<BoardPresenceLayer room={board.room} store={boardState} />}
                    overlay={<BoardPresenceOverlay room={board.room} store={boardState} me={me} />}
                    author={writerName}
                    authorId={identity.participantId}
                    privateFor={privateFor}
                    color={noteColor(personKey)}
                  />
                ) : (
                  <div className="methods-area">
                    <BoardToolbar
                      mode={mode}
                      hint={false}
                      tabs={
                        <>
                          <BoardTabs boards={visibleBoards} current={boardId} onSelect={select} manage={manage} />
                          <ViewTabs view={view} onChange={setView} />
                        </>
                      }
                      end={
                        <>
                          <span className="mw-tools-slot" ref={setToolsSlot} />
                          {canEdit ? <AnnotationToggle on={annotateOn} onChange={setAnnotateOn} /> : null}
                          <ActorsImportExport />
                          {isFacilitator ? (
                            <LockToggle sessionDoc={session.room.doc} boardId={boardId} locked={locked} />
                          ) : null}
                          {isFacilitator && groupBoard ? (
                            <OpenToggle
                              sessionDoc={session.room.doc}
                              boardId={boardId}
                              open={currentBoard?.open ?? false}
                            />
                          ) : null}
                          {view !== 'drieB' ? (
                            <ExportMenu
                              snapshot={() => boardReaderFor(board.room.doc).getSnapshot()}
                              title={`${title} ${boardTitle}`}
                              drawing={async () => {
                                const methodDrawing = await loadMethodDrawing();
                                const d = methodDrawing(board.room.doc, view, getLang(), `${title} · ${boardTitle}`);
                                if (!d) throw new Error(`no drawing for ${view}`);
                                return d;
                              }}
                            />
                          ) : null}
                        </>
                      }
                    />
                    <Suspense fallback={<div className="mw-root" aria-busy="true" />}>
                      <MethodsWorkspace
                        key={board.room.name + String(board.room.doc.clientID)}
                        doc={board.room.doc}
                        editable={canEdit}
                        settingsEditable={canEdit && access.settings === null}
                        isFacilitator={isFacilitator}
                        me={me}
                        view={view}
                        participants={participants}
                        history={isFacilitator ? { sessionId, boardId, token: identity.token } : undefined}
                        toolsSlot={toolsSlot}
                        // One undo for the board doc: the annotations' and the view's changes alike.
                        undo={boardUndoFor(board.room.doc)}
                        undoKeys={!annotating}
                        viewOverlay={
                          <AnnotationLayer
                            key={view}
                            doc={board.room.doc}
                            view={view}
                            active={annotating}
                            editable={canEdit}
                            synced={board.status.connection === 'connected'}
                            mode={mode}
                            author={writerName}
                            authorId={identity.participantId}
                            privateFor={privateFor}
                            color={noteColor(personKey)}
                          />
                        }
                      />
                    </Suspense>
                  </div>
                )}
              </main>
            )}
          </div>
          <ParticipatePanel />
        </div>
      </div>
    </MeetingProvider>
  );
}
