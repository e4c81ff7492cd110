/**
 * Copy, cut and paste of board items through the system clipboard, so they travel
 * between boards of a session and between browser tabs. The payload is the model's
 * (`serializeSelection` / `parseClipboard`): untrusted JSON, validated on paste.
 *
 * The copy/cut/paste DOM events are the first choice (no permission needed). When the
 * browser does not send one for a key press, the async Clipboard API is tried, and when
 * that is not permitted either, an in-memory copy (this tab only) is used.
 */
import { withAuthor } from '../../../../shared/model/board/authorship.ts';
import { parseClipboard, pasteItems, serializeSelection } from '../../../../shared/model/board/clipboard.ts';
import { addItems, deleteItems } from '../../../../shared/model/board/commands.ts';
import { noteColorFor, selectedIds, type BoardEnv } from './env.ts';
import { NOTE } from './itemStyle.ts';
import { screenToWorld, visibleWorldRect, type Point } from './viewport.ts';

/** The last thing copied in this tab: the fallback when the system clipboard is out of reach. */
let memory: string | null = null;

/** The clipboard text for the selection, or null when nothing is selected. */
export function copyText(env: BoardEnv): string | null {
  const ids = selectedIds(env);
  const text = ids.length ? serializeSelection(env.reader.getSnapshot(), ids) : null;
  if (text) memory = text;
  return text;
}

/** Writes through the async Clipboard API (used when no `copy` event came). */
export async function writeClipboardText(text: string): Promise<void> {
  memory = text;
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Not permitted (or no focus): the in-memory copy serves this tab.
  }
}

/** Reads the system clipboard, or the in-memory copy when that is not permitted. */
export async function readClipboardText(): Promise<string | null> {
  try {
    const text = await navigator.clipboard.readText();
    if (text) return text;
  } catch {
    // Not permitted: fall back below.
  }
  return memory;
}

/** Where pasted items go: at the pointer when it is over the board, else the middle of the view. */
export function pastePoint(env: BoardEnv): Point {
  const { viewport, pointer } = env.store.getState();
  const visible = visibleWorldRect(viewport, env.props.size);
  const inside =
    pointer &&
    pointer.x >= visible.x &&
    pointer.y >= visible.y &&
    pointer.x <= visible.x + visible.w &&
    pointer.y <= visible.y + visible.h;
  if (pointer && inside) return pointer;
  return screenToWorld(viewport, { x: env.props.size.width / 2, y: env.props.size.height / 2 });
}

/**
 * Pastes clipboard text: our items with new ids at the paste point, or any other text
 * as a new sticky note. Selects what was pasted. Returns false when nothing was pasted.
 */
export function pasteText(env: BoardEnv, text: string | null): boolean {
  if (!env.props.editable || !text) return false;
  const at = pastePoint(env);
  const items = parseClipboard(text);
  env.undo.stopCapturing();
  let ids: string[];
  if (items) {
    // A pasted copy is a new item by whoever pastes it (the write rules, issue 10).
    const by = { author: env.props.author, authorId: env.props.authorId };
    ids = pasteItems(env.doc, withAuthor(items, by), at, env.props.view);
  } else {
    const body = text.trim().slice(0, 5000);
    if (!body) return false;
    ids = addItems(env.doc, [
      {
        kind: 'note',
        x: Math.round(at.x - NOTE.defaultW / 2),
        y: Math.round(at.y - NOTE.defaultH / 2),
        w: NOTE.defaultW,
        h: NOTE.defaultH,
        text: body,
        color: noteColorFor(env),
        author: env.props.author.slice(0, 80),
        authorId: env.props.authorId || undefined,
        view: env.props.view,
      },
    ]);
  }
  env.undo.stopCapturing();
  if (!ids.length) return false;
  env.store.setState({ selection: ids, tool: 'select' });
  return true;
}

/** Cut: the text to put on the clipboard; the items are deleted. */
export function cutText(env: BoardEnv): string | null {
  const text = copyText(env);
  if (!text || !env.props.editable) return text;
  env.undo.stopCapturing();
  deleteItems(env.doc, selectedIds(env));
  env.undo.stopCapturing();
  env.store.setState({ selection: [] });
  return text;
}

/** Is the event aimed at a text field (where copy and paste are the field's own)? */
export function isTextTarget(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('input, textarea, select, [contenteditable]') !== null;
}

/**
 * Listens for copy/cut/paste on the document (while the focus is not in a text field).
 * `expect` is called by the keyboard handler on Ctrl/Cmd+C/X/V: when the browser sends
 * no event for it, the async Clipboard API or the in-memory copy is used instead.
 */
export function bindClipboard(env: BoardEnv): { expect(kind: 'copy' | 'cut' | 'paste'): void; unbind(): void } {
  const pending = { copy: 0, cut: 0, paste: 0 };
  const handled = (kind: 'copy' | 'cut' | 'paste') => {
    clearTimeout(pending[kind]);
    pending[kind] = 0;
  };
  const onCopy = (e: ClipboardEvent) => {
    if (isTextTarget(e.target) || !e.clipboardData) return;
    const kind = e.type === 'cut' ? 'cut' : 'copy';
    const text = kind === 'cut' ? cutText(env) : copyText(env);
    handled(kind);
    if (!text) return;
    e.clipboardData.setData('text/plain', text);
    e.preventDefault();
  };
  const onPaste = (e: ClipboardEvent) => {
    if (isTextTarget(e.target)) return;
    handled('paste');
    const text = e.clipboardData?.getData('text/plain') || memory;
    if (pasteText(env, text)) e.preventDefault();
  };
  document.addEventListener('copy', onCopy);
  document.addEventListener('cut', onCopy);
  document.addEventListener('paste', onPaste);
  return {
    expect(kind) {
      clearTimeout(pending[kind]);
      pending[kind] = window.setTimeout(() => {
        pending[kind] = 0;
        if (kind === 'paste') void readClipboardText().then((text) => pasteText(env, text));
        else {
          const text = kind === 'cut' ? cutText(env) : copyText(env);
          if (text) void writeClipboardText(text);
        }
      }, 60);
    },
    unbind() {
      document.removeEventListener('copy', onCopy);
      document.removeEventListener('cut', onCopy);
      document.removeEventListener('paste', onPaste);
      for (const t of Object.values(pending)) clearTimeout(t);
    },
  };
}
