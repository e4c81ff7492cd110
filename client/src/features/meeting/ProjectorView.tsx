/**
 * The projector page (issue 12): `/s/<sessionId>/projectie`, opened with the read-only
 * link. Only what the room shares, large, on the whole screen: the current phase with
 * its questions, the timer, and the board everyone is on (the plenary board on the
 * phase's view, a spotlighted group's board, the presenter's view) read-only. No
 * header, presence list, panels or toolbars. It follows the meeting as a participant
 * does (MeetingEffects), whoever opens it.
 */
import { Suspense, useMemo } from 'react';
import { currentPhase } from '../../../../shared/model/meeting/program.ts';
import type { BoardStore } from '../../base/board/boardState.ts';
import { noteColor } from '../../base/colors.ts';
import { BoardCanvas } from '../board/index.ts';
import { BoardPresenceLayer } from '../board/index.ts';
import type { RoomStatus } from '../../base/sync/Room.ts';
import { useBoardRecord, useBoardSelection, useProgram } from './MeetingContext.tsx';
import { TimerDisplay } from './Timer.tsx';
import { meetingTexts } from './i18n.ts';
import { useT } from '../../base/i18n/useT.ts';
import { MethodsWorkspace } from '../methods/index.ts';
import './ProjectorView.css';

interface ProjectorViewProps {
  title: string;
  boardState: BoardStore;
  boardStatus: RoomStatus;
}

const NOBODY = { id: '', name: '' };

export function ProjectorView({ title, boardState, boardStatus }: ProjectorViewProps) {
  const { boardRoom, view, boardId } = useBoardSelection();
  const program = useProgram();
  const t = useT(meetingTexts);
  const phase = useMemo(() => currentPhase(program), [program]);
  const index = phase ? program.phases.indexOf(phase) : -1;
  const boardTitle = useBoardRecord(boardId)?.title ?? '';
  const doc = boardRoom.doc;
  return (
    <div className="page projector" data-testid="projector" data-board-id={boardId} data-view={view}>
      <header className="projector-head">
        <div className="projector-phase">
          <p className="projector-meeting">
            {title}
            {boardTitle ? <span className="projector-board"> · {t.name(boardTitle)}</span> : null}
          </p>
          {phase ? (
            <>
              <h1 className="projector-title" data-testid="projector-phase">
                <span className="projector-step">
                  {t('bar.phaseOf', { n: index + 1, total: program.phases.length })}
                </span>
                {t.name(phase.title)}
              </h1>
              {phase.questions.length > 0 ? (
                <ol className="projector-questions" aria-label={t('bar.questions')}>
                  {phase.questions.map((q) => (
                    <li key={q.id} data-testid="projector-question">
                      {t.name(q.text)}
                    </li>
                  ))}
                </ol>
              ) : null}
            </>
          ) : (
            <h1 className="projector-title">{t('bar.waiting')}</h1>
          )}
        </div>
        <TimerDisplay size="large" />
      </header>
      <main className="projector-board-area">
        {view === 'canvas' ? (
          <BoardCanvas
            key={boardRoom.name + String(doc.clientID)}
            doc={doc}
            state={boardState}
            editable={false}
            synced={boardStatus.connection === 'connected'}
            mode="viewer"
            layers={<BoardPresenceLayer room={boardRoom} store={boardState} />}
            author=""
            color={noteColor('projector')}
          />
        ) : (
          <Suspense fallback={<div className="mw-root" aria-busy="true" />}>
            <MethodsWorkspace
              key={boardRoom.name + String(doc.clientID)}
              doc={doc}
              editable={false}
              settingsEditable={false}
              isFacilitator={false}
              me={NOBODY}
              view={view}
            />
          </Suspense>
        )}
      </main>
    </div>
  );
}
