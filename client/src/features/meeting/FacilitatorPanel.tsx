import { formatJoinCode, normalizeJoinCode } from '../../../../shared/api.ts';
import { useState } from 'react';
import { homeTexts } from '../home/i18n.ts';
import { useT } from '../../base/i18n/useT.ts';
import { useIdentity, useMeeting } from './MeetingContext.tsx';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { JoinControls } from '../invite/index.ts';
import { useJoinState } from '../invite/index.ts';
import { ProjectionOverlay } from '../invite/index.ts';
import { ProjectorLink } from '../invite/index.ts';
import { QrImage } from '../invite/index.ts';
import './FacilitatorPanel.css';

interface FacilitatorPanelProps {
  /** From the server; `null` until it answered. */
  joinCode: string | null;
  /** Only known on the device that started the session. */
  viewerUrl: string | null;
}

/** The address participants go to: the server's public one (PUBLIC_URL) when it told us. */
function joinOrigin(serverJoinUrl: string | undefined): string {
  try {
    if (serverJoinUrl) return new URL(serverJoinUrl).origin;
  } catch {
    // Not a URL: use this page's address.
  }
  return location.origin;
}

/**
 * The facilitator's invitation: the join code to put on the screen, the join link and its
 * QR code, "Toon groot" for the beamer, joining open or closed and "Nieuwe code" (issue 11),
 * and the read-only link for the projector. Code and link follow the joining state live.
 */
export function FacilitatorPanel({ joinCode, viewerUrl: keptViewerUrl }: FacilitatorPanelProps) {
  const t = useT();
  const ht = useT(homeTexts);
  const { info, sessionId, identity } = useIdentity();
  const sessionTitle = useMeeting((s) => s.session.title);
  const [projecting, setProjecting] = useState(false);
  const join = useJoinState(sessionId, identity.token, info);
  const current = join?.joinCode ?? joinCode;
  // The server may send the code formatted (`ABC-DEF`) or bare: show it one way.
  const code = current ? formatJoinCode(normalizeJoinCode(current)) : null;
  const origin = joinOrigin(join?.joinUrl ?? info?.joinUrl);
  const closed = join ? !join.joinOpen : false;
  const joinUrl = code ? `${origin}/join/${code}` : null;
  // The server tells the facilitator the viewer link too, on any device.
  const viewerUrl = keptViewerUrl ?? info?.viewerUrl ?? null;
  const title = sessionTitle || info?.title || '';
  return (
    <section className="panel invite" aria-labelledby="invite-title" data-testid="facilitator-panel">
      <h2 id="invite-title" className="panel-title">
        {t('facilitator.title')}
      </h2>
      <p className="invite-label">{t('facilitator.codeLabel')}</p>
      <div className="invite-code-row">
        <p className={closed ? 'join-code is-closed' : 'join-code'} data-testid="join-code-display" aria-live="polite">
          {code ?? '···-···'}
        </p>
        {code && joinUrl ? (
          <button
            type="button"
            className="button button-small invite-project"
            onClick={() => setProjecting(true)}
            title={ht('invite.projectHint')}
            aria-haspopup="dialog"
            data-testid="invite-project"
          >
            <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
              <path
                d="M3 7V3h4M13 3h4v4M17 13v4h-4M7 17H3v-4"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.8"
                strokeLinecap="round"
                strokeLinejoin="round"
              />
            </svg>
            {ht('invite.project')}
          </button>
        ) : null}
      </div>
      <p className="invite-howto">{t('facilitator.howTo', { url: new URL(origin).host })}</p>
      {join ? <JoinControls sessionId={sessionId} token={identity.token} join={join} /> : null}
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
          <figure className="invite-qr">
            <QrImage url={joinUrl} className="invite-qr-image" testId="invite-qr" />
            <figcaption className="invite-howto">{ht('invite.qrCaption')}</figcaption>
          </figure>
          {projecting ? (
            <ProjectionOverlay
              title={title}
              code={code}
              joinUrl={joinUrl}
              closed={closed}
              onClose={() => setProjecting(false)}
            />
          ) : null}
        </>
      ) : null}
      <h3 className="subhead">{t('facilitator.viewerTitle')}</h3>
      {viewerUrl ? (
        <ProjectorLink viewerUrl={viewerUrl} copyLabel={t('facilitator.copyLink')} />
      ) : (
        <p className="muted">{t('facilitator.viewerUnknown')}</p>
      )}
    </section>
  );
}
