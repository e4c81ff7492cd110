import { useEffect, useId, useRef, type ReactNode } from 'react';
import './ConfirmDialog.css';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  busy?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
  testId?: string;
}

/**
 * A modal question ("Bijeenkomst verwijderen?") on the native `<dialog>`: the page behind
 * it is inert, Escape cancels, and focus starts on "Annuleren" so Enter does no harm.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { title, children, confirmLabel, cancelLabel, busy = false, error, onConfirm, onCancel, testId } = props;
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const textId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    return () => dialog.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className="home-dialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      onCancel={(e) => {
        e.preventDefault();
        if (!busy) onCancel();
      }}
      onKeyDown={(e) => {
        // Keys pressed in the dialog are for the dialog only (window shortcuts stay out).
        e.stopPropagation();
        if (e.key === 'Escape') {
          e.preventDefault();
          if (!busy) onCancel();
        }
      }}
      data-testid={testId}
    >
      <h2 id={titleId} className="home-dialog-title">
        {title}
      </h2>
      <div id={textId} className="home-dialog-text">
        {children}
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="home-dialog-actions">
        <button
          type="button"
          className="button"
          onClick={onCancel}
          disabled={busy}
          autoFocus
          data-testid="confirm-cancel"
        >
          {cancelLabel}
        </button>
        <button
          type="button"
          className="button home-danger"
          onClick={onConfirm}
          disabled={busy}
          data-testid="confirm-ok"
        >
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
