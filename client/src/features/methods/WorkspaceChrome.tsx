/** The workspace's small chrome: undo/redo and read-only badge, the confirm dialog, the toast. */
import { useEffect, useRef } from 'react';
import { useMethods } from './context.ts';
import './tools.css';
import './WorkspaceChrome.css';

export function WorkspaceTools({
  canUndo,
  canRedo,
  onUndo,
  onRedo,
}: {
  canUndo: boolean;
  canRedo: boolean;
  onUndo: () => void;
  onRedo: () => void;
}) {
  const { editable, t } = useMethods();
  if (!editable) {
    return (
      <p className="mw-readonly" role="status" data-testid="methods-readonly">
        <span className="badge">{t('ws.readonly')}</span>
        <span className="mw-readonly-text">{t('ws.readonlyText')}</span>
      </p>
    );
  }
  return (
    <div className="mw-tools">
      <button
        type="button"
        className="icon-button"
        disabled={!canUndo}
        onClick={onUndo}
        title={`${t('ws.undo')} (Ctrl+Z)`}
        aria-label={t('ws.undo')}
        data-testid="methods-undo"
      >
        <svg viewBox="0 0 20 20" aria-hidden="true">
          <path d="M7 5 3 9l4 4M3.5 9H12a5 5 0 0 1 0 10h-2" fill="none" stroke="currentColor" strokeWidth="1.7" />
        </svg>
      </button>
      <button
        type="button"
        className="icon-button"
        disabled={!canRedo}
        onClick={onRedo}
        title={`${t('ws.redo')} (Ctrl+Shift+Z)`}
        aria-label={t('ws.redo')}
      >
        <svg viewBox="0 0 20 20" aria-hidden="true">
          <path d="m13 5 4 4-4 4M16.5 9H8a5 5 0 0 0 0 10h2" fill="none" stroke="currentColor" strokeWidth="1.7" />
        </svg>
      </button>
    </div>
  );
}

export function ConfirmDialog({
  text,
  yes,
  no,
  onYes,
  onNo,
}: {
  text: string;
  yes: string;
  no: string;
  onYes: () => void;
  onNo: () => void;
}) {
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    cancel.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && onNo();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onNo]);
  return (
    <div className="mw-overlay" onMouseDown={(e) => e.target === e.currentTarget && onNo()}>
      <div className="mw-dialog" role="alertdialog" aria-modal="true" aria-label={text} data-testid="confirm-dialog">
        <p>{text}</p>
        <div className="mw-dialog-actions">
          <button ref={cancel} type="button" className="button button-small" onClick={onNo}>
            {no}
          </button>
          <button
            type="button"
            className="button button-small mw-danger-solid"
            data-testid="confirm-yes"
            onClick={onYes}
          >
            {yes}
          </button>
        </div>
      </div>
    </div>
  );
}

export function Toast({
  text,
  undoLabel,
  closeLabel,
  onUndo,
  onClose,
}: {
  text: string;
  undoLabel: string;
  closeLabel: string;
  onUndo: () => void;
  onClose: () => void;
}) {
  return (
    <div className="mw-toast notice" role="status" data-testid="methods-toast">
      <span>{text}</span>
      <button type="button" className="mw-toast-undo" data-testid="toast-undo" onClick={onUndo}>
        {undoLabel}
      </button>
      <button type="button" className="notice-close" aria-label={closeLabel} onClick={onClose}>
        ×
      </button>
    </div>
  );
}
