/**
 * Arrow keys in a row of tabs (issue 12, the WAI-ARIA tabs pattern with manual
 * activation): ← → move the focus to the previous or next tab (round the row), Home and
 * End to the first and last; Enter or Space then opens it. Put on the `tablist`.
 */
import type { KeyboardEvent } from 'react';

export function onTabListKeyDown(e: KeyboardEvent<HTMLElement>): void {
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) return;
  const tabs = [...e.currentTarget.querySelectorAll<HTMLElement>('[role="tab"]')];
  const i = tabs.findIndex((tab) => tab === document.activeElement);
  if (i < 0) return;
  e.preventDefault();
  const last = tabs.length - 1;
  const next =
    e.key === 'Home'
      ? 0
      : e.key === 'End'
        ? last
        : e.key === 'ArrowRight'
          ? i === last
            ? 0
            : i + 1
          : i === 0
            ? last
            : i - 1;
  tabs[next]?.focus();
}
