/**
 * The facilitator's results screen: the evaluation live (n, mean, spread, distribution,
 * quotes with names where people allowed it) with "Toon aan iedereen", and every vote
 * round with its status, how many voted, close and reveal, and the ranked totals.
 */
import { readVoteRounds } from '../../../../shared/model/sessionDoc.ts';
import { useIdentity, useSessionDocSnapshot } from '../meeting/index.ts';
import { FacilitatorEvaluation } from './EvaluationSection.tsx';
import { participateTexts } from './i18n.ts';
import { useT } from '../../base/i18n/useT.ts';
import { RoundAdmin } from './RoundAdmin.tsx';
import { readAllVoteResults } from './VoteSection.tsx';
import './ResultsScreen.css';

export function ResultsScreen() {
  const { isFacilitator } = useIdentity();
  const t = useT(participateTexts);
  const rounds = useSessionDocSnapshot(readVoteRounds);
  const results = useSessionDocSnapshot(readAllVoteResults);
  if (!isFacilitator) return null;
  return (
    <div className="pp-results-screen" data-testid="results-screen">
      <h2 className="visually-hidden">{t('r.title')}</h2>
      <section className="pp-results-col" aria-labelledby="pp-results-eval">
        <h3 id="pp-results-eval" className="panel-title">
          {t('r.evaluation')}
        </h3>
        <FacilitatorEvaluation />
      </section>
      <section className="pp-results-col" aria-labelledby="pp-results-rounds">
        <h3 id="pp-results-rounds" className="panel-title">
          {t('r.rounds')}
          {rounds.length > 0 ? <span className="count">{rounds.length}</span> : null}
        </h3>
        {rounds.length === 0 ? <p className="muted">{t('r.noRounds')}</p> : null}
        {[...rounds].reverse().map((r) => (
          <RoundAdmin key={r.id} round={r} results={results.get(r.id) ?? null} />
        ))}
      </section>
    </div>
  );
}
