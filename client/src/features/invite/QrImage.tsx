import { homeTexts } from '../home/i18n.ts';
import { useT } from '../../base/i18n/useT.ts';
import { useQrDataUrl } from './useQrDataUrl.ts';
import './QrImage.css';

/** The join link as a QR code; a square placeholder of the same size while it is made. */
export function QrImage({ url, className, testId }: { url: string; className?: string; testId?: string }) {
  const t = useT(homeTexts);
  const src = useQrDataUrl(url);
  const classes = `qr${className ? ` ${className}` : ''}`;
  if (src === null) {
    return <span className={`${classes} qr-pending`} role="img" aria-label={t('invite.qrLoading')} aria-busy="true" />;
  }
  return <img className={classes} src={src} alt={t('invite.qrAlt')} data-testid={testId} data-url={url} />;
}
