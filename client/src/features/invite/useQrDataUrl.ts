import { useEffect, useState } from 'react';

/**
 * The QR code of `text` as an SVG data URL for an `<img>` (no markup is inserted into the
 * page). `null` while it is made, or when there is nothing to encode.
 */
export function useQrDataUrl(text: string | null): string | null {
  const [made, setMade] = useState<{ text: string; url: string } | null>(null);
  useEffect(() => {
    if (text === null) return;
    let cancelled = false;
    // Loaded when first needed: the QR library stays out of the session page's first load.
    import('qrcode')
      .then(({ default: QRCode }) =>
        QRCode.toString(text, {
          type: 'svg',
          margin: 2,
          errorCorrectionLevel: 'M',
          color: { dark: '#1d2a30', light: '#ffffff' },
        }),
      )
      .then((svg) => {
        if (!cancelled) setMade({ text, url: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` });
      })
      .catch(() => {
        // Too long to encode: the code and the link still work without it.
      });
    return () => {
      cancelled = true;
    };
  }, [text]);
  return made !== null && made.text === text ? made.url : null;
}
