/**
 * The projector screen's link (issue 12), shown in full beside its copy button and an
 * "Openen" link: the read-only link of the session on its projector page, which shows
 * the shared content only (meeting/ProjectorView.tsx).
 */
import { useId } from 'react';
import { useT } from '../../base/i18n/useT.ts';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { joiningTexts } from './i18n.ts';
import './ProjectorLink.css';

/** The projector page of a viewer link (`/s/<id>#token=…` → `/s/<id>/projectie#token=…`); `null` if it is none. */
export function projectorUrlOf(viewerUrl: string): string | null {
  try {
    const url = new URL(viewerUrl);
    if (!/^\/s\/[^/]+\/?$/.test(url.pathname)) return null;
    url.pathname = `${url.pathname.replace(/\/$/, '')}/projectie`;
    return url.toString();
  } catch {
    return null;
  }
}

export function ProjectorLink({ viewerUrl, copyLabel }: { viewerUrl: string; copyLabel: string }) {
  const t = useT(joiningTexts);
  const labelId = useId();
  const url = projectorUrlOf(viewerUrl) ?? viewerUrl;
  return (
    <div className="viewer-link projector-link">
      <p className="muted">{t('projectorText')}</p>
      <p className="visually-hidden" id={labelId}>
        {t('projectorUrl')}
      </p>
      <input
        className="projector-url"
        readOnly
        value={url}
        aria-labelledby={labelId}
        onFocus={(e) => e.currentTarget.select()}
        data-testid="projector-url"
      />
      <div className="button-row">
        <CopyButton text={url} label={copyLabel} testId="copy-viewer-url" />
        <a className="button button-small" href={url} target="_blank" rel="noopener" data-testid="projector-open">
          {t('projectorOpen')}
        </a>
      </div>
    </div>
  );
}
