import type { ReactNode } from 'react';
import { useCharacterShortcuts } from '../../base/board/useShortcutSetting.ts';
import { useT } from '../../base/i18n/useT.ts';
import './BoardChrome.css';

const TOUCH = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;

/** What the board allows you right now, as the toolbar explains it. */
export type BoardMode = 'open' | 'viewer' | 'locked' | 'lockedByYou' | 'otherGroup';

const LockIcon = () => (
  <svg viewBox="0 0 16 16" aria-hidden="true">
    <rect x="3" y="7" width="10" height="7" rx="1.5" fill="currentColor" />
    <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
  </svg>
);

/** Above the canvas: the board tabs, how to use it or why it is read-only, and `end` (the lock switch). */
export function BoardToolbar({
  mode,
  tabs,
  end,
  hint = true,
}: {
  mode: BoardMode;
  tabs?: ReactNode;
  end?: ReactNode;
  /** Show the canvas's how-to line when the board is open (not on the method views). */
  hint?: boolean;
}) {
  const t = useT();
  const characterKeys = useCharacterShortcuts();
  let status: ReactNode;
  if (mode === 'open') {
    // The hint names single-key shortcuts: only while they are on (WCAG 2.1.4, issue 12).
    const text = TOUCH ? t('board.hintTouch') : characterKeys ? t('board.hint') : null;
    status = hint && text ? <p className="board-hint">{text}</p> : null;
  } else {
    // Another group's board reads like a viewer's: watching along, no lock involved.
    const viewer = mode === 'viewer' || mode === 'otherGroup';
    const text =
      mode === 'viewer'
        ? t('board.viewerText')
        : mode === 'otherGroup'
          ? t('board.otherGroupText')
          : mode === 'locked'
            ? t('board.lockedText')
            : t('board.lockedByYou');
    status = (
      <p className={`board-banner is-${viewer ? 'viewer' : 'locked'}`} role="status" data-testid="board-readonly">
        <span className="badge">
          {viewer ? null : <LockIcon />}
          {mode === 'viewer' ? t('board.viewer') : mode === 'otherGroup' ? t('board.otherGroup') : t('board.locked')}
        </span>
        <span>{text}</span>
      </p>
    );
  }
  return (
    <div className="board-toolbar">
      {tabs}
      {status}
      {end ? <div className="board-toolbar-end">{end}</div> : null}
    </div>
  );
}

interface ZoomControlsProps {
  scale: number;
  onZoom: (factor: number) => void;
  onReset: () => void;
  onFit: () => void;
}

/** A zoom button: an icon, named for screen readers and in its tooltip. */
function ZoomButton(props: {
  label: string;
  testId: string;
  onClick: () => void;
  className?: string;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={props.className ?? 'icon-button'}
      onClick={props.onClick}
      aria-label={props.label}
      title={props.label}
      data-testid={props.testId}
    >
      {props.children}
    </button>
  );
}

export function ZoomControls({ scale, onZoom, onReset, onFit }: ZoomControlsProps) {
  const t = useT();
  return (
    <div className="board-controls">
      <div className="zoom-group">
        <ZoomButton label={t('board.zoomOut')} testId="zoom-out" onClick={() => onZoom(1 / 1.25)}>
          −
        </ZoomButton>
        <button
          type="button"
          className="zoom-level"
          onClick={onReset}
          title={t('board.zoomReset')}
          data-testid="zoom-level"
        >
          {Math.round(scale * 100)}%
        </button>
        <ZoomButton label={t('board.zoomIn')} testId="zoom-in" onClick={() => onZoom(1.25)}>
          +
        </ZoomButton>
        <ZoomButton label={t('board.zoomFit')} testId="zoom-fit" onClick={onFit} className="icon-button zoom-fit">
          <svg viewBox="0 0 20 20" aria-hidden="true">
            <path
              d="M3.5 7.5v-4h4M12.5 3.5h4v4M16.5 12.5v4h-4M7.5 16.5h-4v-4"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.6"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
        </ZoomButton>
      </div>
    </div>
  );
}
