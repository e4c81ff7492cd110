/**
 * The board's keyboard shortcuts: one table, read by the key handler (useBoardKeys) and
 * listed by the help overlay (`?`), so the two never disagree. Keys as people know them
 * from Excalidraw and tldraw.
 *
 * A combo is `mod+shift+alt+key`; `mod` is Ctrl (Cmd on a Mac). Letters match the
 * letter typed or the key's place (KeyZ) so they work on any keyboard layout; digits and
 * brackets match by place (Shift+1 types "!" on most layouts); `?`, `+` and `-` match
 * the character, whatever Shift it took.
 */
import type { MessageKey } from '../i18n/useT.ts';

export type ShortcutGroup = 'tools' | 'edit' | 'arrange' | 'view';

/** The four arrow keys with the same modifiers (`''`, `'shift+'`, ...), shown as one entry. */
function arrowKeys<M extends string>(mods: M) {
  const arrows = ['arrowleft', 'arrowright', 'arrowup', 'arrowdown'] as const;
  return { combos: arrows.map((a) => `${mods}${a}` as const), display: [`${mods}← ↑ → ↓`] as const };
}

export const SHORTCUTS = [
  { id: 'tool.select', group: 'tools', label: 'shortcut.select', combos: ['v'] },
  { id: 'tool.hand', group: 'tools', label: 'shortcut.hand', combos: ['h'] },
  { id: 'tool.note', group: 'tools', label: 'shortcut.note', combos: ['n'] },
  { id: 'tool.text', group: 'tools', label: 'shortcut.text', combos: ['t'] },
  { id: 'tool.arrow', group: 'tools', label: 'shortcut.arrow', combos: ['a'] },
  { id: 'tool.frame', group: 'tools', label: 'shortcut.frame', combos: ['f'] },
  { id: 'edit.text', group: 'edit', label: 'shortcut.editText', combos: ['enter'] },
  { id: 'edit.selectAll', group: 'edit', label: 'shortcut.selectAll', combos: ['mod+a'] },
  { id: 'edit.escape', group: 'edit', label: 'shortcut.escape', combos: ['escape'] },
  { id: 'edit.delete', group: 'edit', label: 'shortcut.delete', combos: ['delete', 'backspace'] },
  { id: 'edit.duplicate', group: 'edit', label: 'shortcut.duplicate', combos: ['mod+d'] },
  { id: 'edit.copy', group: 'edit', label: 'shortcut.copy', combos: ['mod+c'] },
  { id: 'edit.cut', group: 'edit', label: 'shortcut.cut', combos: ['mod+x'] },
  { id: 'edit.paste', group: 'edit', label: 'shortcut.paste', combos: ['mod+v'] },
  { id: 'edit.undo', group: 'edit', label: 'shortcut.undo', combos: ['mod+z'] },
  { id: 'edit.redo', group: 'edit', label: 'shortcut.redo', combos: ['mod+shift+z', 'mod+y'] },
  { id: 'arrange.nudge', group: 'arrange', label: 'shortcut.nudge', ...arrowKeys('') },
  { id: 'arrange.nudgeFar', group: 'arrange', label: 'shortcut.nudgeFar', ...arrowKeys('shift+') },
  { id: 'arrange.resize', group: 'arrange', label: 'shortcut.resize', ...arrowKeys('alt+') },
  { id: 'arrange.resizeFar', group: 'arrange', label: 'shortcut.resizeFar', ...arrowKeys('alt+shift+') },
  { id: 'arrange.front', group: 'arrange', label: 'shortcut.front', combos: ['mod+shift+]', ']'] },
  { id: 'arrange.back', group: 'arrange', label: 'shortcut.back', combos: ['mod+shift+[', '['] },
  { id: 'view.zoomIn', group: 'view', label: 'shortcut.zoomIn', combos: ['+'] },
  { id: 'view.zoomOut', group: 'view', label: 'shortcut.zoomOut', combos: ['-'] },
  { id: 'view.zoomReset', group: 'view', label: 'shortcut.zoomReset', combos: ['0'] },
  { id: 'view.zoomFit', group: 'view', label: 'shortcut.zoomFit', combos: ['shift+1'] },
  { id: 'view.zoomSelection', group: 'view', label: 'shortcut.zoomSelection', combos: ['shift+2'] },
  { id: 'view.wheel', group: 'view', label: 'shortcut.wheel', combos: [], display: ['wheel', 'mod+wheel'] },
  { id: 'view.pan', group: 'view', label: 'shortcut.pan', combos: [], display: ['space+drag', 'wheel-button'] },
  { id: 'view.help', group: 'view', label: 'shortcut.help', combos: ['?'] },
] as const satisfies readonly {
  id: string;
  group: ShortcutGroup;
  label: MessageKey;
  combos: readonly string[];
  display?: readonly string[];
}[];

export type Shortcut = (typeof SHORTCUTS)[number];
export type ShortcutId = Shortcut['id'];

/** The parts of a KeyboardEvent a combo is matched against. */
export type KeyLike = Pick<KeyboardEvent, 'key' | 'code' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>;

/** A combo's parts: `mod+shift+z` → mod, shift, z; the key `+` alone stays whole. */
function comboParts(combo: string): string[] {
  return combo === '+' ? ['+'] : combo.split('+');
}

/** Characters whose Shift state depends on the keyboard layout: Shift is not checked for them. */
const SHIFT_FREE = new Set(['?', '+', '-']);
const BY_CODE: Record<string, string> = { '[': 'BracketLeft', ']': 'BracketRight' };

function keyMatches(key: string, e: KeyLike): boolean {
  if (key === '+') return e.key === '+' || (e.key === '=' && e.code === 'Equal');
  if (key === '-') return e.key === '-' || e.code === 'NumpadSubtract';
  if (key in BY_CODE) return e.code === BY_CODE[key];
  if (/^[0-9]$/.test(key)) return e.code === `Digit${key}` || (!e.shiftKey && e.key === key);
  if (/^[a-z]$/.test(key)) return e.key.toLowerCase() === key || e.code === `Key${key.toUpperCase()}`;
  return e.key.toLowerCase() === key;
}

/** Does the key event match `combo` (e.g. `mod+shift+z`)? */
export function matchCombo(combo: string, e: KeyLike): boolean {
  const parts = comboParts(combo);
  const key = parts[parts.length - 1] ?? '';
  const mods = new Set(parts.slice(0, -1));
  if (mods.has('mod') !== (e.ctrlKey || e.metaKey)) return false;
  if (mods.has('alt') !== e.altKey) return false;
  if (!SHIFT_FREE.has(key) && mods.has('shift') !== e.shiftKey) return false;
  return keyMatches(key, e);
}

/** The shortcut a key event means, if any. */
export function findShortcut(e: KeyLike): Shortcut | null {
  for (const s of SHORTCUTS) if (s.combos.some((c) => matchCombo(c, e))) return s;
  return null;
}

export function isMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}

/** Key names for display ("Ctrl+Shift+Z", "⌘⇧Z" on a Mac). */
export function comboLabel(combo: string, mac: boolean, names: Record<string, string>): string {
  const parts = comboParts(combo);
  const label = (p: string) => {
    if (p === 'mod') return mac ? '⌘' : 'Ctrl';
    if (p === 'shift') return mac ? '⇧' : 'Shift';
    if (p === 'alt') return mac ? '⌥' : 'Alt';
    if (names[p]) return names[p];
    return p.length === 1 ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1);
  };
  return parts.map(label).join(mac ? '' : '+');
}

/** How a shortcut's keys are shown: its display labels, or its combos. */
export function shortcutKeys(s: Shortcut): readonly string[] {
  return 'display' in s ? s.display : s.combos;
}

/**
 * A shortcut of one character key (a letter, digit or sign, Shift allowed): WCAG 2.1.4
 * asks that these can be switched off (issue 12). Arrows, Enter, Delete, Escape and
 * Ctrl/Cmd combinations are not character keys.
 */
export function isCharacterShortcut(s: Shortcut, e: KeyLike): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return false;
  return s.combos.some((c) => {
    const key = comboParts(c).at(-1) ?? '';
    return key.length === 1 && matchCombo(c, e);
  });
}

/** Where this device keeps the choice "character-key shortcuts off" (localStorage). */
export const CHARACTER_KEYS_SETTING = 'veldwerk:characterShortcuts';

const settingListeners = new Set<() => void>();

/** Are the board's character-key shortcuts on for this device (default on)? */
export function characterShortcutsOn(): boolean {
  try {
    return localStorage.getItem(CHARACTER_KEYS_SETTING) !== 'off';
  } catch {
    return true;
  }
}

/** Switches the character-key shortcuts on or off for this device (remembered). */
export function setCharacterShortcutsOn(on: boolean): void {
  try {
    if (on) localStorage.removeItem(CHARACTER_KEYS_SETTING);
    else localStorage.setItem(CHARACTER_KEYS_SETTING, 'off');
  } catch {
    /* storage refused (private mode): the choice lasts this page only */
  }
  for (const l of settingListeners) l();
}

export function subscribeCharacterShortcuts(listener: () => void): () => void {
  settingListeners.add(listener);
  const onStorage = (e: StorageEvent) => e.key === CHARACTER_KEYS_SETTING && listener();
  window.addEventListener('storage', onStorage);
  return () => {
    settingListeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/**
 * Does a key press belong to the board (WCAG 2.1.4, issue 12)? Only when the keyboard
 * focus is inside the board (its canvas, toolbar, tabs), or nowhere at all (the page's
 * body, e.g. after an editor closed) while the person last pointed at or focused the
 * board. Focus on anything else (the sidebar, a dialog) keeps the keys away from it.
 */
export function keysBelongToBoard(root: Element | null, active: Element | null, engaged: boolean): boolean {
  if (!root) return false;
  if (active && active !== document.body && active !== document.documentElement) return root.contains(active);
  return engaged;
}

/**
 * Enter and Space on a button, link, switch or tab are that control's own (its click),
 * also inside the board's toolbar: not a board shortcut nor the hand (issue 12).
 */
export function isControlKey(target: EventTarget | null, key: string): boolean {
  if (key !== 'Enter' && key !== ' ') return false;
  return (
    target instanceof Element &&
    target.closest('button, a[href], summary, [role="button"], [role="switch"], [role="tab"], [role="menuitem"]') !==
      null
  );
}
