/**
 * The meeting bar above the board (issue 5), for everyone: the current phase ("Fase 3
 * van 6", title, where it happens), its description and numbered questions (open after
 * each phase switch, collapsible to one line), the timer, and what is switched on
 * (spotlight, presenter, private mode). The facilitator also gets the phase controls
 * (previous, next, a phase menu), the timer menu, the "Live" menu and "Programma bewerken".
 */
import { useCallback, useId, useMemo, useState } from 'react';
import type { PhaseSwitch } from '../../../../shared/model/meeting/phaseSwitch.ts';
import { currentPhase, type Phase } from '../../../../shared/model/meeting/program.ts';
import { LiveBanners } from './LiveBanners.tsx';
import { useIdentity, useProgram } from './MeetingContext.tsx';
import { usePhaseSwitch } from './phaseActions.ts';
import { PhaseTimerNotice, TimerControls, TimerDisplay } from './Timer.tsx';
import { meetingTexts } from './i18n.ts';
import { useT } from '../../base/i18n/useT.ts';
import { usePhoneLayout } from './usePhoneLayout.ts';
import { lazyPart } from '../../ui/lazyPart.ts';
import { usePopover } from '../../ui/usePopover.ts';
import { ROOMY, useMediaQuery, usePanelState } from '../../ui/usePanelState.ts';
import './barControls.css';
import './MeetingBar.css';

// The Live menu and the programme editor (the facilitator's) load after the first view (ui/lazyPart.ts).
const LiveMenu = lazyPart(() => import('./LiveMenu.tsx').then((m) => m.LiveMenu));
const ProgramEditor = lazyPart(() => import('./ProgramEditor.tsx').then((m) => m.ProgramEditor));

export function MeetingBar() {
  const { isFacilitator } = useIdentity();
  const program = useProgram();
  const t = useT(meetingTexts);
  const detailsId = useId();
  const phase = useMemo(() => currentPhase(program), [program]);
  const index = phase ? program.phases.indexOf(phase) : -1;
  const [editing, setEditing] = useState(false);
  // The questions as a list under the bar where there is room; on laptops one line in the bar
  // (still readable, a click opens the list). The person's choice is kept (issue 12).
  const [open, setOpen] = usePanelState('questions', useMediaQuery(ROOMY.questions));
  const phoneParticipant = usePhoneLayout() && !isFacilitator;
  const hasDetails = phase !== null && (phase.description.trim() !== '' || phase.questions.length > 0);
  // What the last phase switch did to the timer (the facilitator may keep the old one running).
  const [switched, setSwitched] = useState<PhaseSwitch | null>(null);
  const go = usePhaseSwitch(setSwitched);
  const closeNotice = useCallback(() => setSwitched(null), []);

  return (
    <section className="meeting-bar" aria-label={t('bar.label')} data-testid="meeting-bar">
      <div className="mb-line">
        {phase ? (
          <div className="mb-phase" data-testid="meeting-phase" data-phase-id={phase.id}>
            {isFacilitator ? (
              <PhaseControls phases={program.phases} index={index} go={go} />
            ) : (
              <span className="mb-step" data-testid="meeting-step">
                {t('bar.phaseOf', { n: index + 1, total: program.phases.length })}
              </span>
            )}
            <h2 className="mb-title" title={t.name(phase.title)} data-testid="meeting-phase-title">
              {t.name(phase.title)}
            </h2>
            <span className={`mb-where is-${phase.where}`}>
              {phase.where === 'groups' ? t('bar.inGroups') : t('bar.plenary')}
            </span>
            {hasDetails ? (
              <button
                type="button"
                className={open ? 'mb-toggle' : 'mb-toggle is-inline'}
                aria-expanded={open}
                aria-controls={detailsId}
                onClick={() => setOpen(!open)}
                data-testid="meeting-details-toggle"
              >
                {phase.questions.length > 0 ? (
                  <span className="mb-count">{t('bar.questionCount', { n: phase.questions.length })}</span>
                ) : null}
                {!open && phase.questions.length > 0 ? (
                  <span className="mb-inline-questions">
                    {phase.questions.map((q) => (
                      <span key={q.id} className="mb-inline-question" data-testid="meeting-question">
                        {t.name(q.text)}
                      </span>
                    ))}
                  </span>
                ) : null}
                <svg viewBox="0 0 12 12" aria-hidden="true" className={open ? 'mb-chevron is-open' : 'mb-chevron'}>
                  <path d="M2.5 4.5 6 8l3.5-3.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
                </svg>
                <span className="visually-hidden">{open ? t('bar.less') : t('bar.more')}</span>
              </button>
            ) : null}
          </div>
        ) : (
          <NoPhase onEdit={() => setEditing(true)} go={go} />
        )}
        <div className="mb-end">
          <TimerDisplay />
          {isFacilitator ? (
            <div className="mb-controls" data-testid="meeting-controls">
              <TimerControls />
              <LiveMenu />
              <button
                type="button"
                className="mb-button"
                aria-label={t('bar.editProgram')}
                title={t('bar.editProgram')}
                onClick={() => setEditing(true)}
                data-testid="program-edit"
              >
                <svg viewBox="0 0 16 16" className="mb-button-icon" aria-hidden="true">
                  <path
                    d="M11.2 2.3a1.5 1.5 0 0 1 2.1 0l.4.4a1.5 1.5 0 0 1 0 2.1L6 12.5l-3.2.8.8-3.2z"
                    fill="none"
                    stroke="currentColor"
                    strokeWidth="1.5"
                    strokeLinejoin="round"
                  />
                </svg>
                {t('bar.program')}
              </button>
            </div>
          ) : null}
        </div>
      </div>
      {isFacilitator && switched ? (
        <PhaseTimerNotice key={program.phaseStartedAt} switched={switched} onClose={closeNotice} />
      ) : null}
      {phase && hasDetails && open ? (
        <div className="mb-details" id={detailsId} data-testid="meeting-details">
          {phase.description.trim() ? <p className="mb-description">{t.name(phase.description)}</p> : null}
          {phase.questions.length > 0 ? (
            <ol className="mb-questions" aria-label={t('bar.questions')}>
              {phase.questions.map((q) => (
                <li key={q.id} data-testid="meeting-question">
                  {t.name(q.text)}
                </li>
              ))}
            </ol>
          ) : null}
        </div>
      ) : null}
      {/* A participant on a phone has them floating (MeetingEffects), as the phone view has no bar. */}
      {phoneParticipant ? null : <LiveBanners />}
      {editing ? <ProgramEditor onClose={() => setEditing(false)} /> : null}
    </section>
  );
}

function NoPhase({ onEdit, go }: { onEdit: () => void; go: (phaseId: string | null) => void }) {
  const { isFacilitator } = useIdentity();
  const program = useProgram();
  const t = useT(meetingTexts);
  const first = program.phases[0];
  if (!isFacilitator) {
    return (
      <div className="mb-phase mb-waiting" data-testid="meeting-waiting">
        <span className="mb-waiting-dot" aria-hidden="true" />
        <h2 className="mb-title">{t('bar.waiting')}</h2>
      </div>
    );
  }
  return (
    <div className="mb-phase mb-waiting" data-testid="meeting-start-prompt">
      {first ? <PhaseControls phases={program.phases} index={-1} go={go} /> : null}
      <span className="mb-prompt">{first ? t('bar.startPrompt') : t('bar.noProgram')}</span>
      {first ? (
        <button
          type="button"
          className="button button-small button-primary"
          onClick={() => go(first.id)}
          data-testid="meeting-start"
        >
          {t('bar.startFirst', { title: first.title })}
        </button>
      ) : (
        <button type="button" className="button button-small button-primary" onClick={onEdit}>
          {t('bar.makeProgram')}
        </button>
      )}
    </div>
  );
}

interface PhaseControlsProps {
  phases: readonly Phase[];
  index: number;
  /** Switches the phase (with its timer and round: phaseActions.ts). */
  go: (phaseId: string | null) => void;
}

function PhaseControls({ phases, index, go: switchTo }: PhaseControlsProps) {
  const program = useProgram();
  const t = useT(meetingTexts);
  const pop = usePopover();
  const go = (id: string | null) => {
    switchTo(id);
    pop.close();
  };
  const prev = index > 0 ? phases[index - 1] : undefined;
  const next = index < phases.length - 1 ? phases[index + 1] : undefined;
  return (
    <div className="mb-phase-controls mb-pop" ref={pop.root}>
      <button
        type="button"
        className="mb-icon-button"
        disabled={!prev}
        aria-label={prev ? `${t('bar.prev')}: ${t.name(prev.title)}` : t('bar.prevNone')}
        title={prev ? `${t('bar.prev')}: ${t.name(prev.title)}` : t('bar.prevNone')}
        onClick={() => prev && go(prev.id)}
        data-testid="phase-prev"
      >
        <svg viewBox="0 0 12 12" aria-hidden="true">
          <path d="M7.5 2.5 4 6l3.5 3.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
        </svg>
      </button>
      <button
        type="button"
        className="mb-button mb-step-button"
        aria-haspopup="menu"
        aria-expanded={pop.open}
        disabled={phases.length === 0}
        onClick={pop.toggle}
        title={t('bar.phaseMenu')}
        data-testid="phase-menu"
      >
        {index >= 0 ? (
          <span data-testid="meeting-step">{t('bar.phaseOf', { n: index + 1, total: phases.length })}</span>
        ) : (
          t('bar.phaseMenu')
        )}
        <svg viewBox="0 0 12 12" aria-hidden="true" className="mb-chevron">
          <path d="M2.5 4.5 6 8l3.5-3.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
        </svg>
      </button>
      <button
        type="button"
        className="mb-icon-button"
        disabled={!next}
        aria-label={next ? `${t('bar.next')}: ${t.name(next.title)}` : t('bar.nextNone')}
        title={next ? `${t('bar.next')}: ${t.name(next.title)}` : t('bar.nextNone')}
        onClick={() => next && go(next.id)}
        data-testid="phase-next"
      >
        <svg viewBox="0 0 12 12" aria-hidden="true">
          <path d="M4.5 2.5 8 6 4.5 9.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
        </svg>
      </button>
      {pop.open ? (
        <ul className="mb-popover mb-phase-menu" role="menu" aria-label={t('bar.phaseMenu')}>
          {phases.map((p, i) => {
            const current = p.id === program.currentPhaseId;
            return (
              <li key={p.id} role="none">
                <button
                  type="button"
                  role="menuitemradio"
                  aria-checked={current}
                  className={current ? 'mb-menu-item is-current' : 'mb-menu-item'}
                  onClick={() => go(p.id)}
                  data-testid="phase-menu-item"
                  data-phase-id={p.id}
                >
                  <span className="mb-menu-n">{i + 1}</span>
                  <span className="mb-menu-title">{t.name(p.title)}</span>
                  <span className="mb-menu-meta">
                    {p.where === 'groups' ? t('bar.inGroups') : t('bar.plenary')}
                    {p.minutes > 0 ? ` · ${t('bar.minutes', { n: p.minutes })}` : ''}
                  </span>
                </button>
              </li>
            );
          })}
          <li role="none">
            <button
              type="button"
              role="menuitemradio"
              aria-checked={program.currentPhaseId === null}
              className="mb-menu-item is-none"
              onClick={() => go(null)}
              data-testid="phase-menu-none"
            >
              {t('bar.noPhase')}
            </button>
          </li>
        </ul>
      ) : null}
    </div>
  );
}
