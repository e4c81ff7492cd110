import type { ReactNode } from 'react';
import { useT } from '../i18n/useT.ts';

const TOUCH = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;

/** What the board allows you right now, as the toolbar explains it. */
export type BoardMode = 'open' | 'viewer' | 'locked' | 'lockedByYou';

const LockIcon = () => (
  <svg viewBox="0 0 16 16" aria-hidden="true">
    <rect x="3" y="7" width="10" height="7" rx="1.5" fill="currentColor" />
    <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
  </svg>
);

/** Above the canvas: the board's name, how to use it or why it is read-only, and `end` (the lock switch). */
export function BoardToolbar({ mode, end }: { mode: BoardMode; end?: ReactNode }) {
  const t = useT();
  let status: ReactNode;
  if (mode === 'open') {
    status = <p className="board-hint">{TOUCH ? t('board.hintTouch') : t('board.hint')}</p>;
  } else {
    const viewer = mode === 'viewer';
    const text = viewer ? t('board.viewerText') : mode === 'locked' ? t('board.lockedText') : t('board.lockedByYou');
    status = (
      <p className={`board-banner is-${viewer ? 'viewer' : 'locked'}`} role="status" data-testid="board-readonly">
        <span className="badge">
          {viewer ? null : <LockIcon />}
          {viewer ? t('board.viewer') : t('board.locked')}
        </span>
        <span>{text}</span>
      </p>
    );
  }
  return (
    <div className="board-toolbar">
      <h2 className="board-title">{t('board.title')}</h2>
      {status}
      {end ? <div className="board-toolbar-end">{end}</div> : null}
    </div>
  );
}

interface ZoomControlsProps {
  scale: number;
  onZoom: (factor: number) => void;
  onFit: () => void;
  /** Shown when a note is selected and may be deleted (touch screens have no Delete key). */
  onDelete: (() => void) | null;
}

export function ZoomControls({ scale, onZoom, onFit, onDelete }: ZoomControlsProps) {
  const t = useT();
  return (
    <div className="board-controls">
      {onDelete ? (
        <button
          type="button"
          className="icon-button danger"
          onClick={onDelete}
          title={t('board.delete')}
          data-testid="delete-note"
        >
          <svg viewBox="0 0 20 20" aria-hidden="true">
            <path
              d="M4 6h12M8 6V4h4v2m-6 0 .8 10h6.4L14 6"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.6"
              strokeLinejoin="round"
            />
          </svg>
          <span className="visually-hidden">{t('board.delete')}</span>
        </button>
      ) : null}
      <div className="zoom-group">
        <button
          type="button"
          className="icon-button"
          onClick={() => onZoom(1 / 1.2)}
          aria-label={t('board.zoomOut')}
          title={t('board.zoomOut')}
        >
          −
        </button>
        <button type="button" className="zoom-level" onClick={onFit} title={t('board.zoomReset')}>
          {Math.round(scale * 100)}%
        </button>
        <button
          type="button"
          className="icon-button"
          onClick={() => onZoom(1.2)}
          aria-label={t('board.zoomIn')}
          title={t('board.zoomIn')}
        >
          +
        </button>
      </div>
    </div>
  );
}
