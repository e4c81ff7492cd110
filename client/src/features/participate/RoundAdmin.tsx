/**
 * A vote round as the facilitator runs it (status, how many people voted, close and
 * reveal) and the revealed totals as everyone sees them: ranked, most dots first, each
 * with a bar of dots.
 */
import { useState } from 'react';
import {
  closeVoteRound,
  readVoterCounts,
  type VoteResults,
  type VoteRound,
} from '../../../../shared/model/sessionDoc.ts';
import { useBoardRecord, useIdentity, useSessionDocSnapshot } from '../meeting/index.ts';
import { loadVoteTally, revealVotes } from '../../base/api/index.ts';
import { ErrorLine } from './ErrorLine.tsx';
import { apiErrorText } from './format.ts';
import { participateTexts } from './i18n.ts';
import { useT } from '../../base/i18n/useT.ts';
import { usePoll } from './usePoll.ts';
import { rankTotals, useRoundCandidates } from './voteCandidates.ts';
import './sections.css';
import './RoundAdmin.css';

/** More dots than this on one line turn into a bar. */
const MAX_DOTS = 24;

export function RoundAdmin({ round, results }: { round: VoteRound; results: VoteResults | null }) {
  const { sessionId, identity, sessionDoc, sessionRoom } = useIdentity();
  const roundBoard = useBoardRecord(round.boardId);
  const t = useT(participateTexts);
  const revealed = results !== null;
  // The count arrives live in the session doc (the server writes it at every vote, issue 12);
  // the API's answer covers a round counted before that (an imported meeting's).
  const liveVoters = useSessionDocSnapshot(readVoterCounts)[round.id] ?? null;
  const tally = usePoll(() => loadVoteTally(sessionId, identity.token, round.id), null, !revealed, round.id);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const boardTitle = t.name(roundBoard?.title ?? '');
  const status = revealed ? 'revealed' : round.status;
  const voters = results?.voters ?? liveVoters ?? tally.data?.voters ?? null;

  const closeAndReveal = async () => {
    setBusy(true);
    setError(null);
    try {
      // Closed first, so that no dot arrives after the totals are counted.
      if (round.status === 'open') {
        closeVoteRound(sessionDoc, round.id);
        await sessionRoom.whenServerCaughtUp();
      }
      await revealVotes(sessionId, identity.token, round.id);
    } catch (err) {
      setError(apiErrorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="pp-card pp-round" data-testid="round-admin" data-round-id={round.id} data-status={status}>
      <div className="pp-card-head">
        <h3 className="pp-card-title">{round.title || t('v.untitled')}</h3>
        <span className={`pp-status is-${status}`} data-testid="round-status">
          {t(`r.status.${status}`)}
        </span>
      </div>
      <p className="pp-small muted">
        {[boardTitle ? t('v.on', { board: boardTitle }) : '', t('r.perPerson', { n: round.votesPerPerson })]
          .filter(Boolean)
          .join(' · ')}
      </p>
      {voters !== null ? (
        <p className="pp-voters" data-testid="round-voters" data-voters={voters}>
          {t('v.voters', { n: voters })}
        </p>
      ) : null}
      <p className="pp-small muted" data-testid="round-secret">
        {t('v.secretFacilitator')}
      </p>
      <ErrorLine error={error} />
      {!revealed ? (
        <button
          type="button"
          className="button button-primary pp-wide"
          disabled={busy}
          onClick={() => void closeAndReveal()}
          data-testid="round-reveal"
        >
          {round.status === 'open' ? t('v.closeReveal') : t('v.reveal')}
        </button>
      ) : (
        <RoundResultsList round={round} results={results} />
      )}
    </div>
  );
}

/** A revealed round as participants see it. */
export function RoundResults({ round, results }: { round: VoteRound; results: VoteResults }) {
  const t = useT(participateTexts);
  return (
    <div className="pp-card" data-testid="round-results-card" data-round-id={round.id}>
      <h3 className="pp-card-title">{t('v.resultsOf', { title: round.title || t('v.untitled') })}</h3>
      <p className="pp-small muted">{t('v.voters', { n: results.voters })}</p>
      <RoundResultsList round={round} results={results} />
    </div>
  );
}

function RoundResultsList({ round, results }: { round: VoteRound; results: VoteResults }) {
  const t = useT(participateTexts);
  // Revealed: the labels of every candidate, whatever private mode hides now.
  const candidates = useRoundCandidates(round, true);
  const ranked = rankTotals(results.totals, candidates);
  const top = Math.max(1, ...ranked.map((r) => r.votes));
  if (ranked.length === 0) return <p className="muted">{t('v.noVotes')}</p>;
  return (
    <ol className="stack-list pp-results" data-testid="vote-results">
      {ranked.map((r, i) => (
        <li key={r.id} className="pp-result" data-testid="vote-result" data-target-id={r.id} data-votes={r.votes}>
          <span className="pp-result-rank">{i + 1}</span>
          <span className="pp-result-body">
            <span className="pp-result-label" data-testid="vote-result-label">
              {r.candidate?.label ?? t('v.deleted')}
            </span>
            <span className="pp-result-bar">
              {r.votes <= MAX_DOTS ? (
                <span className="pp-result-dots" aria-hidden="true">
                  {Array.from({ length: r.votes }, (_, k) => (
                    <span key={k} className="pp-dot is-used" />
                  ))}
                </span>
              ) : (
                <span className="pp-result-fill" style={{ width: `${(r.votes / top) * 100}%` }} aria-hidden="true" />
              )}
              <span className="pp-result-count">{t('v.votes', { n: r.votes })}</span>
            </span>
          </span>
        </li>
      ))}
    </ol>
  );
}
