import { Suspense, useState } from 'react';
import { useStore } from 'zustand';
import type { SessionInfo } from '../../../shared/api.ts';
import { Role } from '../../../shared/roles.ts';
import type { Identity } from '../base/identity.ts';
import { useT } from '../base/i18n/useT.ts';
import type { BoardView } from '../base/useBoardView.ts';
import { MeetingEffects, MeetingProvider, ProjectorView, usePhoneLayout } from '../features/meeting/index.ts';
import { PhoneView } from '../features/phone/index.ts';
import { MessagePage } from './MessagePage.tsx';
import { SessionLayout } from './SessionLayout.tsx';
import { useMeetingFrame } from './useMeetingFrame.ts';
import { useClosedReason, usePublishedSelf, useSessionPage } from './useSessionEffects.ts';
import { DENIED_TEXT } from './useSessionAccess.ts';

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

/**
 * The session screen: the meeting's state for everything in it (useMeetingFrame.ts), and
 * the page for this screen: the laptop layout, a participant's phone, or the projector.
 */
export function SessionView({
  sessionId,
  identity,
  info,
  onNeedInfo,
  initialView,
  projector = false,
}: SessionViewProps) {
  const t = useT();
  const frame = useMeetingFrame({ sessionId, identity, info, initialView, projector });
  const { session, board, meeting } = frame;
  const { boardId, view } = meeting.board;
  const phone = usePhoneLayout();
  const [fullBoardOnPhone, setFullBoardOnPhone] = useState(false);
  const title = useStore(meeting.store, (s) => s.session.title) || info?.title || '';
  const boardIds = useStore(meeting.store, (s) => s.session.boards.map((b) => b.id).join(' '));

  usePublishedSelf({
    sessionRoom: session.room,
    boardRoom: board.room,
    identity,
    writerName: frame.writerName,
    boardId,
    view,
    projector,
  });
  useSessionPage(title, info, session.status.connection === 'connected', onNeedInfo);
  const closedReason = useClosedReason({
    sessionId,
    token: identity.token,
    sessionStatus: session.status,
    boardStatus: board.status,
    boardIds,
  });

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

  let page;
  if (projector) {
    // Whoever opens it, the screen follows the meeting as a participant's does, and writes nothing.
    page = <ProjectorView title={title} boardState={frame.boardState} boardStatus={board.status} />;
  } else if (phone && identity.role === Role.participant && !fullBoardOnPhone) {
    page = (
      <Suspense fallback={<div className="page page-loading" aria-busy="true" />}>
        <PhoneView onFullBoard={() => setFullBoardOnPhone(true)} />
      </Suspense>
    );
  } else {
    page = (
      <SessionLayout
        title={title}
        sessionStatus={session.status}
        boardStatus={board.status}
        boardState={frame.boardState}
      />
    );
  }
  return (
    <MeetingProvider {...meeting}>
      <MeetingEffects />
      {page}
    </MeetingProvider>
  );
}
