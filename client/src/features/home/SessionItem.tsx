import type { MouseEvent } from 'react';
import type { CopyMode } from '../../../../shared/api.ts';
import { formatJoinCode, normalizeJoinCode } from '../../../../shared/api/joinCode.ts';
import { formatDateTime } from '../../../../shared/i18n/format.ts';
import { useLang, useT } from '../../base/i18n/useT.ts';
import { navigate } from '../../base/router.ts';
import { homeTexts } from './i18n.ts';
import type { MySession } from './useMySessions.ts';
import './SessionItem.css';

export type Busy = CopyMode | 'delete' | null;

interface SessionItemProps {
  entry: MySession;
  busy: Busy;
  /** Another action runs somewhere in the list: wait for it. */
  locked: boolean;
  error: string | null;
  onDuplicate: (mode: CopyMode) => void;
  onDelete: () => void;
  onForget: () => void;
  onRetry: () => void;
}

function formatDate(ms: number, lang: 'nl' | 'en'): string {
  return formatDateTime(lang, ms);
}

/** One session in "Mijn bijeenkomsten": what it is, and what you can do with it. */
export function SessionItem({
  entry,
  busy,
  locked,
  error,
  onDuplicate,
  onDelete,
  onForget,
  onRetry,
}: SessionItemProps) {
  const t = useT(homeTexts);
  const lang = useLang();
  const { state } = entry;
  const href = `/s/${entry.sessionId}`;
  const title = state.kind === 'ready' ? state.info.title : t('home.unknownTitle');
  const disabled = busy !== null || locked;
  const open = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(href);
  };

  return (
    <li
      className={`home-session${entry.fresh ? ' is-fresh' : ''}${state.kind === 'gone' ? ' is-gone' : ''}`}
      data-testid="home-session"
      data-session-id={entry.sessionId}
      data-state={state.kind}
      aria-busy={busy !== null || state.kind === 'loading'}
    >
      <div className="home-session-main">
        <h3 className="home-session-title" data-testid="home-session-title">
          {state.kind === 'ready' ? state.info.title : state.kind === 'loading' ? t('home.loading') : title}
        </h3>
        {entry.fresh ? (
          <span className="home-badge" data-testid="home-session-fresh">
            {t(entry.fresh === 'copy' ? 'home.fresh.copy' : 'home.fresh.followUp')}
          </span>
        ) : null}
        {state.kind === 'ready' ? (
          <p className="home-session-meta">
            <span>{t('home.created', { date: formatDate(state.info.createdAt, lang) })}</span>
            {state.info.joinCode ? (
              <span className="home-session-code">
                {t('home.code', { code: formatJoinCode(normalizeJoinCode(state.info.joinCode)) })}
              </span>
            ) : null}
          </p>
        ) : null}
        {state.kind === 'gone' ? (
          <p className="home-session-note is-gone" data-testid="home-session-gone">
            {t(state.reason === 'deleted' ? 'home.gone.deleted' : 'home.gone.expired')}
          </p>
        ) : null}
        {state.kind === 'error' ? <p className="home-session-note">{t('home.error')}</p> : null}
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
      </div>
      <div className="home-session-actions">
        {state.kind === 'gone' ? (
          <button
            type="button"
            className="button button-small"
            onClick={onForget}
            title={t('home.forgetHint')}
            data-testid="home-forget"
          >
            {t('home.forget')}
          </button>
        ) : (
          <>
            <a
              className="button button-primary button-small"
              href={href}
              onClick={open}
              aria-label={t('home.openLabel', { title })}
              data-testid="home-open"
            >
              {t('home.open')}
            </a>
            {state.kind === 'error' ? (
              <button type="button" className="button button-small" onClick={onRetry} data-testid="home-retry">
                {t('home.retry')}
              </button>
            ) : null}
            <button
              type="button"
              className="button button-small"
              onClick={() => onDuplicate('copy')}
              disabled={disabled}
              title={t('home.duplicateHint')}
              data-testid="home-duplicate"
            >
              {busy === 'copy' ? t('home.busy.copy') : t('home.duplicate')}
            </button>
            <button
              type="button"
              className="button button-small"
              onClick={() => onDuplicate('followUp')}
              disabled={disabled}
              title={t('home.followUpHint')}
              data-testid="home-follow-up"
            >
              {busy === 'followUp' ? t('home.busy.followUp') : t('home.followUp')}
            </button>
            <button
              type="button"
              className="button button-small home-danger-quiet"
              onClick={onDelete}
              disabled={disabled}
              data-testid="home-delete"
            >
              {busy === 'delete' ? t('home.busy.delete') : t('home.delete')}
            </button>
          </>
        )}
      </div>
    </li>
  );
}
