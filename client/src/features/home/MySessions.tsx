import { useState } from 'react';
import type { CopyMode } from '../../../../shared/api.ts';
import { ApiRequestError } from '../../base/api/errors.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { homeTexts } from './i18n.ts';
import { useT } from '../../base/i18n/useT.ts';
import { SessionItem, type Busy } from './SessionItem.tsx';
import { useMySessions, type MySession } from './useMySessions.ts';
import './home.css';
import './MySessions.css';

function messageOf(err: unknown): string {
  if (err instanceof ApiRequestError) return err.message;
  return err instanceof Error ? err.message : String(err);
}

/**
 * "Mijn bijeenkomsten" on the start page: the sessions this browser knows as
 * facilitator, to open, duplicate, continue with a follow-up meeting or delete.
 * Shows nothing on a device that never facilitated (a participant's phone).
 */
export function MySessions() {
  const t = useT(homeTexts);
  const { sessions, retry, forget, duplicate, remove } = useMySessions();
  const [busy, setBusy] = useState<{ sessionId: string; action: Exclude<Busy, null> } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [confirming, setConfirming] = useState<MySession | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  if (sessions.length === 0 && status === '') return null;

  const titleOf = (entry: MySession) =>
    entry.state.kind === 'ready' ? entry.state.info.title : t('home.unknownTitle');

  const setError = (sessionId: string, message: string | null) =>
    setErrors(({ [sessionId]: _old, ...rest }) => (message === null ? rest : { ...rest, [sessionId]: message }));

  async function runDuplicate(entry: MySession, mode: CopyMode) {
    setBusy({ sessionId: entry.sessionId, action: mode });
    setError(entry.sessionId, null);
    setStatus('');
    try {
      const title = await duplicate(entry, mode);
      setStatus(t(mode === 'copy' ? 'home.done.copy' : 'home.done.followUp', { title }));
    } catch (err) {
      setError(entry.sessionId, t('home.actionError', { message: messageOf(err) }));
    } finally {
      setBusy(null);
    }
  }

  async function runDelete(entry: MySession) {
    setBusy({ sessionId: entry.sessionId, action: 'delete' });
    setDeleteError(null);
    try {
      await remove(entry);
      setConfirming(null);
      setStatus(t('home.done.delete', { title: titleOf(entry) }));
    } catch (err) {
      setDeleteError(t('home.actionError', { message: messageOf(err) }));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="home" aria-labelledby="home-title" data-testid="my-sessions">
      <div className="home-head">
        <h2 id="home-title">{t('home.title')}</h2>
        <p className="home-text">{t('home.text')}</p>
      </div>
      <p className="home-status" role="status" data-testid="home-status">
        {status}
      </p>
      {sessions.length > 0 ? (
        <ul className="home-list">
          {sessions.map((entry) => (
            <SessionItem
              key={entry.sessionId}
              entry={entry}
              busy={busy?.sessionId === entry.sessionId ? busy.action : null}
              locked={busy !== null}
              error={errors[entry.sessionId] ?? null}
              onDuplicate={(mode) => void runDuplicate(entry, mode)}
              onDelete={() => {
                setDeleteError(null);
                setConfirming(entry);
              }}
              onForget={() => {
                forget(entry);
                setStatus('');
              }}
              onRetry={() => retry(entry)}
            />
          ))}
        </ul>
      ) : null}
      {confirming ? (
        <ConfirmDialog
          title={t('home.confirm.title', { title: titleOf(confirming) })}
          confirmLabel={t('home.confirm.yes')}
          cancelLabel={t('home.confirm.no')}
          busy={busy?.action === 'delete'}
          error={deleteError}
          onConfirm={() => void runDelete(confirming)}
          onCancel={() => setConfirming(null)}
          testId="delete-dialog"
        >
          <p>{t('home.confirm.text')}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
