import { useEffect, useRef } from 'react';
import type { SessionInfo } from '../../../shared/api.ts';
import { CloseCode, PLENARY_BOARD_ID, boardRoomName, sessionRoomName } from '../../../shared/protocol.ts';
import { canWriteBoard, Role } from '../../../shared/roles.ts';
import { readSession } from '../../../shared/model/sessionDoc.ts';
import { personColor, noteColor } from '../colors.ts';
import { forgetIdentity, loadViewerUrl, type Identity } from '../identity.ts';
import { useT } from '../i18n/useT.ts';
import { Brand } from '../components/Brand.tsx';
import { BoardCanvas } from '../components/BoardCanvas.tsx';
import { ConnectionIndicator } from '../components/ConnectionIndicator.tsx';
import { FacilitatorPanel, LockToggle } from '../components/FacilitatorPanel.tsx';
import type { BoardMode } from '../components/BoardChrome.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { PresenceList } from '../components/PresenceList.tsx';
import { forgetLocalCopies } from '../sync/rooms.ts';
import { useDocSnapshot } from '../sync/useDocSnapshot.ts';
import { useRoom } from '../sync/useRoom.ts';
import { MessagePage } from './MessagePage.tsx';
import { DENIED_TEXT, type DeniedReason } from './useSessionAccess.ts';

const CLOSE_REASON: Record<number, DeniedReason> = {
  [CloseCode.unauthorized]: 'unauthorized',
  [CloseCode.forbidden]: 'forbidden',
  [CloseCode.notFound]: 'notFound',
  [CloseCode.sessionDeleted]: 'sessionDeleted',
};

function boardMode(role: Role, locked: boolean): BoardMode {
  if (role === Role.viewer) return 'viewer';
  if (!locked) return 'open';
  return role === Role.facilitator ? 'lockedByYou' : 'locked';
}

interface SessionViewProps {
  sessionId: string;
  identity: Identity;
  /** From the server; `null` while loading or offline. */
  info: SessionInfo | null;
  /** Asks for `info` again (it was missing and we are connected now). */
  onNeedInfo: () => void;
}

/** The session screen: header, who is here, the facilitator's tools and the plenary board. */
export function SessionView({ sessionId, identity, info, onNeedInfo }: SessionViewProps) {
  const t = useT();
  const session = useRoom(sessionRoomName(sessionId), identity.token);
  const board = useRoom(boardRoomName(sessionId, PLENARY_BOARD_ID), identity.token);
  const snapshot = useDocSnapshot(session.room.doc, readSession);
  const locked = snapshot.boards.find((b) => b.id === PLENARY_BOARD_ID)?.locked ?? false;
  const title = snapshot.title || info?.title || '';
  const personKey = identity.participantId || identity.name;
  const isFacilitator = identity.role === Role.facilitator;
  const canEdit = canWriteBoard(identity.role, locked);
  const closeCode = session.status.closeCode ?? board.status.closeCode;

  useEffect(() => {
    const user = {
      id: identity.participantId,
      name: identity.name,
      role: identity.role,
      color: personColor(personKey),
    };
    session.room.setUser(user);
    board.room.setUser(user);
  }, [session.room, board.room, identity.participantId, identity.name, identity.role, personKey]);

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
  useEffect(() => {
    if (closedReason === null || closedReason === 'error') return;
    forgetIdentity(sessionId, identity.token);
    if (closedReason === 'sessionDeleted') void forgetLocalCopies(sessionId);
  }, [closedReason, sessionId, identity.token]);

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

  return (
    <div className="page page-session">
      <header className="session-header">
        <Brand compact />
        <h1 className="session-title" data-testid="session-title" title={title}>
          {title || '\u00a0'}
        </h1>
        <div className="session-header-tools">
          <ConnectionIndicator statuses={[session.status, board.status]} />
          <LanguageSwitch />
        </div>
      </header>
      <div className="session-body">
        <aside className="sidebar">
          <PresenceList room={session.room} />
          {isFacilitator ? (
            <FacilitatorPanel joinCode={info?.joinCode ?? null} viewerUrl={loadViewerUrl(sessionId)} />
          ) : null}
        </aside>
        <main className="board-area">
          <BoardCanvas
            key={board.room.name + String(board.room.doc.clientID)}
            doc={board.room.doc}
            editable={canEdit}
            mode={boardMode(identity.role, locked)}
            toolbarEnd={isFacilitator ? <LockToggle sessionDoc={session.room.doc} locked={locked} /> : null}
            author={identity.name}
            color={noteColor(personKey)}
          />
        </main>
      </div>
    </div>
  );
}
