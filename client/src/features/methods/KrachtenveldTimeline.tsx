/**
 * The field in motion (issue 15): the facilitator's timeline on a board's krachtenveld.
 * A slider and a play button over the board's history snapshots; at a snapshot the
 * view shows the actors where they were then, read-only (the same drawing, with the
 * snapshot's data and nothing editable); "Nu" at the right end is the live board.
 * Only the facilitator has it: participants have no access to the snapshots API.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { formatTime } from '../../../../shared/i18n/format.ts';
import type { Lang } from '../../../../shared/i18n/lang.ts';
import { MethodsContext, useMethods, type MethodsContextValue } from './context.ts';
import { tooltipDismiss } from './iconTool.ts';
import { KrachtenveldView } from './KrachtenveldView.tsx';
import { useBoardHistory, type HistoryFrame, type HistorySource } from './useBoardHistory.ts';
import './views.css';
import './KrachtenveldTimeline.css';

/** Time between two moments while playing (ms). */
export const PLAY_STEP_MS = 1000;

/** "14:05", or "14:05:30" for every moment when two of them fall in the same minute. */
export function momentLabels(frames: readonly HistoryFrame[], lang: Lang): string[] {
  const labels = frames.map((f) => formatTime(lang, f.createdAt));
  if (new Set(labels).size === labels.length) return labels;
  return frames.map((f) => formatTime(lang, f.createdAt, true));
}

export function KrachtenveldTimeline({ source }: { source: HistorySource }) {
  const live = useMethods();
  const { t, lang } = live;
  const [open, setOpen] = useState(false);
  const [reload, setReload] = useState(0);
  const history = useBoardHistory(open ? source : null, reload);
  const frames = useMemo(() => (history.status === 'ready' ? history.frames : []), [history]);
  const labels = useMemo(() => momentLabels(frames, lang), [frames, lang]);
  /** Index of the shown moment; null is "Nu", the live board. */
  const [at, setAt] = useState<number | null>(null);
  const [playing, setPlaying] = useState(false);
  const ticks = useId();

  const shown = at !== null && at < frames.length ? at : null;
  const frame = shown !== null ? frames[shown] : undefined;

  // One step per PLAY_STEP_MS; past the last moment it stops on "Nu".
  useEffect(() => {
    if (!playing) return;
    const timer = setTimeout(() => {
      const next = (shown ?? -1) + 1;
      if (next >= frames.length) {
        setPlaying(false);
        setAt(null);
      } else setAt(next);
    }, PLAY_STEP_MS);
    return () => clearTimeout(timer);
  }, [playing, shown, frames.length]);

  const close = () => {
    setOpen(false);
    setPlaying(false);
    setAt(null);
  };
  const play = () => {
    if (playing) {
      setPlaying(false);
      return;
    }
    if (frames.length === 0) return;
    if (shown === null || shown >= frames.length - 1) setAt(0);
    setPlaying(true);
  };

  const past = useMemo<MethodsContextValue | null>(
    () => (frame ? { ...live, data: frame.data, editable: false, settingsEditable: false } : null),
    [frame, live],
  );

  const toggle = (
    <button
      type="button"
      className={
        open
          ? 'button button-small mw-icon-tool mw-timeline-toggle is-on'
          : 'button button-small mw-icon-tool mw-timeline-toggle'
      }
      aria-pressed={open}
      title={t('tl.openTitle')}
      data-testid="timeline-toggle"
      data-tip={t('tl.open')}
      {...tooltipDismiss}
      onClick={() => (open ? close() : setOpen(true))}
    >
      <span className="mw-tool-icon" aria-hidden="true">
        ◷
      </span>
      <span className="visually-hidden-laptop">{t('tl.open')}</span>
    </button>
  );

  const view =
    past && shown !== null ? (
      <MethodsContext.Provider value={past}>
        <KrachtenveldView barEnd={toggle} pastTime={labels[shown] ?? null} />
      </MethodsContext.Provider>
    ) : (
      <KrachtenveldView barEnd={toggle} />
    );

  return (
    <>
      {view}
      {open ? (
        <div
          className="mw-timeline"
          role="group"
          aria-label={t('tl.label')}
          data-testid="timeline"
          data-status={history.status}
          data-at={frame ? String(frame.id) : 'now'}
        >
          {history.status === 'loading' || history.status === 'idle' ? (
            <p className="mw-timeline-msg" aria-live="polite">
              {t('tl.loading')}
            </p>
          ) : history.status === 'error' ? (
            <p className="mw-timeline-msg" role="alert">
              {t('tl.error')}{' '}
              <button type="button" className="button" onClick={() => setReload((n) => n + 1)}>
                {t('tl.retry')}
              </button>
            </p>
          ) : frames.length === 0 ? (
            <p className="mw-timeline-msg" data-testid="timeline-empty">
              {t('tl.none')}
            </p>
          ) : (
            <>
              <button
                type="button"
                className="button mw-timeline-play"
                data-testid="timeline-play"
                aria-pressed={playing}
                onClick={play}
              >
                <span aria-hidden="true">{playing ? '❚❚ ' : '▶ '}</span>
                {playing ? t('tl.pause') : t('tl.play')}
              </button>
              <span className="mw-timeline-time" data-testid="timeline-time" aria-live="off">
                {shown !== null ? labels[shown] : t('tl.now')}
              </span>
              <input
                type="range"
                className="mw-timeline-slider"
                data-testid="timeline-slider"
                aria-label={t('tl.slider')}
                aria-valuetext={shown !== null ? labels[shown] : t('tl.now')}
                min={0}
                max={frames.length}
                step={1}
                value={shown ?? frames.length}
                list={ticks}
                onChange={(e) => {
                  setPlaying(false);
                  const v = Number(e.target.value);
                  setAt(v >= frames.length ? null : v);
                }}
              />
              <datalist id={ticks}>
                {frames.map((f, i) => (
                  <option key={f.id} value={i} label={labels[i]} data-snapshot-id={f.id} />
                ))}
                <option value={frames.length} label={t('tl.now')} />
              </datalist>
              <button
                type="button"
                className={shown === null ? 'button mw-timeline-now is-on' : 'button mw-timeline-now'}
                data-testid="timeline-now"
                title={t('tl.nowTitle')}
                aria-pressed={shown === null}
                onClick={() => {
                  setPlaying(false);
                  setAt(null);
                  setReload((n) => n + 1);
                }}
              >
                {t('tl.now')}
              </button>
              <span className="mw-timeline-count">{t('tl.count', { n: frames.length })}</span>
            </>
          )}
          <button
            type="button"
            className="mw-timeline-close"
            aria-label={t('tl.close')}
            title={t('tl.close')}
            onClick={close}
          >
            ×
          </button>
        </div>
      ) : null}
    </>
  );
}
