import type { ReactElement } from 'react';
import type { BoardActions } from '../../../base/board/actions.ts';
import { READ_ONLY_TOOLS, useBoardState, type BoardStore, type Tool } from '../../../base/board/boardState.ts';
import type { UndoState } from '../../../base/board/boardModel.ts';
import { SHORTCUTS, comboLabel, isMac } from '../../../base/board/shortcuts.ts';
import { useT, type MessageKey } from '../../../base/i18n/useT.ts';
import { icons } from './icons.tsx';
import './Toolbar.css';
import './board.css';

const TOOLS: { tool: Tool; icon: ReactElement; label: MessageKey }[] = [
  { tool: 'select', icon: icons.select, label: 'tools.select' },
  { tool: 'hand', icon: icons.hand, label: 'tools.hand' },
  { tool: 'note', icon: icons.note, label: 'tools.note' },
  { tool: 'text', icon: icons.text, label: 'tools.text' },
  { tool: 'arrow', icon: icons.arrow, label: 'tools.arrow' },
  { tool: 'frame', icon: icons.frame, label: 'tools.frame' },
];

/** "Briefje (N)": the key comes from the shortcut table, so the tooltip and the keys agree. */
function keyOf(id: string): string {
  const combo = SHORTCUTS.find((s) => s.id === id)?.combos[0];
  return combo ? ` (${comboLabel(combo, isMac(), {})})` : '';
}

/** Buttons keep the focus off themselves: Space and the shortcuts stay the board's. */
const keepFocus = (e: { preventDefault(): void }) => e.preventDefault();

interface ToolButtonProps {
  /** Its name for screen readers. */
  label: string;
  /** The tooltip: the name with its key. */
  title: string;
  icon: ReactElement;
  testId: string;
  onClick: () => void;
  pressed?: boolean;
  disabled?: boolean;
}

function ToolButton({ label, title, icon, testId, onClick, pressed, disabled }: ToolButtonProps) {
  return (
    <button
      type="button"
      className="tool-button"
      aria-pressed={pressed}
      aria-label={label}
      title={title}
      disabled={disabled}
      data-testid={testId}
      onPointerDown={keepFocus}
      onClick={onClick}
    >
      {icon}
    </button>
  );
}

interface ToolbarProps {
  store: BoardStore;
  actions: BoardActions;
  editable: boolean;
  undo: UndoState;
  /** The annotation layer's bar: a row, without the hand (its view does not move) and the help. */
  compact?: boolean;
}

/** The tools (V H N T A F), undo and redo, and the shortcut list. Read-only boards get select and hand. */
export function Toolbar({ store, actions, editable, undo, compact = false }: ToolbarProps) {
  const t = useT();
  const current = useBoardState(store, (s) => s.tool);
  const allowed = editable ? TOOLS : TOOLS.filter((d) => READ_ONLY_TOOLS.includes(d.tool));
  const tools = compact ? allowed.filter((d) => d.tool !== 'hand') : allowed;
  return (
    <div
      className={compact ? 'board-tools is-compact' : 'board-tools'}
      role="toolbar"
      aria-label={t('tools.label')}
      aria-orientation={compact ? 'horizontal' : 'vertical'}
    >
      {tools.map((d) => {
        const label = t(d.label) + keyOf(`tool.${d.tool}`);
        return (
          <ToolButton
            key={d.tool}
            label={label}
            title={label}
            icon={d.icon}
            testId={`tool-${d.tool}`}
            pressed={current === d.tool}
            onClick={() => actions.setTool(d.tool)}
          />
        );
      })}
      {editable ? (
        <>
          <span className="tool-separator" aria-hidden="true" />
          <ToolButton
            label={t('tools.undo')}
            title={t('tools.undo') + keyOf('edit.undo')}
            icon={icons.undo}
            testId="undo"
            disabled={!undo.canUndo}
            onClick={actions.undo}
          />
          <ToolButton
            label={t('tools.redo')}
            title={t('tools.redo') + keyOf('edit.redo')}
            icon={icons.redo}
            testId="redo"
            disabled={!undo.canRedo}
            onClick={actions.redo}
          />
        </>
      ) : null}
      {compact ? null : (
        <>
          <span className="tool-separator" aria-hidden="true" />
          <ToolButton
            label={t('tools.help')}
            title={t('tools.help') + ' (?)'}
            icon={icons.help}
            testId="help-button"
            onClick={actions.toggleHelp}
          />
        </>
      )}
    </div>
  );
}
