/**
 * A part of the UI with its own texts (so parts grow without clashing in nl.ts):
 * `const useXT = textsHook(nl, en)` where `en` must have every key of `nl`. Dutch is
 * the source, in the users' own words; the language is the app's (`useLang`).
 */
import { useCallback } from 'react';
import { useLang, type Lang } from './useT.ts';

export type TextVars = Record<string, string | number>;

export function fillVars(text: string, vars?: TextVars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

export function textsHook<K extends string>(nl: Record<K, string>, en: Record<K, string>) {
  const texts: Record<Lang, Record<K, string>> = { nl, en };
  const translate = (lang: Lang, key: K, vars?: TextVars) => fillVars(texts[lang][key], vars);
  function useTexts(): (key: K, vars?: TextVars) => string {
    const lang = useLang();
    return useCallback((key: K, vars?: TextVars) => translate(lang, key, vars), [lang]);
  }
  return Object.assign(useTexts, { translate });
}
