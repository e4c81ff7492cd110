/** Line icons for the board's toolbars (20 x 20, currentColor). */
import type { ReactElement } from 'react';
import './board.css';

const line = {
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.6,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
} as const;

function Icon({ children }: { children: ReactElement | ReactElement[] }) {
  return (
    <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
      {children}
    </svg>
  );
}

export const icons = {
  select: (
    <Icon>
      <path {...line} d="M5 3.5 14.5 10l-4.2 1 2.4 4.6-1.8.9-2.4-4.6L5 15Z" />
    </Icon>
  ),
  hand: (
    <Icon>
      <path
        {...line}
        d="M7 10V4.8a1.2 1.2 0 0 1 2.4 0V9m0-.5V3.6a1.2 1.2 0 0 1 2.4 0V9m0-4.2a1.2 1.2 0 0 1 2.4 0V10m0-3a1.2 1.2 0 0 1 2.3 0v4.5c0 3.3-2.3 5.5-5.4 5.5-2.2 0-3.5-1-4.6-2.6L3.7 11a1.2 1.2 0 0 1 2-1.4L7 11.2"
      />
    </Icon>
  ),
  note: (
    <Icon>
      <path {...line} d="M4 4h12v8l-4 4H4Z" />
      <path {...line} d="M12 16v-4h4" />
    </Icon>
  ),
  text: (
    <Icon>
      <path {...line} d="M4.5 5V4h11v1M10 4v12M7.5 16h5" />
    </Icon>
  ),
  arrow: (
    <Icon>
      <path {...line} d="M4 16 15.5 4.5M9 4.5h6.5V11" />
    </Icon>
  ),
  frame: (
    <Icon>
      <path {...line} d="M6 2.5v15M14 2.5v15M2.5 6h15M2.5 14h15" />
    </Icon>
  ),
  undo: (
    <Icon>
      <path {...line} d="M7.5 5 4 8.5 7.5 12M4 8.5h8a4 4 0 0 1 0 8H9" />
    </Icon>
  ),
  redo: (
    <Icon>
      <path {...line} d="M12.5 5 16 8.5 12.5 12M16 8.5H8a4 4 0 0 0 0 8h3" />
    </Icon>
  ),
  help: (
    <Icon>
      <circle {...line} cx="10" cy="10" r="7" />
      <path {...line} d="M8 8a2 2 0 1 1 2.8 1.8c-.5.3-.8.7-.8 1.3v.4M10 14.2v.1" />
    </Icon>
  ),
  front: (
    <Icon>
      <rect {...line} x="3" y="3" width="9" height="9" rx="1" />
      <rect x="8" y="8" width="9" height="9" rx="1" fill="currentColor" />
    </Icon>
  ),
  back: (
    <Icon>
      <rect x="3" y="3" width="9" height="9" rx="1" fill="currentColor" />
      <rect {...line} x="8" y="8" width="9" height="9" rx="1" fill="#fff" />
    </Icon>
  ),
  duplicate: (
    <Icon>
      <rect {...line} x="7" y="7" width="10" height="10" rx="1.5" />
      <path {...line} d="M13 4.5V4a1 1 0 0 0-1-1H4a1 1 0 0 0-1 1v8a1 1 0 0 0 1 1h.5" />
    </Icon>
  ),
  trash: (
    <Icon>
      <path {...line} d="M4 6h12M8 6V4h4v2m-6 0 .8 10h6.4L14 6" />
    </Icon>
  ),
  edit: (
    <Icon>
      <path {...line} d="M4 16h3L16 7l-3-3-9 9Z" />
    </Icon>
  ),
  fit: (
    <Icon>
      <path {...line} d="M3.5 7.5v-4h4M12.5 3.5h4v4M16.5 12.5v4h-4M7.5 16.5h-4v-4" />
    </Icon>
  ),
  plus: (
    <Icon>
      <path {...line} d="M10 4.5v11M4.5 10h11" />
    </Icon>
  ),
  close: (
    <Icon>
      <path {...line} d="m5 5 10 10M15 5 5 15" />
    </Icon>
  ),
};
