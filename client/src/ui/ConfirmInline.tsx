/**
 * An action that asks once, in its own place: "Verwijderen" becomes "Ja, verwijderen"
 * (marked `is-danger`) beside "Annuleren". For small things in a list (an answer, a
 * note); a weightier question gets a ConfirmDialog.
 */
import { useState } from 'react';

export interface ConfirmInlineProps {
  label: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  /** The buttons' class (the list's link style). */
  className: string;
  /** `data-testid`s of the first button and of the confirming one. */
  testIds?: { ask?: string; confirm?: string };
}

export function ConfirmInline({ label, confirmLabel, cancelLabel, onConfirm, className, testIds }: ConfirmInlineProps) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" className={className} onClick={() => setConfirming(true)} data-testid={testIds?.ask}>
        {label}
      </button>
    );
  }
  return (
    <>
      <button type="button" className={`${className} is-danger`} onClick={onConfirm} data-testid={testIds?.confirm}>
        {confirmLabel}
      </button>
      <button type="button" className={className} onClick={() => setConfirming(false)}>
        {cancelLabel}
      </button>
    </>
  );
}
