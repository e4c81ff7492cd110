import { useEffect, useId, useRef } from 'react';
import { homeTexts } from '../home/i18n.ts';
import { useT } from '../../base/i18n/useT.ts';
import { joiningTexts } from './i18n.ts';
import { QrImage } from './QrImage.tsx';
import './ProjectionOverlay.css';
import './invite.css';

interface ProjectionOverlayProps {
  title: string;
  /** Formatted, `ABC-DEF`. */
  code: string;
  joinUrl: string;
  /** Joining is closed (issue 11): the code is shown with that said above it. */
  closed?: boolean;
  onClose: () => void;
}

/** Splits "Ga naar {host} en …" around the placeholder so the address can be set in bold. */
function splitAround(text: string, marker: string): [string, string] {
  const at = text.indexOf(marker);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + marker.length)];
}

/**
 * The invitation for the beamer: the whole screen, readable from the back of the room.
 * A modal `<dialog>`: Escape or "Sluiten" closes it and focus returns to where it was.
 */
export function ProjectionOverlay({ title, code, joinUrl, closed = false, onClose }: ProjectionOverlayProps) {
  const t = useT(homeTexts);
  const jt = useT(joiningTexts);
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const url = new URL(joinUrl);
  const shortUrl = `${url.host}/join`;
  const marker = '\u0000';
  const [before, after] = splitAround(t('invite.goTo', { host: marker }), marker);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    return () => {
      dialog.close();
      opener?.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="projection"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={(e) => {
        // The board's shortcuts listen on window: keys pressed here are not for the board
        // (it takes Escape for itself otherwise, and the dialog would not close).
        e.stopPropagation();
        if (e.key === 'Escape') {
          e.preventDefault();
          onClose();
        }
      }}
      data-testid="projection-overlay"
    >
      <div className="projection-top">
        <p className="projection-title" data-testid="projection-title">
          {title}
        </p>
        <button
          type="button"
          className="button projection-close"
          onClick={onClose}
          title={t('invite.closeHint')}
          autoFocus
          data-testid="projection-close"
        >
          <span aria-hidden="true">×</span> {t('invite.close')}
        </button>
      </div>
      <div className="projection-body">
        <div className="projection-join">
          <h2 id={titleId} className={closed ? 'projection-lead projection-closed' : 'projection-lead'}>
            {closed ? jt('projectionClosed') : t('invite.lead')}
          </h2>
          <p className="projection-goto" data-testid="projection-url">
            {before}
            <strong>{shortUrl}</strong>
            {after}
          </p>
          <p className="projection-code" data-testid="projection-code">
            {code}
          </p>
        </div>
        <figure className="projection-qr">
          <QrImage url={joinUrl} className="projection-qr-image" testId="projection-qr" />
          <figcaption>{t('invite.scan')}</figcaption>
        </figure>
      </div>
    </dialog>
  );
}
