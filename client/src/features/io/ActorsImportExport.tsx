/**
 * "Gegevens" in the board toolbars (issue 6, data in and out): the open board's actors
 * as CSV or Excel (facilitator and participants), and for the facilitator "Actoren
 * importeren…" (the import dialog) and "Bijeenkomst exporteren (JSON)".
 *
 *   <ActorsImportExport />   (reads the session and open board from the meeting's state)
 */
import { useState } from 'react';
import { useLang, useT } from '../../base/i18n/useT.ts';
import { useBoardSelection, useIdentity, useMeeting } from '../meeting/index.ts';
import { downloadActors, downloadSessionFile } from '../../base/api/index.ts';
import { MenuButton } from '../../ui/MenuButton.tsx';
import { useTransient } from '../../ui/useTransient.ts';
import { ioTexts } from './i18n.ts';
import { ImportDialog } from './ImportDialog.tsx';
import './ActorsImportExport.css';

type Action = 'csv' | 'xlsx' | 'import' | 'session';

export function ActorsImportExport() {
  const t = useT(ioTexts);
  const lang = useLang();
  const { sessionId, identity, isFacilitator } = useIdentity();
  const { boardId } = useBoardSelection();
  const boardTitle = useMeeting((s) => s.session.boards.find((b) => b.id === boardId)?.title) ?? boardId;
  const [busy, setBusy] = useState(false);
  const [importing, setImporting] = useState(false);
  const [status, setStatus] = useTransient<{ text: string; error: boolean }>(6000);

  // The projector's read-only view has nothing to take out.
  if (identity.role === 'viewer') return null;

  const run = async (action: Action) => {
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

  const actions: { key: Action; label: string }[] = [
    { key: 'csv', label: t('menu.csv') },
    { key: 'xlsx', label: t('menu.xlsx') },
    ...(isFacilitator
      ? [
          { key: 'import' as const, label: t('menu.import') },
          { key: 'session' as const, label: t('menu.session') },
        ]
      : []),
  ];

  return (
    <MenuButton
      label={busy ? t('menu.busy') : t('menu.button')}
      name={t('menu.label')}
      items={actions}
      onChoose={(action) => void run(action)}
      busy={busy}
      classes={{ root: 'io-menu', button: 'io-menu-button', list: 'io-menu-list', item: 'io-menu-item' }}
      testIds={{ root: 'io-menu', button: 'io-button', item: 'io' }}
    >
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
    </MenuButton>
  );
}
