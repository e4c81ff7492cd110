/**
 * "Gegevens" in the board toolbars (issue 6, data in and out): the open board's actors
 * as CSV or Excel (facilitator and participants), and for the facilitator "Actoren
 * importeren…" (the import dialog) and "Bijeenkomst exporteren (JSON)".
 *
 *   <ActorsImportExport />   (reads the session and open board from the meeting's state)
 */
import { useEffect, useState } from 'react';
import { useLang, useT } from '../../base/i18n/useT.ts';
import { useBoardSelection, useIdentity, useMeeting } from '../meeting/index.ts';
import { downloadActors, downloadSessionFile } from '../../base/api/index.ts';
import { usePopover } from '../../ui/usePopover.ts';
import { ioTexts } from './i18n.ts';
import { ImportDialog } from './ImportDialog.tsx';
import './io.css';

type Action = 'csv' | 'xlsx' | 'import' | 'session';

export function ActorsImportExport() {
  const t = useT(ioTexts);
  const lang = useLang();
  const { sessionId, identity, isFacilitator } = useIdentity();
  const { boardId } = useBoardSelection();
  const boardTitle = useMeeting((s) => s.session.boards.find((b) => b.id === boardId)?.title) ?? boardId;
  const { open, toggle, close, root } = usePopover();
  const [busy, setBusy] = useState(false);
  const [importing, setImporting] = useState(false);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);

  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(() => setStatus(null), 6000);
    return () => clearTimeout(timer);
  }, [status]);

  // The projector's read-only view has nothing to take out.
  if (identity.role === 'viewer') return null;

  const run = async (action: Action) => {
    close();
    if (action === 'import') {
      setImporting(true);
      return;
    }
    setBusy(true);
    try {
      const file =
        action === 'session'
          ? await downloadSessionFile(sessionId, identity.token)
          : await downloadActors(sessionId, boardId, identity.token, {
              format: action,
              lang: lang === 'en' ? 'en' : 'nl',
            });
      setStatus({ text: t('download.done', { file }), error: false });
    } catch (err) {
      setStatus({ text: t('download.failed', { message: err instanceof Error ? err.message : '' }), error: true });
    } finally {
      setBusy(false);
    }
  };

  const actions: { action: Action; label: string }[] = [
    { action: 'csv', label: t('menu.csv') },
    { action: 'xlsx', label: t('menu.xlsx') },
    ...(isFacilitator
      ? [
          { action: 'import' as const, label: t('menu.import') },
          { action: 'session' as const, label: t('menu.session') },
        ]
      : []),
  ];

  return (
    <div className="io-menu" ref={root} data-testid="io-menu">
      <button
        type="button"
        className="io-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={t('menu.label')}
        title={t('menu.label')}
        disabled={busy}
        onClick={toggle}
        data-testid="io-button"
      >
        {busy ? t('menu.busy') : t('menu.button')}
      </button>
      {open ? (
        <ul className="io-menu-list" role="menu">
          {actions.map(({ action, label }) => (
            <li key={action} role="none">
              <button
                type="button"
                role="menuitem"
                className="io-menu-item"
                onClick={() => void run(action)}
                data-testid={`io-${action}`}
              >
                {label}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {status ? (
        <p className={status.error ? 'io-toast is-error' : 'io-toast'} role={status.error ? 'alert' : 'status'}>
          {status.text}
        </p>
      ) : null}
      {importing ? (
        <ImportDialog
          sessionId={sessionId}
          boardId={boardId}
          boardTitle={boardTitle}
          token={identity.token}
          onClose={() => setImporting(false)}
          onDone={(n) => {
            setImporting(false);
            setStatus({
              text: t('dlg.done', { n, board: boardTitle }),
              error: false,
            });
          }}
        />
      ) : null}
    </div>
  );
}
