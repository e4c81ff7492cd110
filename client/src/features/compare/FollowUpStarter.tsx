/**
 * "Vervolgbijeenkomst starten": a follow-up meeting with this meeting's boards, actors
 * and places (POST /api/sessions/:id/copy, mode followUp). The new meeting's identity
 * is kept on this device, as when creating a meeting on the start page, so the
 * comparison there can open this meeting's boards.
 */
import { useState } from 'react';
import type { CreateSessionResponse } from '../../../../shared/api.ts';
import { copySession, failureReason } from '../../base/api/index.ts';
import { saveIdentity, saveViewerUrl } from '../../base/identity.ts';
import { useIdentity } from '../meeting/index.ts';
import { navigate } from '../../base/router.ts';
import { compareTexts } from './i18n.ts';
import { useT } from '../../base/i18n/useT.ts';
import './compareParts.css';
import './FollowUpStarter.css';

export function FollowUpStarter({ primary }: { primary: boolean }) {
  const { sessionId, identity } = useIdentity();
  const t = useT(compareTexts);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreateSessionResponse | null>(null);

  async function start() {
    setBusy(true);
    setError(null);
    try {
      const res = await copySession(sessionId, identity.token, 'followUp');
      saveIdentity(res.sessionId, {
        token: res.facilitatorToken,
        role: 'facilitator',
        participantId: '',
        name: identity.name,
      });
      saveViewerUrl(res.sessionId, res.viewerUrl);
      setCreated(res);
    } catch (err) {
      setError(t('prev.startError', { message: failureReason(err) }));
    } finally {
      setBusy(false);
    }
  }

  function open() {
    if (!created) return;
    const target = new URL(created.facilitatorUrl, location.href);
    // Same origin: this device holds the token now, so the address never has to show it.
    if (target.origin === location.origin) navigate(target.pathname);
    else location.assign(target.href);
  }

  if (created) {
    const target = new URL(created.facilitatorUrl, location.href);
    const sameOrigin = target.origin === location.origin;
    return (
      <div className="cmp-created" role="status" data-testid="followup-created" data-session-id={created.sessionId}>
        <h3 className="cmp-section-title">{t('prev.created')}</h3>
        <p>{t('prev.createdText', { code: created.joinCode })}</p>
        <div className="button-row">
          <button type="button" className="button button-primary" onClick={open} data-testid="followup-open">
            {t('prev.open')}
          </button>
          <a
            className="button"
            href={sameOrigin ? target.pathname : target.href}
            target="_blank"
            rel="noopener noreferrer"
            data-testid="followup-open-tab"
          >
            {t('prev.openTab')}
          </a>
        </div>
      </div>
    );
  }

  return (
    <div className="cmp-start">
      <button
        type="button"
        className={primary ? 'button button-primary' : 'button button-small'}
        disabled={busy}
        aria-busy={busy}
        onClick={() => void start()}
        data-testid="followup-start"
      >
        {busy ? t('prev.starting') : primary ? t('prev.start') : t('prev.startAnother')}
      </button>
      {error ? (
        <p className="form-error" role="alert" data-testid="followup-error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
