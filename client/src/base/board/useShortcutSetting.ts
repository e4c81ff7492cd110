/** The device's choice "character-key shortcuts on or off" (WCAG 2.1.4, issue 12) for React. */
import { useSyncExternalStore } from 'react';
import { characterShortcutsOn, subscribeCharacterShortcuts } from './shortcuts.ts';

export function useCharacterShortcuts(): boolean {
  return useSyncExternalStore(subscribeCharacterShortcuts, characterShortcutsOn, () => true);
}
