import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import type { BoardSnapshot } from '../../../../../shared/model/board/read.ts';
import type { BoardItem } from '../../../../../shared/model/board/schema.ts';
import { arrowPoints } from '../../../../../shared/model/board/geometry.ts';
import { useBoardState } from '../../../base/board/boardState.ts';
import { editableText, finishEdit } from '../../../base/board/editing.ts';
import type { BoardEnv } from '../../../base/board/env.ts';
import { FRAME_TITLE_H } from '../../../base/board/hitTest.ts';
import {
  ARROW,
  FONT,
  FRAME,
  INK,
  NOTE,
  TEXT,
  noteLayout,
  noteTextBox,
  textItemHeight,
} from '../../../base/board/itemStyle.ts';
import type { Viewport } from '../../../base/board/viewport.ts';
import { useWordUndo } from '../../../ui/wordUndo.ts';
import { useT, type MessageKey } from '../../../base/i18n/useT.ts';
import './TextEditor.css';
import './board.css';

/** Where the editor goes and how its text looks, in screen pixels, for the current text. */
function editorStyle(item: BoardItem, value: string, v: Viewport, byId: BoardSnapshot['byId']): CSSProperties {
  const s = v.scale;
  switch (item.kind) {
    case 'note': {
      const layout = noteLayout(item, value || ' ');
      const box = noteTextBox(item);
      const top = box.y + Math.max(0, (box.h - layout.height) / 2);
      return {
        left: item.x * s + v.x,
        top: item.y * s + v.y,
        width: item.w * s,
        height: item.h * s,
        padding: `${top * s}px ${NOTE.padding * s}px 0`,
        fontSize: layout.fontSize * s,
        lineHeight: NOTE.lineHeight,
        textAlign: 'center',
        background: item.color,
        borderRadius: NOTE.radius * s,
      };
    }
    case 'text':
      return {
        left: item.x * s + v.x,
        top: item.y * s + v.y,
        width: item.w * s,
        height: textItemHeight(item, value) * s,
        padding: TEXT.padding * s,
        fontSize: item.fontSize * s,
        lineHeight: TEXT.lineHeight,
        color: item.color,
        background: 'rgba(255,255,255,0.7)',
      };
    case 'frame':
      return {
        left: item.x * s + v.x,
        top: (item.y - FRAME_TITLE_H) * s + v.y,
        width: Math.max(160, item.w * s),
        height: Math.max(28, FRAME_TITLE_H * s),
        fontSize: Math.max(13, FRAME.titleFont * s),
        fontWeight: 600,
      };
    case 'arrow': {
      const p = arrowPoints(item, byId) ?? { start: { x: 0, y: 0 }, end: { x: 0, y: 0 } };
      const mid = { x: ((p.start.x + p.end.x) / 2) * s + v.x, y: ((p.start.y + p.end.y) / 2) * s + v.y };
      const height = Math.max(30, ARROW.labelFont * 1.6 * s);
      return {
        left: mid.x - 100,
        top: mid.y - height / 2,
        width: 200,
        height,
        fontSize: Math.max(13, ARROW.labelFont * s),
        textAlign: 'center',
      };
    }
  }
}

const LABELS: Record<BoardItem['kind'], MessageKey> = {
  note: 'board.editLabel',
  text: 'board.editText',
  frame: 'board.editFrame',
  arrow: 'board.editArrow',
};

function ItemEditor({ env, item, snapshot }: { env: BoardEnv; item: BoardItem; snapshot: BoardSnapshot }) {
  const t = useT();
  const viewport = useBoardState(env.store, (s) => s.viewport);
  const [value, setValue] = useState(() => editableText(item));
  const ref = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  // Ctrl+Z in the editor takes back a word, not a letter (issue 12).
  useWordUndo(ref);
  const done = useRef(false);
  const latest = useRef(value);
  latest.current = value;
  const finish = (text: string | null) => {
    if (done.current) return;
    done.current = true;
    finishEdit(env, item.id, text);
  };
  const finishRef = useRef(finish);
  finishRef.current = finish;
  // Leaving the board (another tab, the room reloaded) keeps what was typed. Checked a
  // moment later, so React StrictMode's unmount-and-mount again does not end the edit.
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      queueMicrotask(() => {
        if (!mounted.current) finishRef.current(latest.current);
      });
    };
  }, []);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    // The canvas clips: without preventScroll the browser would scroll it to the caret.
    el.focus({ preventScroll: true });
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);
  const singleLine = item.kind === 'frame' || item.kind === 'arrow';
  const onKeyDown = (e: KeyboardEvent) => {
    const enter = e.key === 'Enter' && (singleLine || e.ctrlKey || e.metaKey);
    if (e.key !== 'Escape' && !enter) return;
    e.preventDefault();
    e.stopPropagation();
    finish(value);
  };
  const props = {
    ref,
    className: `item-editor item-editor-${item.kind}`,
    'aria-label': t(LABELS[item.kind]),
    value,
    maxLength: singleLine ? 200 : 5000,
    spellCheck: true,
    'data-testid': 'note-editor',
    style: {
      ...editorStyle(item, value, viewport, snapshot.byId),
      fontFamily: FONT,
      color: item.kind === 'text' ? item.color : INK,
    },
    onChange: (e: { currentTarget: { value: string } }) => setValue(e.currentTarget.value),
    onBlur: () => finish(value),
    onKeyDown,
  };
  return singleLine ? <input {...props} /> : <textarea {...props} />;
}

/**
 * Typing in place: an HTML field laid exactly over the item (IME, spell check and phone
 * keyboards work), scaled with the zoom. Escape, Ctrl/Cmd+Enter or a click elsewhere
 * finishes (see board/editing.ts).
 */
export function TextEditor({ env, snapshot }: { env: BoardEnv; snapshot: BoardSnapshot }) {
  const editing = useBoardState(env.store, (s) => s.editing);
  const item = editing ? snapshot.byId.get(editing.id) : undefined;
  const gone = editing !== null && !item;
  useEffect(() => {
    // Someone else deleted it meanwhile: nothing left to type into.
    if (gone) env.store.setState({ editing: null });
  }, [gone, env]);
  if (!editing || !item) return null;
  return <ItemEditor key={item.id} env={env} item={item} snapshot={snapshot} />;
}
