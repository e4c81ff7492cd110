/**
 * "Stemmen": dot voting. The facilitator opens a round on the open board (title, dots
 * per person, what can get dots); participants place and take back their dots through
 * the API, which keeps the budget and the secret. The facilitator sees how many people
 * voted, closes the round and reveals the totals, which everyone then sees ranked.
 */
import { useId, useState } from 'react';
import { newItemId } from '../../../../shared/model/board/ids.ts';
import type { Doc } from '../../../../shared/model/doc.ts';
import {
  openVoteRound,
  readVoteResults,
  readVoteRounds,
  VOTE_TARGETS,
  type VoteResults,
  type VoteTarget,
} from '../../../../shared/model/sessionDoc.ts';
import { Role } from '../../../../shared/roles.ts';
import { useBoardRecord, useBoardSelection, useIdentity, useSessionDocSnapshot } from '../meeting/index.ts';
import { Ballot } from './Ballot.tsx';
import { participateTexts } from './i18n.ts';
import { useT } from '../../base/i18n/useT.ts';
import { RoundAdmin, RoundResults } from './RoundAdmin.tsx';
import './sections.css';
import './VoteSection.css';

/** Every round's revealed totals (module-level, so `useDocSnapshot` caches it). */
export function readAllVoteResults(doc: Doc): ReadonlyMap<string, VoteResults> {
  const out = new Map<string, VoteResults>();
  for (const r of readVoteRounds(doc)) {
    const res = readVoteResults(doc, r.id);
    if (res) out.set(r.id, res);
  }
  return out;
}

export function VoteSection() {
  const { isFacilitator, identity } = useIdentity();
  const t = useT(participateTexts);
  const rounds = useSessionDocSnapshot(readVoteRounds);
  const results = useSessionDocSnapshot(readAllVoteResults);
  const open = rounds.filter((r) => r.status === 'open');
  const last = rounds.at(-1) ?? null;
  const lastResults = last ? (results.get(last.id) ?? null) : null;

  return (
    <section className="pp-section" data-testid="vote-section" aria-label={t('v.title')}>
      {isFacilitator ? (
        <>
          {open.map((r) => (
            <RoundAdmin key={r.id} round={r} results={results.get(r.id) ?? null} />
          ))}
          {open.length === 0 ? <NewRoundForm /> : null}
          {last && last.status !== 'open' ? <RoundAdmin round={last} results={lastResults} /> : null}
        </>
      ) : identity.role !== Role.participant ? (
        <p className="muted">{t('v.viewer')}</p>
      ) : open.length > 0 ? (
        open.map((r) => <Ballot key={r.id} round={r} />)
      ) : last && lastResults ? (
        <RoundResults round={last} results={lastResults} />
      ) : last ? (
        <p className="pp-notice" data-testid="vote-closed">
          {t('v.closed')}
        </p>
      ) : (
        <p className="muted" data-testid="vote-none">
          {t('v.noRound')}
        </p>
      )}
    </section>
  );
}

function NewRoundForm() {
  const { sessionDoc } = useIdentity();
  const { boardId } = useBoardSelection();
  const board = useBoardRecord(boardId);
  const t = useT(participateTexts);
  const id = useId();
  const [title, setTitle] = useState('');
  const [perPerson, setPerPerson] = useState(3);
  const [targets, setTargets] = useState<VoteTarget[]>([...VOTE_TARGETS]);
  const boardTitle = t.name(board?.title ?? '');
  const toggle = (target: VoteTarget) =>
    setTargets((now) => (now.includes(target) ? now.filter((x) => x !== target) : [...now, target]));
  const open = () => {
    if (targets.length === 0) return;
    openVoteRound(sessionDoc, {
      id: newItemId(),
      title: title.trim() || t('v.untitled'),
      boardId,
      votesPerPerson: Math.min(20, Math.max(1, Math.round(perPerson) || 3)),
      targets: VOTE_TARGETS.filter((x) => targets.includes(x)),
      createdAt: Date.now(),
    });
    setTitle('');
  };
  return (
    <form
      className="pp-card pp-new-round"
      data-testid="vote-new"
      onSubmit={(e) => {
        e.preventDefault();
        open();
      }}
    >
      <h3 className="pp-card-title">{t('v.newRound')}</h3>
      <p className="pp-small muted">
        {t('v.noRoundFacilitator')} {boardTitle ? t('v.on', { board: boardTitle }) : ''}
      </p>
      <label className="pp-label" htmlFor={`${id}-title`}>
        {t('v.roundTitle')}
      </label>
      <input
        id={`${id}-title`}
        className="pp-input"
        value={title}
        maxLength={200}
        placeholder={t('v.roundTitlePlaceholder')}
        onChange={(e) => setTitle(e.target.value)}
        data-testid="vote-title"
      />
      <label className="pp-label" htmlFor={`${id}-n`}>
        {t('v.perPerson')}
      </label>
      <input
        id={`${id}-n`}
        className="pp-input pp-input-number"
        type="number"
        min={1}
        max={20}
        value={perPerson}
        onChange={(e) => setPerPerson(Number(e.target.value))}
        data-testid="vote-per-person"
      />
      <fieldset className="bare-fieldset pp-fieldset">
        <legend className="pp-label">{t('v.targets')}</legend>
        {VOTE_TARGETS.map((target) => (
          <label key={target} className="pp-check">
            <input
              type="checkbox"
              checked={targets.includes(target)}
              onChange={() => toggle(target)}
              data-testid={`vote-target-${target}`}
            />
            {t(`v.target.${target}`)}
          </label>
        ))}
      </fieldset>
      {targets.length === 0 ? <p className="pp-error">{t('v.openNeedsTarget')}</p> : null}
      <button
        type="submit"
        className="button button-primary pp-wide"
        disabled={targets.length === 0}
        data-testid="vote-open"
      >
        {t('v.open')}
      </button>
    </form>
  );
}
