import { useLayoutEffect, useRef, type ReactNode } from 'react';
import type { BoardSnapshot } from '../../../../../shared/model/board/read.ts';
import { INK_COLORS, NOTE_COLORS, type BoardItem } from '../../../../../shared/model/board/schema.ts';
import type { BoardActions } from '../../../base/board/actions.ts';
import { useBoardState, type BoardStore } from '../../../base/board/boardState.ts';
import { boundsOf } from '../../../base/board/hitTest.ts';
import { rectToScreen, type Size } from '../../../base/board/viewport.ts';
import { useT, type MessageKey } from '../../../base/i18n/useT.ts';
import { icons } from './icons.tsx';
import './board.css';
import './ContextToolbar.css';

const NOTE_NAMES: MessageKey[] = [
  'color.yellow',
  'color.orange',
  'color.green',
  'color.blue',
  'color.purple',
  'color.pink',
];
const INK_NAMES: MessageKey[] = [
  'color.ink',
  'color.teal',
  'color.red',
  'color.brown',
  'color.darkGreen',
  'color.violet',
];
const keepFocus = (e: { preventDefault(): void }) => e.preventDefault();

interface ContextToolbarProps {
  store: BoardStore;
  actions: BoardActions;
  snapshot: BoardSnapshot;
  size: Size;
}

function Swatches(props: {
  colors: readonly string[];
  names: MessageKey[];
  current: string | null;
  label: string;
  testId: string;
  onPick: (index: number) => void;
}) {
  const t = useT();
  return (
    <div className="swatches" role="group" aria-label={props.label}>
      {props.colors.map((color, i) => (
        <button
          key={color}
          type="button"
          className="swatch"
          style={{ background: color }}
          aria-pressed={props.current === color}
          aria-label={t(props.names[i] ?? 'color.ink')}
          title={t(props.names[i] ?? 'color.ink')}
          data-testid={`${props.testId}-${i}`}
          onPointerDown={keepFocus}
          onClick={() => props.onPick(i)}
        />
      ))}
    </div>
  );
}

/** The one colour all these items share, or null. */
function sharedColor(items: BoardItem[]): string | null {
  const colors = new Set(items.map((i) => ('color' in i ? i.color : '')));
  return colors.size === 1 ? ([...colors][0] ?? null) : null;
}

function ActionButton(props: {
  label: MessageKey;
  icon: ReactNode;
  onClick: () => void;
  testId: string;
  danger?: boolean;
}) {
  const t = useT();
  return (
    <button
      type="button"
      className={props.danger ? 'tool-button danger' : 'tool-button'}
      title={t(props.label)}
      aria-label={t(props.label)}
      data-testid={props.testId}
      onPointerDown={keepFocus}
      onClick={props.onClick}
    >
      {props.icon}
    </button>
  );
}

/** What the bar offers for these items: colours for notes, for text and arrows, then order, copy, delete. */
function SelectionControls({ items, actions }: { items: BoardItem[]; actions: BoardActions }) {
  const t = useT();
  const notes = items.filter((i) => i.kind === 'note');
  const inked = items.filter((i) => i.kind === 'text' || i.kind === 'arrow');
  return (
    <>
      {notes.length ? (
        <Swatches
          colors={NOTE_COLORS}
          names={NOTE_NAMES}
          current={sharedColor(notes)}
          label={t('context.noteColor')}
          testId="note-color"
          onPick={(i) => actions.setNoteColor(NOTE_COLORS[i] ?? NOTE_COLORS[0])}
        />
      ) : null}
      {inked.length ? (
        <Swatches
          colors={INK_COLORS}
          names={INK_NAMES}
          current={sharedColor(inked)}
          label={t('context.inkColor')}
          testId="ink-color"
          onPick={(i) => actions.setInkColor(INK_COLORS[i] ?? INK_COLORS[0])}
        />
      ) : null}
      {items.length === 1 ? (
        <ActionButton label="context.edit" icon={icons.edit} onClick={actions.editSelected} testId="context-edit" />
      ) : null}
      <ActionButton
        label="context.front"
        icon={icons.front}
        onClick={() => actions.reorder('front')}
        testId="context-front"
      />
      <ActionButton
        label="context.back"
        icon={icons.back}
        onClick={() => actions.reorder('back')}
        testId="context-back"
      />
      <ActionButton
        label="context.duplicate"
        icon={icons.duplicate}
        onClick={actions.duplicate}
        testId="context-duplicate"
      />
      <ActionButton
        label="context.delete"
        icon={icons.trash}
        onClick={actions.deleteSelection}
        testId="context-delete"
        danger
      />
    </>
  );
}

/** Floats above the selection: colour, order, duplicate, delete (touch screens have no Delete key). */
export function ContextToolbar({ store, actions, snapshot, size }: ContextToolbarProps) {
  const t = useT();
  const selection = useBoardState(store, (s) => s.selection);
  const viewport = useBoardState(store, (s) => s.viewport);
  const busy = useBoardState(
    store,
    (s) => s.drag !== null || s.resizing || s.editing !== null || s.marquee !== null || s.tool !== 'select',
  );
  const items = selection.flatMap((id) => snapshot.byId.get(id) ?? []);
  const bounds = boundsOf(selection, snapshot.byId);
  const box = bounds ? rectToScreen(viewport, bounds) : null;
  const middle = box ? box.x + box.w / 2 : 0;
  const ref = useRef<HTMLDivElement>(null);
  // Centred over the selection and kept on screen; measured, as its width depends on what it shows.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const w = el.offsetWidth;
    el.style.left = `${Math.max(8, Math.min(size.width - w - 8, middle - w / 2))}px`;
  });
  if (busy || !items.length || !box) return null;
  if (box.x > size.width || box.y > size.height || box.x + box.w < 0 || box.y + box.h < 0) return null;
  const above = box.y - 58;
  const top = above >= 8 ? above : Math.min(size.height - 52, box.y + box.h + 14);
  return (
    <div
      ref={ref}
      className="context-toolbar"
      role="toolbar"
      aria-label={t('context.label')}
      style={{ top }}
      data-testid="context-toolbar"
    >
      <SelectionControls items={items} actions={actions} />
    </div>
  );
}
