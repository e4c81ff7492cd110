/**
 * The session page on a laptop or tablet: the header, the sidebar, the meeting bar over
 * the main area (the board, or the facilitator's Regiekamer, Vergelijken or Resultaten),
 * and the participate panel.
 */
import { Suspense } from 'react';
import type { BoardStore } from '../base/board/boardState.ts';
import type { RoomStatus } from '../base/sync/Room.ts';
import { CompareScreen } from '../features/compare/index.ts';
import { ControlRoom } from '../features/control/index.ts';
import { MeetingBar, ScreenTabs, useIdentity, useScreen } from '../features/meeting/index.ts';
import { ParticipatePanel, ResultsScreen } from '../features/participate/index.ts';
import { ReportButton } from '../features/report/index.ts';
import { Brand } from '../ui/Brand.tsx';
import { ConnectionIndicator } from '../ui/ConnectionIndicator.tsx';
import { LanguageSwitch } from '../ui/LanguageSwitch.tsx';
import { BoardArea } from './BoardArea.tsx';
import { SessionSidebar, useSidebar } from './SessionSidebar.tsx';

interface SessionLayoutProps {
  title: string;
  sessionStatus: RoomStatus;
  boardStatus: RoomStatus;
  boardState: BoardStore;
}

export function SessionLayout({ title, sessionStatus, boardStatus, boardState }: SessionLayoutProps) {
  const { isFacilitator } = useIdentity();
  const sidebar = useSidebar();
  const bodyClass = !sidebar.open
    ? 'session-body is-sidebar-closed'
    : sidebar.overlay
      ? 'session-body is-sidebar-overlay'
      : 'session-body';
  return (
    <div className="page page-session">
      <header className="session-header">
        <Brand compact />
        <h1 className="session-title" data-testid="session-title" title={title}>
          {title || '\u00a0'}
        </h1>
        <div className="session-header-tools">
          {isFacilitator ? <ScreenTabs /> : null}
          {isFacilitator ? <ReportButton /> : null}
          <ConnectionIndicator statuses={[sessionStatus, boardStatus]} />
          <LanguageSwitch />
        </div>
      </header>
      <div className={bodyClass}>
        <SessionSidebar sidebar={sidebar} />
        <div className="session-main">
          <MeetingBar />
          <MainScreen title={title} boardStatus={boardStatus} boardState={boardState} />
        </div>
        <ParticipatePanel />
      </div>
    </div>
  );
}

/** The board, or the facilitator's other screen. */
function MainScreen({ title, boardStatus, boardState }: Omit<SessionLayoutProps, 'sessionStatus'>) {
  const { screen } = useScreen();
  if (screen === 'board') {
    return (
      <main className="board-area">
        <BoardArea title={title} boardStatus={boardStatus} boardState={boardState} />
      </main>
    );
  }
  return (
    <main className="board-area screen-area">
      <Suspense fallback={<div className="screen-loading" aria-busy="true" />}>
        {screen === 'control' ? <ControlRoom /> : null}
        {screen === 'compare' ? <CompareScreen /> : null}
        {screen === 'results' ? <ResultsScreen /> : null}
      </Suspense>
    </main>
  );
}
