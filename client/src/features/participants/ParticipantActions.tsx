/**
 * The facilitator's "Beheren" for one participant (issue 5: rename or remove): a small
 * button on their row that opens an inline form. Renaming shows at once in everyone's
 * presence list; removing disconnects them and revokes their own link (the server does
 * both), after a confirmation that names them and says whether they may come back: with
 * the join code, or not until it changes, which changes it now (issue 11).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { NAME_MAX } from '../../../../shared/api.ts';
import { cleanLine } from '../../../../shared/names.ts';
import { failureReason, removeParticipant, renameParticipant } from '../../base/api/index.ts';
import { setJoinState } from '../invite/index.ts';
import { participantsTexts } from './i18n.ts';
import { useT } from '../../base/i18n/useT.ts';
import { useTransient } from '../../ui/useTransient.ts';
import { wordUndoRef } from '../../ui/wordUndo.ts';
import './ParticipantActions.css';

interface Props {
  sessionId: string;
  token: string;
  participant: { id: string; name: string };
  /** After a change (the list of known participants refreshes). */
  onChanged?: () => void;
}

type Mode = 'closed' | 'menu' | 'rename' | 'remove';

export function ParticipantActions({ sessionId, token, participant, onChanged }: Props) {
  const t = useT(participantsTexts);
  const [mode, setMode] = useState<Mode>('closed');
  const [name, setName] = useState(participant.name);
  const [busy, setBusy] = useState(false);
  const [anonymise, setAnonymise] = useState(false);
  const [rejoin, setRejoin] = useState(true);
  const [message, setMessage] = useTransient<{ ok: boolean; text: string }>(5000);
  const inputId = useId();
  const root = useRef<HTMLDivElement>(null);

  // A click elsewhere or Escape closes the form.
  useEffect(() => {
    if (mode === 'closed') return;
    const onDown = (e: PointerEvent) => {
      if (!busy && !root.current?.contains(e.target as Node)) setMode('closed');
    };
    window.addEventListener('pointerdown', onDown);
    return () => window.removeEventListener('pointerdown', onDown);
  }, [mode, busy]);

  /** Runs a change on the server; what it answers is said, a failure too. */
  const change = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      setMessage({ ok: true, text: await work() });
      setMode('closed');
      onChanged?.();
    } catch (err) {
      setMessage({ ok: false, text: t('failed', { reason: failureReason(err) }) });
    } finally {
      setBusy(false);
    }
  };

  const rename = async () => {
    const clean = cleanLine(name); // the server's rule: what is shown is what is stored
    if (!clean || clean === participant.name) return setMode('closed');
    await change(async () => {
      await renameParticipant(sessionId, token, participant.id, clean);
      return t('renamed', { name: clean });
    });
  };

  const remove = () =>
    change(async () => {
      const join = await removeParticipant(sessionId, token, participant.id, { anonymise, rejoin });
      // The invitation (code, link, QR, projector) shows the new code at once.
      if (join) setJoinState(sessionId, join);
      return join
        ? t('removedNewCode', { name: participant.name, code: join.joinCode })
        : t('removedRejoin', { name: participant.name });
    });

  return (
    <div
      className="pa-root"
      ref={root}
      onKeyDown={(e) => {
        // Keys typed here are not board shortcuts.
        e.stopPropagation();
        if (e.key === 'Escape' && !busy) setMode('closed');
      }}
    >
      <button
        type="button"
        className="pa-toggle"
        aria-label={t('manageLabel', { name: participant.name })}
        aria-expanded={mode !== 'closed'}
        title={t('manage')}
        onClick={() => {
          setName(participant.name);
          setMode(mode === 'closed' ? 'menu' : 'closed');
        }}
        data-testid="participant-manage"
      >
        ⋯
      </button>
      {mode === 'menu' ? (
        <div className="pa-pop" role="menu">
          <button type="button" role="menuitem" onClick={() => setMode('rename')} data-testid="participant-rename">
            {t('rename')}
          </button>
          <button
            type="button"
            role="menuitem"
            className="is-danger"
            onClick={() => {
              setAnonymise(false);
              setRejoin(true);
              setMode('remove');
            }}
            data-testid="participant-remove"
          >
            {t('remove')}
          </button>
        </div>
      ) : null}
      {mode === 'rename' ? (
        <form
          className="pa-pop pa-form"
          onSubmit={(e) => {
            e.preventDefault();
            void rename();
          }}
        >
          <label htmlFor={inputId}>{t('renameLabel')}</label>
          <input
            ref={wordUndoRef}
            id={inputId}
            value={name}
            maxLength={NAME_MAX}
            autoFocus
            onChange={(e) => setName(e.target.value)}
            data-testid="participant-rename-input"
          />
          <div className="pa-buttons">
            <button type="submit" className="button button-small button-primary" disabled={busy || !cleanLine(name)}>
              {t('save')}
            </button>
            <button type="button" className="button button-small" onClick={() => setMode('closed')} disabled={busy}>
              {t('cancel')}
            </button>
          </div>
        </form>
      ) : null}
      {mode === 'remove' ? (
        <div className="pa-pop pa-form pa-remove" role="alertdialog" aria-label={t('remove')}>
          <p>{t('removeConfirm', { name: participant.name })}</p>
          <label className="pa-check">
            <input
              type="checkbox"
              checked={anonymise}
              onChange={(e) => setAnonymise(e.target.checked)}
              disabled={busy}
              data-testid="participant-remove-anonymise"
            />
            {t('anonymise', { name: participant.name })}
          </label>
          <fieldset className="bare-fieldset pa-rejoin" disabled={busy}>
            <legend>{t('rejoinLegend', { name: participant.name })}</legend>
            <label className="pa-check">
              <input
                type="radio"
                name={`${inputId}-rejoin`}
                checked={rejoin}
                onChange={() => setRejoin(true)}
                data-testid="participant-remove-rejoin"
              />
              {t('rejoinYes')}
            </label>
            <label className="pa-check">
              <input
                type="radio"
                name={`${inputId}-rejoin`}
                checked={!rejoin}
                onChange={() => setRejoin(false)}
                data-testid="participant-remove-no-rejoin"
              />
              {t('rejoinNo')}
            </label>
          </fieldset>
          <div className="pa-buttons">
            <button
              type="button"
              className="button button-small pa-danger"
              onClick={() => void remove()}
              disabled={busy}
              data-testid="participant-remove-yes"
            >
              {t('removeYes')}
            </button>
            <button type="button" className="button button-small" onClick={() => setMode('closed')} disabled={busy}>
              {t('cancel')}
            </button>
          </div>
        </div>
      ) : null}
      {message ? (
        <p
          className={message.ok ? 'pa-message' : 'pa-message is-error'}
          role="status"
          data-testid="participant-message"
        >
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
