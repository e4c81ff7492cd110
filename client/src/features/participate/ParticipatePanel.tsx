/**
 * The panel beside the board (issue 5): "Vragen" (answers to the discussion questions),
 * "Stemmen" (dot voting) and "Evaluatie". Collapsed it is a slim strip of tabs. It opens
 * on its own at the evaluation phase and when a vote round opens. Not for viewers.
 */
import { useEffect, useRef, useState } from 'react';
import { currentPhase } from '../../../../shared/model/meeting/program.ts';
import { readVoteRounds } from '../../../../shared/model/sessionDoc.ts';
import { Role } from '../../../../shared/roles.ts';
import { useIdentity, useProgram, useScreen, useSessionDocSnapshot } from '../meeting/index.ts';
import { EvaluationSection } from './EvaluationSection.tsx';
import { participateTexts, type ParticipateKey } from './i18n.ts';
import { useT } from '../../base/i18n/useT.ts';
import { ROOMY, useMediaQuery, usePanelState } from '../../ui/usePanelState.ts';
import { QuestionsSection } from './QuestionsSection.tsx';
import { VoteSection } from './VoteSection.tsx';
import './ParticipatePanel.css';

export type ParticipateTab = 'questions' | 'vote' | 'evaluation';
const TABS: { id: ParticipateTab; label: ParticipateKey }[] = [
  { id: 'questions', label: 'tab.questions' },
  { id: 'vote', label: 'tab.vote' },
  { id: 'evaluation', label: 'tab.evaluation' },
];

/**
 * Which section the meeting asks for: the evaluation phase, a phase with questions, an
 * open vote round (one opened after the phase started wins). `phaseId` and
 * `openRoundId` tell the panel when to ask anew: a new phase, a round that opens.
 */
export function useAskedTab(): {
  tab: ParticipateTab | null;
  phaseId: string | null;
  openRoundId: string | null;
} {
  const program = useProgram();
  const rounds = useSessionDocSnapshot(readVoteRounds);
  const phase = currentPhase(program);
  const openRound = rounds.filter((r) => r.status === 'open').at(-1) ?? null;
  const phaseTab: ParticipateTab | null =
    phase?.kind === 'evaluation' ? 'evaluation' : phase && phase.questions.length > 0 ? 'questions' : null;
  const roundIsNewer = openRound !== null && (phase === null || openRound.createdAt >= program.phaseStartedAt);
  const tab = roundIsNewer ? 'vote' : (phaseTab ?? (openRound ? 'vote' : null));
  return { tab, phaseId: phase?.id ?? null, openRoundId: openRound?.id ?? null };
}

/** Calls `ask(tab)` when a new phase starts or a vote round opens (not when one closes). */
export function useFollowMeeting(ask: (tab: ParticipateTab) => void): ReturnType<typeof useAskedTab> {
  const asked = useAskedTab();
  const last = useRef({ phaseId: asked.phaseId, openRoundId: asked.openRoundId });
  const askRef = useRef(ask);
  askRef.current = ask;
  useEffect(() => {
    const before = last.current;
    last.current = { phaseId: asked.phaseId, openRoundId: asked.openRoundId };
    if (asked.openRoundId !== null && asked.openRoundId !== before.openRoundId) askRef.current('vote');
    else if (asked.phaseId !== before.phaseId && asked.tab !== null) askRef.current(asked.tab);
  }, [asked.phaseId, asked.openRoundId, asked.tab]);
  return asked;
}

export function ParticipatePanel() {
  const { identity } = useIdentity();
  if (identity.role === Role.viewer) return null;
  return <Panel />;
}

function Panel() {
  const t = useT(participateTexts);
  const initial = useAskedTab();
  // Issue 12: where it fits, open when the meeting asks for it; the person's own choice is
  // kept (usePanelState). On narrow screens the questions are in the bar: the panel opens
  // by itself only for a vote round or the evaluation.
  const roomy = useMediaQuery(ROOMY.participate);
  const [chosen, setChosen] = usePanelState('participate', roomy);
  const [asked, setAsked] = useState<boolean | null>(initial.tab === null ? false : roomy ? null : false);
  const open = asked ?? chosen;
  const setOpen = (v: boolean) => {
    setAsked(null);
    setChosen(v);
  };
  const [tab, setTab] = useState<ParticipateTab>(initial.tab ?? 'questions');
  const choose = (id: ParticipateTab) => {
    setTab(id);
    setOpen(true);
  };
  const meetingAsks = (id: ParticipateTab) => {
    setTab(id);
    if (roomy || id !== 'questions') setAsked(true);
  };
  const following = useFollowMeeting(meetingAsks);
  // The facilitator's other screens (results, control room) need the room: fold away once.
  const { screen } = useScreen();
  const lastScreen = useRef(screen);
  useEffect(() => {
    if (lastScreen.current === screen) return;
    lastScreen.current = screen;
    if (screen !== 'board') setAsked(false);
  }, [screen]);

  if (!open) {
    return (
      <aside
        className="pp-panel is-closed"
        data-testid="participate-panel"
        data-open="false"
        aria-label={t('panel.label')}
      >
        <button
          type="button"
          className="pp-strip-toggle"
          onClick={() => setOpen(true)}
          aria-label={t('panel.open')}
          title={t('panel.open')}
          data-testid="panel-toggle"
        >
          <span aria-hidden="true">«</span>
        </button>
        {TABS.map((x) => (
          <button
            key={x.id}
            type="button"
            className="pp-strip-tab"
            onClick={() => choose(x.id)}
            data-testid={`panel-tab-${x.id}`}
          >
            <span className="pp-strip-label">{t(x.label)}</span>
            {x.id === 'vote' && following.openRoundId !== null ? (
              <span className="pp-badge" title={t('tab.voteOpen')} aria-label={t('tab.voteOpen')} />
            ) : null}
          </button>
        ))}
      </aside>
    );
  }

  return (
    <aside
      className="pp-panel"
      data-testid="participate-panel"
      data-open="true"
      data-tab={tab}
      aria-label={t('panel.label')}
    >
      <div className="pp-head">
        <div className="pp-tabs" role="tablist" aria-label={t('panel.label')}>
          {TABS.map((x) => (
            <button
              key={x.id}
              type="button"
              role="tab"
              aria-selected={tab === x.id}
              className={tab === x.id ? 'pp-tab is-active' : 'pp-tab'}
              onClick={() => setTab(x.id)}
              data-testid={`panel-tab-${x.id}`}
            >
              {t(x.label)}
              {x.id === 'vote' && following.openRoundId !== null ? (
                <span className="pp-badge" title={t('tab.voteOpen')} aria-label={t('tab.voteOpen')} />
              ) : null}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="pp-collapse"
          onClick={() => setOpen(false)}
          aria-label={t('panel.close')}
          title={t('panel.close')}
          data-testid="panel-toggle"
        >
          <span aria-hidden="true">»</span>
        </button>
      </div>
      <div className="pp-body" role="tabpanel">
        {tab === 'questions' ? <QuestionsSection /> : null}
        {tab === 'vote' ? <VoteSection /> : null}
        {tab === 'evaluation' ? <EvaluationSection /> : null}
      </div>
    </aside>
  );
}
