/**
 * The participant's page on a phone (issue 5): made for a thumb, no canvas. A header
 * with the session, the connection and the timer; the current phase with its questions;
 * big cards for answering, adding notes, the 3 B's of one actor, voting and the
 * evaluation (the same sections as the panel beside the board). It follows the phase:
 * when the phase changes, the card that phase asks for opens.
 */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { currentPhase, type Phase } from '../../../../shared/model/meeting/program.ts';
import { readVoteRounds, type VoteRound } from '../../../../shared/model/sessionDoc.ts';
import { ConnectionIndicator } from '../../ui/ConnectionIndicator.tsx';
import { LanguageSwitch } from '../../ui/LanguageSwitch.tsx';
import { useBoardSelection, useIdentity, useMeeting, useProgram, useSessionDocSnapshot } from '../meeting/index.ts';
import { TimerDisplay } from '../meeting/index.ts';
import { EvaluationSection } from '../participate/index.ts';
import { QuestionsSection } from '../participate/index.ts';
import { VoteSection } from '../participate/index.ts';
import type { Room } from '../../base/sync/Room.ts';
import { phoneTexts, type PhoneKey } from './i18n.ts';
import { useT } from '../../base/i18n/useT.ts';
import { PhoneBees } from './PhoneBees.tsx';
import { PhoneNotes } from './PhoneNotes.tsx';
import './PhoneView.css';
import './phone.css';

export type PhoneCard = 'questions' | 'notes' | 'bees' | 'vote' | 'evaluation';

const CARDS: { id: PhoneCard; label: PhoneKey; icon: string }[] = [
  { id: 'questions', label: 'card.questions', icon: 'M4 5h16v10H9l-5 4z' },
  { id: 'notes', label: 'card.notes', icon: 'M5 4h14v11l-5 5H5zM14 20v-5h5' },
  { id: 'bees', label: 'card.bees', icon: 'M12 3l8 4.5v9L12 21l-8-4.5v-9z' },
  { id: 'vote', label: 'card.vote', icon: 'M7 12a3 3 0 1 0 0.01 0M17 7a3 3 0 1 0 0.01 0M17 17a3 3 0 1 0 0.01 0' },
  {
    id: 'evaluation',
    label: 'card.evaluation',
    icon: 'M12 3l2.7 5.6 6.1.9-4.4 4.3 1 6.1L12 17l-5.4 2.9 1-6.1L3.2 9.5l6.1-.9z',
  },
];

/** The card a phase asks for: its method view and kind decide; a vote round opened since wins. */
export function cardFor(phase: Phase | null, phaseStartedAt: number, openRound: VoteRound | null): PhoneCard {
  if (openRound && (!phase || openRound.createdAt >= phaseStartedAt)) return 'vote';
  if (!phase) return 'notes';
  if (phase.kind === 'evaluation') return 'evaluation';
  if (phase.kind === 'round' || phase.view === 'drieB') return 'bees';
  if (phase.questions.length > 0) return 'questions';
  return 'notes';
}

function useRoomStatus(room: Room) {
  return useSyncExternalStore(room.subscribe, room.getStatus);
}

export function PhoneView({ onFullBoard }: { onFullBoard: () => void }) {
  const { info, sessionRoom } = useIdentity();
  const { boardRoom } = useBoardSelection();
  const sessionTitle = useMeeting((s) => s.session.title);
  const program = useProgram();
  const t = useT(phoneTexts);
  const rounds = useSessionDocSnapshot(readVoteRounds);
  const openRound = rounds.filter((r) => r.status === 'open').at(-1) ?? null;
  const phase = currentPhase(program);
  const [card, setCard] = useState<PhoneCard>(() => cardFor(phase, program.phaseStartedAt, openRound));
  const last = useRef({ phaseId: phase?.id ?? null, roundId: openRound?.id ?? null });
  const mainRef = useRef<HTMLElement>(null);
  const sessionStatus = useRoomStatus(sessionRoom);
  const boardStatus = useRoomStatus(boardRoom);
  const title = sessionTitle || info?.title || '';

  // Follow the meeting: a new phase opens the card it asks for, a new vote round "Stemmen".
  const phaseId = phase?.id ?? null;
  const roundId = openRound?.id ?? null;
  const phaseCard = cardFor(phase, program.phaseStartedAt, null);
  useEffect(() => {
    const before = last.current;
    last.current = { phaseId, roundId };
    if (roundId !== null && roundId !== before.roundId) setCard('vote');
    else if (phaseId !== before.phaseId) setCard(phaseCard);
  }, [phaseId, roundId, phaseCard]);

  const choose = (next: PhoneCard) => {
    setCard(next);
    mainRef.current?.scrollTo({ top: 0 });
    window.scrollTo({ top: 0 });
  };

  return (
    <div className="ph-page" data-testid="phone-view" data-card={card}>
      <header className="ph-header">
        <div className="ph-header-row">
          <h1 className="ph-title" data-testid="session-title" title={title}>
            {title || '\u00a0'}
          </h1>
          <TimerDisplay />
          <LanguageSwitch />
        </div>
        <ConnectionIndicator statuses={[sessionStatus, boardStatus]} />
      </header>
      <main className="ph-main" ref={mainRef}>
        <PhaseCard phase={phase} showQuestions={card !== 'questions'} onAnswer={() => choose('questions')} />
        <div className="ph-card-body" data-testid={`phone-card-${card}`}>
          {card === 'questions' ? <QuestionsSection /> : null}
          {card === 'notes' ? <PhoneNotes /> : null}
          {card === 'bees' ? <PhoneBees /> : null}
          {card === 'vote' ? <VoteSection /> : null}
          {card === 'evaluation' ? <EvaluationSection /> : null}
        </div>
        <div className="ph-full">
          <button type="button" className="button ph-full-button" onClick={onFullBoard} data-testid="phone-full-board">
            {t('fullBoard')}
          </button>
          <p className="pp-small muted">{t('fullBoardHint')}</p>
        </div>
      </main>
      <nav className="ph-tabs" aria-label={t('phone.cards')}>
        {CARDS.map((c) => (
          <button
            key={c.id}
            type="button"
            className={card === c.id ? 'ph-tab is-active' : 'ph-tab'}
            aria-current={card === c.id ? 'page' : undefined}
            onClick={() => choose(c.id)}
            data-testid={`phone-tab-${c.id}`}
          >
            <svg viewBox="0 0 24 24" aria-hidden="true" className="ph-tab-icon">
              <path d={c.icon} />
            </svg>
            <span>{t(c.label)}</span>
            {c.id === 'vote' && openRound ? <span className="pp-badge ph-tab-badge" /> : null}
          </button>
        ))}
      </nav>
    </div>
  );
}

function PhaseCard({
  phase,
  showQuestions,
  onAnswer,
}: {
  phase: Phase | null;
  showQuestions: boolean;
  onAnswer: () => void;
}) {
  const t = useT(phoneTexts);
  const [expanded, setExpanded] = useState(false);
  if (!phase) {
    return (
      <section className="ph-phase" data-testid="phone-phase">
        <h2 className="ph-phase-title">{t('phase.none')}</h2>
        <p className="pp-small">{t('phase.noneText')}</p>
      </section>
    );
  }
  const long = phase.description.length > 140;
  return (
    <section className="ph-phase" data-testid="phone-phase" data-phase-id={phase.id}>
      <p className="ph-kicker">{t('phase.kicker')}</p>
      <h2 className="ph-phase-title">{t.name(phase.title)}</h2>
      {phase.description ? (
        <p className={long && !expanded ? 'ph-phase-text is-clamped' : 'ph-phase-text'}>{t.name(phase.description)}</p>
      ) : null}
      {long ? (
        <button type="button" className="ph-more" onClick={() => setExpanded(!expanded)} aria-expanded={expanded}>
          {expanded ? t('phase.less') : t('phase.more')}
        </button>
      ) : null}
      {showQuestions && phase.questions.length > 0 ? (
        <>
          <ol className="ph-questions" data-testid="phone-phase-questions">
            {phase.questions.map((q) => (
              <li key={q.id}>{t.name(q.text)}</li>
            ))}
          </ol>
          <button type="button" className="button button-small" onClick={onAnswer}>
            {t('phase.answer')}
          </button>
        </>
      ) : null}
    </section>
  );
}
