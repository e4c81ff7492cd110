/**
 * The UI language (Dutch by default, English on request), remembered on the device,
 * and `useT()` to translate a key with `{placeholder}` values.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { en } from './en.ts';
import { nl, type MessageKey, type Messages } from './nl.ts';

export type Lang = 'nl' | 'en';
export type { MessageKey };
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const STORAGE_KEY = 'veldwerk:lang';
const MESSAGES: Record<Lang, Messages> = { nl, en };
const listeners = new Set<() => void>();

function readStoredLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

let current: Lang = readStoredLang();
document.documentElement.lang = current;

export function getLang(): Lang {
  return current;
}

export function setLang(lang: Lang): void {
  if (lang === current) return;
  current = lang;
  document.documentElement.lang = lang;
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Fills `{name}` placeholders; unknown placeholders stay visible so they get noticed. */
export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const text = MESSAGES[lang][key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function useLang(): Lang {
  return useSyncExternalStore(subscribe, getLang);
}

/** Returns `t(key, vars)` for the current language; components re-render when it changes. */
export function useT(): Translate {
  const lang = useLang();
  return useCallback((key, vars) => translate(lang, key, vars), [lang]);
}
