/**
 * "Evaluatie": a participant grades the meeting 1-10 with big buttons, may leave a quote
 * (anonymous by default) and gets their own grade back after a reload. Once the
 * facilitator shows the result, everyone sees it here. The facilitator sees it live.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { readGradeCount, readSharedEvaluation } from '../../../../shared/model/sessionDoc.ts';
import { Role } from '../../../../shared/roles.ts';
import { useLang, useT } from '../../base/i18n/useT.ts';
import { useIdentity, useScreen, useSessionDocSnapshot } from '../meeting/index.ts';
import type { MyEvaluation } from '../../../../shared/api.ts';
import { loadEvaluationSummary, loadMyEvaluation, saveEvaluation, showEvaluation } from '../../base/api/index.ts';
import { ErrorLine } from './ErrorLine.tsx';
import { EvaluationSummaryView } from './EvaluationSummaryView.tsx';
import { apiErrorText, formatTime } from './format.ts';
import { participateTexts } from './i18n.ts';
import { usePoll } from './usePoll.ts';
import './EvaluationSection.css';
import './sections.css';

const GRADES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

export function EvaluationSection() {
  const { identity, isFacilitator } = useIdentity();
  const t = useT(participateTexts);
  return (
    <section className="pp-section" data-testid="evaluation-section" aria-label={t('e.title')}>
      {isFacilitator ? (
        <FacilitatorEvaluation />
      ) : identity.role === Role.participant ? (
        <GradeForm />
      ) : (
        <p className="muted">{t('e.viewer')}</p>
      )}
      <SharedResult />
    </section>
  );
}

function SharedResult() {
  const { isFacilitator } = useIdentity();
  const t = useT(participateTexts);
  const lang = useLang();
  const shared = useSessionDocSnapshot(readSharedEvaluation);
  // The facilitator sees the live summary above; the shown one is what participants see.
  if (!shared || isFacilitator) return null;
  return (
    <div className="pp-card" data-testid="eval-shared">
      <h3 className="pp-card-title">{t('e.result')}</h3>
      <p className="pp-small muted">{t('e.shown', { time: formatTime(shared.shownAt, lang) })}</p>
      <EvaluationSummaryView summary={shared} testId="eval-shared-summary" />
    </div>
  );
}

function GradeForm() {
  const { sessionId, identity } = useIdentity();
  const t = useT(participateTexts);
  const quoteId = useId();
  const [saved, setSaved] = useState<MyEvaluation | null>(null);
  const [grade, setGrade] = useState<number | null>(null);
  const [quote, setQuote] = useState('');
  const [anonymous, setAnonymous] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // My own grade back from the server (a reload, another device).
  useEffect(() => {
    let live = true;
    loadMyEvaluation(sessionId, identity.token).then(
      (mine) => {
        if (!live || !mine) return;
        setSaved(mine);
        setGrade(mine.grade);
        setQuote(mine.quote);
        setAnonymous(mine.anonymous);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [sessionId, identity.token]);

  const dirty = saved === null || saved.grade !== grade || saved.quote !== quote || saved.anonymous !== anonymous;
  const submit = () => {
    if (grade === null) {
      setError(t('e.pickGrade'));
      return;
    }
    setBusy(true);
    setError(null);
    saveEvaluation(sessionId, identity.token, { grade, quote: quote.trim(), anonymous }).then(
      (result) => {
        setSaved(result);
        setQuote(result.quote);
        setBusy(false);
      },
      (err: unknown) => {
        setError(apiErrorText(t, err));
        setBusy(false);
      },
    );
  };

  return (
    <form
      className="pp-grade-form"
      data-testid="grade-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <fieldset className="bare-fieldset pp-fieldset">
        <legend className="pp-card-title">{t('e.question')}</legend>
        <div className="pp-grades" role="radiogroup" aria-label={t('e.question')}>
          {GRADES.map((g) => (
            <button
              key={g}
              type="button"
              role="radio"
              aria-checked={grade === g}
              aria-label={t('e.grade', { n: g })}
              className={grade === g ? 'pp-grade is-on' : 'pp-grade'}
              data-testid={`grade-${g}`}
              onClick={() => {
                setGrade(g);
                setError(null);
              }}
            >
              {g}
            </button>
          ))}
        </div>
      </fieldset>
      <label className="pp-label" htmlFor={quoteId}>
        {t('e.quote')}
      </label>
      <textarea
        id={quoteId}
        className="pp-textarea"
        rows={3}
        maxLength={1000}
        value={quote}
        placeholder={t('e.quotePlaceholder')}
        onChange={(e) => setQuote(e.target.value)}
        data-testid="grade-quote"
      />
      <button
        type="button"
        role="switch"
        aria-checked={anonymous}
        className={anonymous ? 'switch is-on' : 'switch'}
        onClick={() => setAnonymous(!anonymous)}
        data-testid="grade-anonymous"
      >
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
        <span>{t('e.anonymous')}</span>
      </button>
      <p className="pp-small muted">{anonymous ? t('e.anonymousHint') : t('e.named')}</p>
      <ErrorLine error={error} testId="grade-error" />
      {saved && !dirty ? (
        <p className="pp-ok" role="status" data-testid="grade-saved" data-grade={saved.grade}>
          {t('e.saved', { grade: saved.grade })}
        </p>
      ) : (
        <button
          type="submit"
          className="button button-primary pp-wide"
          disabled={busy || grade === null}
          data-testid="grade-submit"
        >
          {busy ? t('e.saving') : saved ? t('e.update') : t('e.send')}
        </button>
      )}
    </form>
  );
}

export function FacilitatorEvaluation() {
  const { sessionId, identity } = useIdentity();
  const { setScreen, screen } = useScreen();
  const t = useT(participateTexts);
  const lang = useLang();
  const shared = useSessionDocSnapshot(readSharedEvaluation);
  // The summary is loaded when the screen opens and again whenever the count of grades,
  // which the server writes into the session doc after each grade (issue 12), changes.
  const gradeCount = useSessionDocSnapshot(readGradeCount);
  const poll = usePoll(() => loadEvaluationSummary(sessionId, identity.token), null, true, sessionId);
  const { refresh } = poll;
  const counted = useRef(gradeCount);
  useEffect(() => {
    if (counted.current === gradeCount) return;
    counted.current = gradeCount;
    refresh();
  }, [gradeCount, refresh]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const show = () => {
    setBusy(true);
    setError(null);
    showEvaluation(sessionId, identity.token).then(
      () => {
        setBusy(false);
        poll.refresh();
      },
      (err: unknown) => {
        setBusy(false);
        setError(apiErrorText(t, err));
      },
    );
  };
  return (
    <div className="pp-card" data-testid="eval-facilitator">
      <div className="pp-card-head">
        <h3 className="pp-card-title">{t('e.title')}</h3>
        <span className="pp-live">{t('r.live')}</span>
      </div>
      <p className="pp-small muted">{t('e.facilitator')}</p>
      {poll.data ? <EvaluationSummaryView summary={poll.data} testId="eval-live-summary" /> : null}
      {poll.error && !poll.data ? <p className="pp-error">{apiErrorText(t, poll.error)}</p> : null}
      <p className="pp-small muted" data-testid="eval-shown-state">
        {shared ? t('e.shown', { time: formatTime(shared.shownAt, lang) }) : t('e.notShown')}
      </p>
      <ErrorLine error={error} />
      <div className="pp-row">
        <button
          type="button"
          className="button button-primary button-small"
          onClick={show}
          disabled={busy}
          data-testid="eval-show"
        >
          {shared ? t('e.showAgain') : t('e.show')}
        </button>
        {screen !== 'results' ? (
          <button type="button" className="button button-small" onClick={() => setScreen('results')}>
            {t('e.openResults')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
