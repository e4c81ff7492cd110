/**
 * Joining under control (issue 11), in the facilitator's invitation: the switch
 * "Deelnemen open", until when the code works, and "Nieuwe code" after a confirmation
 * that says the old code and links stop working.
 */
import { useEffect, useRef, useState } from 'react';
import type { JoinState } from '../../../../shared/api.ts';
import { failureReason } from '../../base/api/index.ts';
import { Switch } from '../../ui/Switch.tsx';
import { useTransient } from '../../ui/useTransient.ts';
import { formatDateTime } from '../../../../shared/i18n/format.ts';
import { useLang, useT } from '../../base/i18n/useT.ts';
import { joiningTexts } from './i18n.ts';
import { rotateJoinCode, setJoiningOpen } from './joinState.ts';
import './JoinControls.css';

interface JoinControlsProps {
  sessionId: string;
  token: string;
  join: JoinState;
}

export function JoinControls({ sessionId, token, join }: JoinControlsProps) {
  const t = useT(joiningTexts);
  const lang = useLang();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useTransient<{ ok: boolean; text: string }>(6000);
  const [now, setNow] = useState(() => Date.now());

  // "verlopen" appears when the moment passes, not only at the next answer.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  // A new code, from here or from a removal that changed it: said once, where the code is.
  const shownCode = useRef(join.joinCode);
  useEffect(() => {
    if (shownCode.current === join.joinCode) return;
    shownCode.current = join.joinCode;
    setMessage({ ok: true, text: t('rotated', { code: join.joinCode }) });
  }, [join.joinCode, t]);

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await action();
      setConfirming(false);
    } catch (err) {
      setMessage({ ok: false, text: t('failed', { reason: failureReason(err) }) });
    } finally {
      setBusy(false);
      setNow(Date.now());
    }
  };

  const expired = join.joinCodeExpiresAt <= now;
  const until = formatDateTime(lang, join.joinCodeExpiresAt);

  return (
    <div className="join-controls" data-testid="join-controls">
      <Switch
        on={join.joinOpen}
        onChange={(open) => void run(() => setJoiningOpen(sessionId, token, open))}
        label={t('openLabel')}
        describedBy="join-open-text"
        disabled={busy}
        testId="joining-toggle"
      />
      <p
        id="join-open-text"
        className={join.joinOpen ? 'invite-howto' : 'invite-howto join-closed'}
        data-testid="joining-state"
      >
        {join.joinOpen ? t('openText') : t('closedText')}
      </p>
      <p className={expired ? 'invite-howto join-closed' : 'invite-howto'} data-testid="join-code-expiry">
        {expired ? t('expired') : t('validUntil', { date: until })}
      </p>
      {confirming ? (
        <div
          className="join-confirm"
          role="alertdialog"
          aria-label={t('rotate')}
          data-testid="join-code-rotate-confirm"
        >
          <p>{t('rotateConfirm', { code: join.joinCode })}</p>
          <div className="button-row">
            <button
              type="button"
              className="button button-small button-primary"
              disabled={busy}
              onClick={() => void run(() => rotateJoinCode(sessionId, token))}
              data-testid="join-code-rotate-yes"
            >
              {t('rotateYes')}
            </button>
            <button type="button" className="button button-small" disabled={busy} onClick={() => setConfirming(false)}>
              {t('cancel')}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className="button button-small"
          title={t('rotateHint')}
          onClick={() => setConfirming(true)}
          data-testid="join-code-rotate"
        >
          {t('rotate')}
        </button>
      )}
      {message ? (
        <p
          className={message.ok ? 'invite-howto' : 'form-error'}
          role={message.ok ? 'status' : 'alert'}
          data-testid="join-controls-message"
        >
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
