/**
 * "Bijeenkomst importeren (JSON)" on the start page: a session file (exported with
 * "Bijeenkomst exporteren") becomes a new meeting on this server, which then opens
 * as the facilitator's, like a newly created one.
 */
import { useId, useState } from 'react';
import { saveIdentity, saveViewerUrl } from '../../base/identity.ts';
import { navigate } from '../../base/router.ts';
import { loadApi } from '../../base/api/load.ts';
import { ioTexts } from './i18n.ts';
import { useT } from '../../base/i18n/useT.ts';
import './io.css';
import './SessionImport.css';

export function SessionImport() {
  const t = useT(ioTexts);
  const inputId = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function importFile(file: File) {
    setBusy(true);
    setError(null);
    try {
      const text = await file.text();
      try {
        JSON.parse(text);
      } catch {
        throw new Error(t('home.notJson'));
      }
      const res = await (await loadApi()).importSessionFile(text);
      saveIdentity(res.sessionId, { token: res.facilitatorToken, role: 'facilitator', participantId: '', name: '' });
      saveViewerUrl(res.sessionId, res.viewerUrl);
      const target = new URL(res.facilitatorUrl, location.href);
      if (target.origin === location.origin) navigate(target.pathname);
      else location.assign(target.href);
    } catch (err) {
      setError(t('home.failed', { message: err instanceof Error ? err.message : String(err) }));
      setBusy(false);
    }
  }

  return (
    <section className="io-home" data-testid="session-import">
      <input
        id={inputId}
        type="file"
        className="io-file-input"
        accept=".json,application/json"
        disabled={busy}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void importFile(file);
        }}
        data-testid="session-import-file"
      />
      <label htmlFor={inputId} className={busy ? 'button is-busy' : 'button'} aria-disabled={busy}>
        {busy ? t('home.busy') : t('home.button')}
      </label>
      <span className="muted io-home-text">{t('home.text')}</span>
      {error ? (
        <p className="form-error" role="alert" data-testid="session-import-error">
          {error}
        </p>
      ) : null}
    </section>
  );
}
