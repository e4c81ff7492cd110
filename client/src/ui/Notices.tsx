import { dismissNotice, useNotices } from '../base/notices.ts';
import { useT } from '../base/i18n/useT.ts';

/** Notices from the sync layer, e.g. a change the server did not keep. */
export function Notices() {
  const t = useT();
  const notices = useNotices();
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className="notice" role="status" data-testid="notice">
          <span>{t(n.key)}</span>
          <button
            type="button"
            className="notice-close"
            onClick={() => dismissNotice(n.id)}
            aria-label={t('notice.dismiss')}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
