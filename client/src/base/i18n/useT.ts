/**
 * The UI language (Dutch by default, English on request), remembered on the device, and
 * `useT()`: the one hook that turns a key into words (issue 12). `useT()` speaks the
 * app's core texts (`nl.ts`, `en.ts`); `useT(phoneTexts)` a part's own namespace (its
 * `i18n.ts`, loaded with that part). Both give the same translator: `t(key, vars)` with
 * plurals on `vars.count`, `t.name(stored)` for the names the app makes, `t.date`,
 * `t.dateTime`, `t.time` and `t.number` through `Intl` in Europe/Amsterdam, and `t.lang`.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { showName } from '../../../../shared/i18n/appNames.ts';
import { formatDate, formatDateTime, formatNumber, formatTime } from '../../../../shared/i18n/format.ts';
import type { Lang } from '../../../../shared/i18n/lang.ts';
import { translateIn, type Dictionary, type Texts, type TextVars } from '../../../../shared/i18n/texts.ts';
import { coreTexts, type MessageKey } from './core.ts';

export type { Lang, MessageKey };

/** Words in the current language, from one namespace. */
export interface Translator<K extends string> {
  (key: K, vars?: TextVars): string;
  readonly lang: Lang;
  /** A stored name as shown: the app's own default ("Plenair", "Groep 1") translated, a typed one as typed. */
  name(stored: string): string;
  /** "16 januari 2026". */
  date(ms: number): string;
  /** "16 januari 2026 om 14:05". */
  dateTime(ms: number): string;
  /** "14:05", or "14:05:30" with `seconds`. */
  time(ms: number, seconds?: boolean): string;
  /** 7,8 / 7.8; `digits` fixed decimals. */
  number(n: number, digits?: number): string;
}

/** The core texts' translator (kept as a type for components that pass `t` on). */
export type Translate = Translator<MessageKey>;

const STORAGE_KEY = 'veldwerk:lang';
const listeners = new Set<() => void>();

function readStoredLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'nl';
  } catch {
    return 'nl';
  }
}

let current: Lang = readStoredLang();
// Outside a browser (unit tests) there is no document to mark.
if (typeof document !== 'undefined') document.documentElement.lang = current;

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

export function useLang(): Lang {
  return useSyncExternalStore(subscribe, getLang);
}

/** A translator for `texts` in `lang`, for code outside components (an export, a title). */
export function translator<N extends Dictionary>(texts: Texts<N>, lang: Lang): Translator<keyof N & string> {
  const t = (key: keyof N & string, vars?: TextVars) => translateIn(texts, lang, key, vars);
  const members = {
    lang,
    name: (stored: string) => showName(lang, stored),
    date: (ms: number) => formatDate(lang, ms),
    dateTime: (ms: number) => formatDateTime(lang, ms),
    time: (ms: number, seconds?: boolean) => formatTime(lang, ms, seconds),
    number: (n: number, digits?: number) => formatNumber(lang, n, digits),
  };
  // defineProperty, not Object.assign: a function's own `name` is read-only (but configurable).
  for (const [k, value] of Object.entries(members)) Object.defineProperty(t, k, { value, enumerable: true });
  return t as Translator<keyof N & string>;
}

/** A core text in `lang` (outside components). */
export function translate(lang: Lang, key: MessageKey, vars?: TextVars): string {
  return translateIn(coreTexts, lang, key, vars);
}

/** The translator of the core texts, or of a part's namespace; components re-render when the language changes. */
export function useT(): Translator<MessageKey>;
export function useT<N extends Dictionary>(texts: Texts<N>): Translator<keyof N & string>;
export function useT(texts: Texts<Dictionary> = coreTexts): Translator<string> {
  const lang = useLang();
  return useMemo(() => translator(texts, lang), [texts, lang]);
}
