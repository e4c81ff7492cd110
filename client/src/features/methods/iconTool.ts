/**
 * An icon button of a method view's bar on a laptop (issue 12): its name shows in a tooltip
 * on hover and focus (`.mw-icon-tool`, views.css). Escape hides the tooltip until the
 * pointer or the focus leaves the button (WCAG 1.4.13: dismissible without moving).
 */
import type { FocusEvent, KeyboardEvent, MouseEvent } from 'react';

type Target = KeyboardEvent<HTMLElement> | FocusEvent<HTMLElement> | MouseEvent<HTMLElement>;

const show = (e: Target) => {
  delete e.currentTarget.dataset.tipOff;
};

export const tooltipDismiss = {
  onKeyDown: (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape') e.currentTarget.dataset.tipOff = '';
  },
  onBlur: show,
  onMouseLeave: show,
};
