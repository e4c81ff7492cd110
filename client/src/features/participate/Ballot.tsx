/**
 * A participant's ballot in an open round: "Nog 2 stippen", the candidates of the
 * round's board, and per candidate the dots you put there with − and +. Several dots on
 * one candidate are allowed. The server keeps the budget: its refusal is shown as is.
 */
import { useEffect, useState } from 'react';
import type { VoteRound, VoteTarget } from '../../../../shared/model/sessionDoc.ts';
import { useIdentity, useMeeting } from '../meeting/index.ts';
import type { MyVotes } from '../../../../shared/api.ts';
import { castVote, loadMyVotes } from '../../base/api/index.ts';
import { ErrorLine } from './ErrorLine.tsx';
import { apiErrorText } from './format.ts';
import { participateTexts } from './i18n.ts';
import { useT } from '../../base/i18n/useT.ts';
import { useRoundCandidates, type Candidate } from './voteCandidates.ts';
import './Ballot.css';
import './sections.css';

export function Ballot({ round }: { round: VoteRound }) {
  const { sessionId, identity } = useIdentity();
  const privateOn = useMeeting((s) => s.live.privateMode.on);
  const t = useT(participateTexts);
  const candidates = useRoundCandidates(round);
  const [mine, setMine] = useState<MyVotes | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let active = true;
    setMine(null);
    loadMyVotes(sessionId, identity.token, round.id).then(
      (v) => active && setMine(v),
      (err: unknown) => active && setError(apiErrorText(t, err, round.votesPerPerson)),
    );
    return () => {
      active = false;
    };
  }, [sessionId, identity.token, round.id, round.votesPerPerson, t]);

  const used = mine?.used ?? 0;
  const left = mine ? mine.left : round.votesPerPerson;
  const vote = (c: Candidate, count: number) => {
    setBusy(c.id);
    setError(null);
    castVote(sessionId, identity.token, round.id, c.id, count).then(
      (v) => {
        setMine(v);
        setBusy(null);
      },
      (err: unknown) => {
        setError(apiErrorText(t, err, round.votesPerPerson));
        setBusy(null);
      },
    );
  };
  const groups = (['notes', 'answers', 'actors'] as const).filter((k) => round.targets.includes(k));

  return (
    <div className="pp-card pp-ballot" data-testid="ballot" data-round-id={round.id} data-left={left}>
      <h3 className="pp-card-title">{round.title || t('v.untitled')}</h3>
      <div className="pp-budget" aria-live="polite">
        <span className="pp-budget-dots" aria-hidden="true">
          {Array.from({ length: round.votesPerPerson }, (_, i) => (
            <span key={i} className={i < used ? 'pp-dot is-used' : 'pp-dot'} />
          ))}
        </span>
        <strong data-testid="votes-left">{t('v.left', { n: Math.max(0, left) })}</strong>
      </div>
      <p className="pp-small muted">{t('v.secret')}</p>
      {privateOn ? <p className="pp-notice">{t('v.private')}</p> : null}
      <ErrorLine error={error} testId="vote-error" />
      {candidates.length === 0 ? <p className="muted">{t('v.noCandidates')}</p> : null}
      {groups.map((kind) => (
        <CandidateGroup
          key={kind}
          kind={kind}
          candidates={candidates.filter((c) => c.kind === kind)}
          votes={mine?.votes ?? {}}
          busy={busy}
          disabled={mine === null}
          onVote={vote}
        />
      ))}
    </div>
  );
}

function CandidateGroup({
  kind,
  candidates,
  votes,
  busy,
  disabled,
  onVote,
}: {
  kind: VoteTarget;
  candidates: readonly Candidate[];
  votes: Readonly<Record<string, number>>;
  busy: string | null;
  disabled: boolean;
  onVote: (c: Candidate, count: number) => void;
}) {
  const t = useT(participateTexts);
  if (candidates.length === 0) return null;
  return (
    <div className="pp-candidates">
      <h4 className="pp-subtitle">{t(`v.group.${kind}`)}</h4>
      <ul className="stack-list">
        {candidates.map((c) => {
          const n = votes[c.id] ?? 0;
          return (
            <li
              key={c.id}
              className={n > 0 ? 'pp-candidate has-votes' : 'pp-candidate'}
              data-testid="candidate"
              data-target-id={c.id}
              data-kind={c.kind}
              data-mine={n}
            >
              <span className="pp-candidate-text">
                <span className="pp-candidate-label">{c.label}</span>
                {c.detail ? <span className="pp-candidate-detail">{c.detail}</span> : null}
              </span>
              <span className="pp-candidate-dots" role="img" aria-label={t('v.yourDots', { n })}>
                {Array.from({ length: n }, (_, i) => (
                  <span key={i} className="pp-dot is-used" />
                ))}
              </span>
              <span className="pp-stepper">
                <button
                  type="button"
                  className="pp-step"
                  disabled={disabled || busy !== null || n === 0}
                  aria-label={t('v.remove', { label: c.label })}
                  onClick={() => onVote(c, n - 1)}
                  data-testid="dot-remove"
                >
                  −
                </button>
                <button
                  type="button"
                  className="pp-step is-add"
                  disabled={disabled || busy !== null}
                  aria-label={t('v.add', { label: c.label })}
                  onClick={() => onVote(c, n + 1)}
                  data-testid="dot-add"
                >
                  +
                </button>
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
