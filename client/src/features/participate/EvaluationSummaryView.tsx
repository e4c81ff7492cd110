/**
 * The evaluation as the report states it (seed 003: "7,8 (spreiding 6 – 9)"): the mean
 * large, how many grades, the spread min – max, a bar per grade 1-10 and the quotes.
 * The same picture for the facilitator (live) and for everyone once it is shown.
 */
import { useLang, useT } from '../../base/i18n/useT.ts';
import type { EvaluationSummary } from '../../../../shared/api.ts';
import { formatMean } from './format.ts';
import { participateTexts } from './i18n.ts';
import './sections.css';
import './EvaluationSummaryView.css';

export function EvaluationSummaryView({ summary, testId }: { summary: EvaluationSummary; testId?: string }) {
  const t = useT(participateTexts);
  const lang = useLang();
  const top = Math.max(1, ...summary.distribution);
  return (
    <div className="pp-eval-summary" data-testid={testId ?? 'eval-summary'} data-n={summary.n}>
      {summary.n === 0 || summary.mean === null ? (
        <p className="muted" data-testid="eval-empty">
          {t('e.noGrades')}
        </p>
      ) : (
        <div className="pp-eval-figures">
          <div className="pp-eval-mean">
            <span className="pp-eval-mean-value" data-testid="eval-mean">
              {formatMean(summary.mean, lang)}
            </span>
            <span className="pp-eval-mean-label">{t('e.mean')}</span>
          </div>
          <div className="pp-eval-facts">
            <span data-testid="eval-n">{t('e.n', { n: summary.n })}</span>
            <span data-testid="eval-spread">{t('e.spread', { min: summary.min ?? '', max: summary.max ?? '' })}</span>
          </div>
        </div>
      )}
      <figure className="pp-eval-chart" aria-label={t('e.distribution')}>
        <ol className="pp-eval-bars">
          {summary.distribution.map((count, i) => (
            <li
              key={i}
              className="pp-eval-bar"
              data-testid={`eval-dist-${i + 1}`}
              data-count={count}
              title={`${i + 1}: ${count}`}
            >
              <span className="pp-eval-bar-count">{count > 0 ? count : ''}</span>
              <span className="pp-eval-bar-fill" style={{ height: `${(count / top) * 100}%` }} />
              <span className="pp-eval-bar-grade">{i + 1}</span>
            </li>
          ))}
        </ol>
        <figcaption className="visually-hidden">{t('e.distribution')}</figcaption>
      </figure>
      {summary.quotes.length > 0 ? (
        <div className="pp-eval-quotes">
          <h4 className="pp-subtitle">{t('e.quotes')}</h4>
          <ul className="stack-list">
            {summary.quotes.map((q, i) => (
              <li key={i} data-testid="eval-quote">
                <q>{q.text}</q>
                {q.name ? <span className="pp-quote-name">— {q.name}</span> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
