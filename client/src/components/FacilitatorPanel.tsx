import { formatJoinCode, normalizeJoinCode } from '../../../shared/api.ts';
import type { Doc } from '../../../shared/model/doc.ts';
import { setBoardLocked } from '../../../shared/model/sessionDoc.ts';
import { useT } from '../i18n/useT.ts';
import { CopyButton } from './CopyButton.tsx';

interface FacilitatorPanelProps {
  /** From the server; `null` until it answered. */
  joinCode: string | null;
  /** Only known on the device that started the session. */
  viewerUrl: string | null;
}

/** The facilitator's invitation: the join code to put on the screen, and links to share. */
export function FacilitatorPanel({ joinCode, viewerUrl }: FacilitatorPanelProps) {
  const t = useT();
  // The server may send the code formatted (`ABC-DEF`) or bare: show it one way.
  const code = joinCode ? formatJoinCode(normalizeJoinCode(joinCode)) : null;
  const joinUrl = code ? `${location.origin}/join/${code}` : null;
  return (
    <section className="panel invite" aria-labelledby="invite-title" data-testid="facilitator-panel">
      <h2 id="invite-title" className="panel-title">
        {t('facilitator.title')}
      </h2>
      <p className="invite-label">{t('facilitator.codeLabel')}</p>
      <p className="join-code" data-testid="join-code-display" aria-live="polite">
        {code ?? '···-···'}
      </p>
      <p className="invite-howto">{t('facilitator.howTo', { url: location.host })}</p>
      {code && joinUrl ? (
        <>
          <p className="invite-howto">
            {t('facilitator.orLink')}{' '}
            <span className="invite-url" data-testid="join-url">
              {joinUrl.replace(/^https?:\/\//, '')}
            </span>
          </p>
          <div className="button-row">
            <CopyButton text={code} label={t('facilitator.copyCode')} testId="copy-code" />
            <CopyButton text={joinUrl} label={t('facilitator.copyLink')} testId="copy-join-url" />
          </div>
        </>
      ) : null}
      <h3 className="subhead">{t('facilitator.viewerTitle')}</h3>
      {viewerUrl ? (
        <div className="viewer-link">
          <p className="muted">{t('facilitator.viewerText')}</p>
          <CopyButton text={viewerUrl} label={t('facilitator.copyLink')} testId="copy-viewer-url" />
        </div>
      ) : (
        <p className="muted">{t('facilitator.viewerUnknown')}</p>
      )}
    </section>
  );
}

/** Locks or unlocks the open board for participants (the server enforces it). */
export function LockToggle({ sessionDoc, boardId, locked }: { sessionDoc: Doc; boardId: string; locked: boolean }) {
  const t = useT();
  return (
    <button
      type="button"
      role="switch"
      className={locked ? 'switch is-on' : 'switch'}
      aria-checked={locked}
      title={locked ? t('facilitator.lockedText') : t('facilitator.unlockedText')}
      onClick={() => setBoardLocked(sessionDoc, boardId, !locked)}
      data-testid="lock-toggle"
    >
      <span className="switch-track" aria-hidden="true">
        <span className="switch-thumb" />
      </span>
      <span>{t('facilitator.lockLabel')}</span>
    </button>
  );
}
