import { useState } from 'react';
import type { BoardRecord } from '../../../../../shared/model/sessionDoc.ts';
import { useT } from '../../../base/i18n/useT.ts';
import { onTabListKeyDown } from '../../../ui/tabKeys.ts';
import { wordUndoRef } from '../../../ui/wordUndo.ts';
import { icons } from './icons.tsx';
import './board.css';
import './BoardTabs.css';

interface BoardTabsProps {
  boards: readonly BoardRecord[];
  current: string;
  onSelect: (boardId: string) => void;
  /** The facilitator adds and renames boards; `null` for everyone else. */
  manage: { add: () => void; rename: (boardId: string, title: string) => void } | null;
}

const LockMark = () => (
  <svg viewBox="0 0 16 16" width="11" height="11" aria-hidden="true" className="tab-lock">
    <rect x="3" y="7" width="10" height="7" rx="1.5" fill="currentColor" />
    <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
  </svg>
);

function RenameField({ board, onDone }: { board: BoardRecord; onDone: (title: string | null) => void }) {
  const t = useT();
  const [value, setValue] = useState(board.title);
  return (
    <input
      ref={wordUndoRef}
      className="board-tab-rename"
      aria-label={t('tabs.renameLabel')}
      value={value}
      maxLength={120}
      autoFocus
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setValue(e.currentTarget.value)}
      onBlur={() => onDone(value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') onDone(value);
        if (e.key === 'Escape') onDone(null);
      }}
      data-testid="board-tab-rename"
    />
  );
}

/** The session's boards as tabs above the canvas; each board is its own room. */
export function BoardTabs({ boards, current, onSelect, manage }: BoardTabsProps) {
  const t = useT();
  const [renaming, setRenaming] = useState<string | null>(null);
  return (
    <div className="board-tabs">
      {/* Only tabs inside the tablist; "+ Bord" beside it (WCAG 4.1.2, issue 12). */}
      <div className="board-tabs-list" role="tablist" aria-label={t('tabs.label')} onKeyDown={onTabListKeyDown}>
        {boards.map((board) =>
          renaming === board.id && manage ? (
            <RenameField
              key={board.id}
              board={board}
              onDone={(title) => {
                setRenaming(null);
                if (title !== null) manage.rename(board.id, title);
              }}
            />
          ) : (
            <button
              key={board.id}
              type="button"
              role="tab"
              className="board-tab"
              aria-selected={board.id === current}
              title={manage ? t('tabs.renameHint') : undefined}
              data-testid="board-tab"
              data-board-id={board.id}
              onClick={() => onSelect(board.id)}
              onDoubleClick={() => manage && setRenaming(board.id)}
            >
              {board.locked ? <LockMark /> : null}
              <span className="board-tab-title">{t.name(board.title)}</span>
            </button>
          ),
        )}
      </div>
      {manage ? (
        <button
          type="button"
          className="board-tab-add"
          title={t('tabs.addTitle')}
          onClick={manage.add}
          data-testid="add-board"
        >
          {icons.plus}
          <span>{t('tabs.add')}</span>
        </button>
      ) : null}
    </div>
  );
}
