/**
 * The meeting's timer (issue 5): `TimerDisplay` for everyone (the bar, the phone view),
 * `TimerControls` for the facilitator (start with the phase's planned minutes or a
 * chosen time, pause and resume, +1 minute, stop).
 *
 * Times are the server's clock (serverClock.ts), so every device ends at the same
 * second. The ticking lives inside `TimerDisplay`: one state update per second of that
 * component only, never of the page. At the end it turns red and pulses ("Tijd is om");
 * a tab that was in the background shows it the moment it is visible again.
 */
import { useEffect, useId, useState } from 'react';
import {
  addTimerTime,
  pauseTimer,
  resetTimer,
  restoreTimer,
  resumeTimer,
  startTimer,
  timerRemaining,
  type TimerState,
} from '../../../../shared/model/meeting/live.ts';
import type { PhaseSwitch } from '../../../../shared/model/meeting/phaseSwitch.ts';
import { currentPhase } from '../../../../shared/model/meeting/program.ts';
import { useIdentity, useMeeting } from './MeetingContext.tsx';
import { serverNow, startServerClock, useServerClockOffset } from './serverClock.ts';
import { meetingTexts } from './i18n.ts';
import { useT } from '../../base/i18n/useT.ts';
import { usePopover } from '../../ui/usePopover.ts';
import './barControls.css';
import './Timer.css';

const MAX_TIMER_MS = 6 * 3600 * 1000;

/** "4:05", "1:02:03"; rounded up, so "0:00" only when the time is really up. */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** Parses "5" (minutes), "2:30", "0:03" or "1,5" to milliseconds; `null` when invalid. */
export function parseDuration(text: string): number | null {
  const t = text.trim().replace(',', '.');
  const mmss = /^(\d{1,3}):([0-5]\d)$/.exec(t);
  let ms: number | null = null;
  if (mmss) ms = (Number(mmss[1]) * 60 + Number(mmss[2])) * 1000;
  else if (/^\d{1,3}(\.\d+)?$/.test(t)) ms = Math.round(Number(t) * 60_000);
  if (ms === null || ms <= 0 || ms > MAX_TIMER_MS) return null;
  return ms;
}

type TimerView = { state: 'idle' } | { state: 'running' | 'paused' | 'up'; remainingMs: number };

function viewOf(timer: TimerState, now: number): TimerView {
  if (timer.status === 'idle') return { state: 'idle' };
  const remainingMs = timerRemaining(timer, now);
  if (timer.status === 'paused') return { state: 'paused', remainingMs };
  return { state: remainingMs <= 0 ? 'up' : 'running', remainingMs };
}

/**
 * The server time, renewed when the shown second changes (and when the tab becomes
 * visible again: background tabs' timers are throttled). Only the calling component re-renders.
 */
function useTickingNow(timer: TimerState): number {
  const offset = useServerClockOffset();
  const [now, setNow] = useState(serverNow);
  useEffect(() => startServerClock(), []);
  const endsAt = timer.status === 'running' ? timer.endsAt : null;
  useEffect(() => {
    setNow(serverNow());
    if (endsAt === null) return;
    let handle: ReturnType<typeof setTimeout> | undefined;
    const tick = () => {
      const n = serverNow();
      setNow(n);
      const left = endsAt - n;
      if (left <= 0) return;
      // Wake just after the displayed (rounded-up) second changes.
      handle = setTimeout(tick, (left % 1000 || 1000) + 15);
    };
    tick();
    const onVisible = () => {
      if (document.visibilityState !== 'visible') return;
      clearTimeout(handle);
      tick();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      clearTimeout(handle);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [endsAt, offset]);
  return now;
}

/** The timer, read-only, for everyone; nothing while no timer runs. */
export function TimerDisplay({ size = 'normal' }: { size?: 'normal' | 'large' }) {
  const timer = useMeeting((s) => s.live.timer);
  const t = useT(meetingTexts);
  const now = useTickingNow(timer);
  const view = viewOf(timer, now);
  if (view.state === 'idle') return null;
  const time = formatRemaining(view.remainingMs);
  const className = `timer timer-${size} is-${view.state}`;
  return (
    <div
      className={className}
      data-testid="timer"
      data-state={view.state}
      data-seconds={Math.ceil(view.remainingMs / 1000)}
      title={t('timer.label')}
    >
      <svg className="timer-icon" viewBox="0 0 16 16" aria-hidden="true">
        <circle cx="8" cy="9" r="6" fill="none" stroke="currentColor" strokeWidth="1.6" />
        <path d="M8 9V5.5M6 1.5h4" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
      </svg>
      {view.state === 'up' ? (
        <span className="timer-up" role="status" data-testid="timer-up">
          {t('timer.up')}
        </span>
      ) : (
        <>
          <span className="timer-time" aria-label={t('timer.remaining', { time })} data-testid="timer-time">
            {time}
          </span>
          {view.state === 'paused' ? <span className="timer-paused">{t('timer.paused')}</span> : null}
        </>
      )}
    </div>
  );
}

/** The facilitator's timer menu in the meeting bar. */
export function TimerControls() {
  const { sessionDoc } = useIdentity();
  const timer = useMeeting((s) => s.live.timer);
  const planned = useMeeting((s) => currentPhase(s.program)?.minutes ?? 0);
  const t = useT(meetingTexts);
  const pop = usePopover();
  const fieldId = useId();
  const [custom, setCustom] = useState('');
  const [error, setError] = useState<string | null>(null);

  const start = (ms: number) => {
    startTimer(sessionDoc, ms, serverNow());
    setError(null);
  };
  const startCustom = () => {
    const ms = parseDuration(custom);
    if (ms === null) return setError(t('timer.customInvalid'));
    start(ms);
    setCustom('');
  };

  return (
    <div className="mb-pop" ref={pop.root}>
      <button
        type="button"
        className="mb-button"
        aria-haspopup="dialog"
        aria-expanded={pop.open}
        onClick={pop.toggle}
        data-testid="timer-menu"
      >
        {t('timer.menu')}
      </button>
      {pop.open ? (
        <div className="mb-popover mb-timer-popover" role="dialog" aria-label={t('timer.menu')}>
          {timer.status === 'idle' ? (
            <p className="muted mb-pop-note">{t('timer.idle')}</p>
          ) : (
            <div className="mb-pop-row">
              <TimerDisplay />
            </div>
          )}
          {timer.status !== 'idle' ? (
            <div className="mb-pop-row">
              {timer.status === 'running' ? (
                <button
                  type="button"
                  className="button button-small"
                  onClick={() => pauseTimer(sessionDoc, serverNow())}
                  data-testid="timer-pause"
                >
                  {t('timer.pause')}
                </button>
              ) : (
                <button
                  type="button"
                  className="button button-small button-primary"
                  onClick={() => resumeTimer(sessionDoc, serverNow())}
                  data-testid="timer-resume"
                >
                  {t('timer.resume')}
                </button>
              )}
              <button
                type="button"
                className="button button-small"
                onClick={() => addTimerTime(sessionDoc, 60_000, serverNow())}
                data-testid="timer-add"
              >
                {t('timer.addMinute')}
              </button>
              <button
                type="button"
                className="button button-small"
                onClick={() => resetTimer(sessionDoc)}
                data-testid="timer-reset"
              >
                {t('timer.reset')}
              </button>
            </div>
          ) : null}
          {planned > 0 ? (
            <button
              type="button"
              className="button button-small button-primary mb-pop-wide"
              onClick={() => start(planned * 60_000)}
              data-testid="timer-start-phase"
            >
              {t('timer.startPhase', { n: planned })}
            </button>
          ) : null}
          <form
            className="mb-timer-custom"
            onSubmit={(e) => {
              e.preventDefault();
              startCustom();
            }}
          >
            <label htmlFor={fieldId}>{t('timer.custom')}</label>
            <div className="mb-pop-row">
              <input
                id={fieldId}
                className="mb-input"
                inputMode="decimal"
                placeholder="5"
                value={custom}
                aria-describedby={`${fieldId}-hint`}
                aria-invalid={error !== null}
                onChange={(e) => {
                  setCustom(e.target.value);
                  setError(null);
                }}
                data-testid="timer-custom"
              />
              <button type="submit" className="button button-small" data-testid="timer-start">
                {t('timer.start')}
              </button>
            </div>
            <span id={`${fieldId}-hint`} className={error ? 'mb-error' : 'mb-hint'} role={error ? 'alert' : undefined}>
              {error ?? t('timer.customHint')}
            </span>
          </form>
        </div>
      ) : null}
    </div>
  );
}

/** The notice goes by itself after this long (the next switch replaces it sooner). */
const NOTICE_MS = 30_000;

/**
 * The facilitator's line under the bar after a phase switch (issue 12): the timer of the
 * phase left has stopped, with "Laten doorlopen" to put it back as it was; or the new
 * phase's own timer runs. Nothing when the switch did not touch a timer.
 */
export function PhaseTimerNotice({ switched, onClose }: { switched: PhaseSwitch; onClose: () => void }) {
  const { sessionDoc } = useIdentity();
  const t = useT(meetingTexts);
  const [kept, setKept] = useState(false);
  const stopped = switched.stoppedTimer;
  const started = switched.startedTimer && switched.phase ? switched.phase.minutes : 0;
  // The time left when it stopped, as it was then.
  const [left] = useState(() => (stopped ? formatRemaining(timerRemaining(stopped, serverNow())) : ''));
  useEffect(() => {
    const timer = setTimeout(onClose, NOTICE_MS);
    return () => clearTimeout(timer);
  }, [onClose]);
  if (!stopped && !started) return null;
  const text = kept
    ? t('timer.kept')
    : [stopped ? t('timer.stopped', { time: left }) : '', started ? t('timer.phaseStarted', { n: started }) : '']
        .filter(Boolean)
        .join(' ');
  return (
    <div className="mb-switch-notice" role="status" data-testid="phase-timer-notice">
      <span>{text}</span>
      {stopped && !kept ? (
        <button
          type="button"
          className="button button-small"
          onClick={() => {
            restoreTimer(sessionDoc, stopped);
            setKept(true);
          }}
          data-testid="timer-keep"
        >
          {t('timer.keep')}
        </button>
      ) : null}
      <button type="button" className="mb-notice-close" aria-label={t('fx.close')} onClick={onClose}>
        ×
      </button>
    </div>
  );
}
