/**
 * The board's keyboard: every shortcut in shortcuts.ts, plus Space held for panning.
 * Keys typed into a text field (the note editor, a tab's name, the join form) are the
 * field's own. The keys act only while the board has the focus, and the character-key
 * shortcuts can be switched off on this device (WCAG 2.1.4, issue 12).
 */
import { useEffect, type RefObject } from 'react';
import type { BoardActions } from './actions.ts';
import { isTextTarget } from './clipboard.ts';
import type { BoardEnv } from './env.ts';
import { RESIZE_KEYS, RESIZE_STEP, RESIZE_STEP_FAR } from './keyboardResize.ts';
import {
  characterShortcutsOn,
  findShortcut,
  isCharacterShortcut,
  isControlKey,
  keysBelongToBoard,
  type ShortcutId,
} from './shortcuts.ts';

type Clipboard = { expect(kind: 'copy' | 'cut' | 'paste'): void };

const NUDGE: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/** What each shortcut does (a Record, so a new shortcut fails to compile until it is handled here). */
function handlers(a: BoardActions, clipboard: Clipboard): Record<ShortcutId, (e: KeyboardEvent) => void> {
  const nudge = (step: number) => (e: KeyboardEvent) => {
    const [dx, dy] = NUDGE[e.key] ?? [0, 0];
    a.nudge(dx * step, dy * step);
  };
  const resize = (step: number) => (e: KeyboardEvent) => {
    const [dw, dh] = RESIZE_KEYS[e.key] ?? [0, 0];
    a.resize(dw * step, dh * step);
  };
  return {
    'tool.select': () => a.setTool('select'),
    'tool.hand': () => a.setTool('hand'),
    'tool.note': () => a.setTool('note'),
    'tool.text': () => a.setTool('text'),
    'tool.arrow': () => a.setTool('arrow'),
    'tool.frame': () => a.setTool('frame'),
    'edit.text': () => a.enter(),
    'edit.selectAll': () => a.selectAll(),
    'edit.escape': () => a.escape(),
    'edit.delete': () => a.deleteSelection(),
    'edit.duplicate': () => a.duplicate(),
    'edit.copy': () => clipboard.expect('copy'),
    'edit.cut': () => clipboard.expect('cut'),
    'edit.paste': () => clipboard.expect('paste'),
    'edit.undo': () => a.undo(),
    'edit.redo': () => a.redo(),
    'arrange.nudge': nudge(1),
    'arrange.nudgeFar': nudge(10),
    'arrange.resize': resize(RESIZE_STEP),
    'arrange.resizeFar': resize(RESIZE_STEP_FAR),
    'arrange.front': () => a.reorder('front'),
    'arrange.back': () => a.reorder('back'),
    'view.zoomIn': () => a.zoomIn(),
    'view.zoomOut': () => a.zoomOut(),
    'view.zoomReset': () => a.zoomReset(),
    'view.zoomFit': () => a.zoomToFit(),
    'view.zoomSelection': () => a.zoomToSelection(),
    'view.wheel': () => undefined,
    'view.pan': () => undefined,
    'view.help': () => a.toggleHelp(),
  };
}

/** Key presses the browser must still see: they make the copy, cut and paste events. */
const PASS_THROUGH: ReadonlySet<ShortcutId> = new Set(['edit.copy', 'edit.cut', 'edit.paste']);

export function useBoardKeys(
  env: BoardEnv,
  actions: BoardActions,
  clipboard: Clipboard,
  enabled = true,
  root?: RefObject<HTMLElement | null>,
): void {
  useEffect(() => {
    if (!enabled) return;
    const table = handlers(actions, clipboard);
    // Did the person last point at or focus this board (rather than something else on the page)?
    let engaged = !root?.current || keysBelongToBoard(root.current, document.activeElement, true);
    const touch = (e: Event) => {
      if (root?.current && e.target instanceof Node) engaged = root.current.contains(e.target);
    };
    const down = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing || isTextTarget(e.target)) return;
      if (root && !keysBelongToBoard(root.current, document.activeElement, engaged)) return;
      if (isControlKey(e.target, e.key)) return;
      const state = env.store.getState();
      if (e.key === ' ' && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        if (!state.spacePan) env.store.setState({ spacePan: true });
        return;
      }
      const shortcut = findShortcut(e);
      if (!shortcut) return;
      if (!characterShortcutsOn() && isCharacterShortcut(shortcut, e)) return;
      // With the help open only Escape and ? do anything.
      if (state.helpOpen && shortcut.id !== 'edit.escape' && shortcut.id !== 'view.help') return;
      table[shortcut.id](e);
      if (!PASS_THROUGH.has(shortcut.id)) e.preventDefault();
    };
    const up = (e: KeyboardEvent) => {
      if (e.key === ' ') env.store.setState({ spacePan: false });
    };
    const blur = () => env.store.setState({ spacePan: false });
    window.addEventListener('keydown', down);
    window.addEventListener('keyup', up);
    window.addEventListener('blur', blur);
    document.addEventListener('pointerdown', touch, true);
    document.addEventListener('focusin', touch, true);
    return () => {
      window.removeEventListener('keydown', down);
      window.removeEventListener('keyup', up);
      window.removeEventListener('blur', blur);
      document.removeEventListener('pointerdown', touch, true);
      document.removeEventListener('focusin', touch, true);
    };
  }, [env, actions, clipboard, enabled, root]);
}
