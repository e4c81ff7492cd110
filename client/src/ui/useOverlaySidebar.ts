/**
 * The session sidebar over the board (issue 12): on a laptop beside a running meeting the
 * board keeps its room, so the sidebar, when someone opens it, lies over the board instead
 * of pushing it aside (`.is-sidebar-overlay` in app/styles.css and ui/panels.css). Escape inside it closes it, and
 * its toggle, the visible "Zijpaneel inklappen" button, gets the focus back, so the focus
 * is never lost in a folded panel.
 */
import { useCallback, useRef, type KeyboardEvent } from 'react';

/** Where Escape belongs to something inside the sidebar: a field, an open menu or form, a dialog. */
function escapeIsTaken(e: KeyboardEvent<HTMLElement>, toggle: HTMLElement | null): boolean {
  const target = e.target as HTMLElement;
  if (e.defaultPrevented) return true;
  if (target.closest('input, textarea, select, [contenteditable="true"], dialog')) return true;
  return [...e.currentTarget.querySelectorAll('[aria-expanded="true"]')].some((el) => el !== toggle);
}

/**
 * `overlay`: the sidebar lies over the board (a laptop, a running meeting). Returns the ref for
 * the sidebar's toggle and the sidebar's key handler, for the capture phase (parts inside it
 * stop their keys from reaching the board, and so from reaching the sidebar too).
 */
export function useOverlaySidebar(overlay: boolean, open: boolean, setOpen: (open: boolean) => void) {
  const toggleRef = useRef<HTMLButtonElement>(null);
  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLElement>) => {
      if (e.key !== 'Escape' || !overlay || !open || escapeIsTaken(e, toggleRef.current)) return;
      e.preventDefault();
      setOpen(false);
      toggleRef.current?.focus();
    },
    [overlay, open, setOpen],
  );
  return { toggleRef, onKeyDown };
}
