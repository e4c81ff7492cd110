/**
 * "Exporteren: PNG / SVG" for the board toolbar (issue 3). A button that opens a
 * two-item menu; the file is made in the browser from the board snapshot.
 *
 *   <ExportMenu snapshot={() => boardReaderFor(board.room.doc).getSnapshot()} title={`${sessionTitle} ${boardTitle}`} />
 *
 * File names: `veldwerk-<title>-<yyyy-mm-dd>.png|svg` (see exportFileName).
 */
import { useState } from 'react';
import type { BoardSnapshot } from '../../../../../shared/model/board/read.ts';
import { downloadDrawing, downloadPng, downloadSvg, exportFileName, type Drawing } from '../../export/index.ts';
import { usePresenceT } from '../../../base/presence/messages.ts';
import { MenuButton } from '../../../ui/MenuButton.tsx';
import { useTransient } from '../../../ui/useTransient.ts';
import './presence.css';
import './ExportMenu.css';

export interface ExportMenuProps {
  /**
   * The board: a `BoardSnapshot`, or a function returning the current one, read at the
   * moment of the click (e.g. `() => boardReaderFor(board.room.doc).getSnapshot()`), so
   * the menu need not re-render on every change of the board.
   */
  snapshot: Exportable | (() => Exportable);
  /** Used in the file name and drawn above the board (e.g. "Gezonde wijk Noord · Plenair"). */
  title: string;
  /** Which view (tab) to export; default `canvas`. */
  view?: string;
  /**
   * A method view's drawing (krachtenveld, forces, network, typology) instead of the
   * free board: read at the moment of the click.
   */
  drawing?: () => Drawing | Promise<Drawing>;
}

type Format = 'png' | 'svg';
type Exportable = Pick<BoardSnapshot, 'items'>;

export function ExportMenu({ snapshot, title, view, drawing }: ExportMenuProps) {
  const t = usePresenceT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useTransient<string>(5000);

  const run = async (format: Format) => {
    const opts = { title, ...(view ? { view } : {}) };
    const fileName = exportFileName(title, format);
    try {
      setBusy(true);
      if (drawing) {
        await downloadDrawing(await drawing(), fileName, format);
        return;
      }
      const board = typeof snapshot === 'function' ? snapshot() : snapshot;
      if (format === 'svg') downloadSvg(board, fileName, opts);
      else await downloadPng(board, fileName, 2, opts);
    } catch {
      setError(t('export.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <MenuButton
      label={busy ? t('export.busy') : t('export.button')}
      items={[
        { key: 'png', label: t('export.png') },
        { key: 'svg', label: t('export.svg') },
      ]}
      onChoose={(format: Format) => void run(format)}
      busy={busy}
      classes={{ root: 'export-menu', button: 'export-button', list: 'export-list', item: 'export-item' }}
      testIds={{ root: 'export-menu', button: 'export-button', item: 'export' }}
    >
      {error ? (
        <p className="export-error" role="alert">
          {error}
        </p>
      ) : null}
    </MenuButton>
  );
}
