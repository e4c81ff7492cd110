/**
 * Dates, times and numbers as each language writes them, through `Intl`, always in
 * the meetings' own time zone (Europe/Amsterdam): a verslag or a "created at" shows the
 * day the people in the room had, wherever the server or the browser runs (issue 12).
 */
import { LOCALES, type Lang } from './lang.ts';

export const TIME_ZONE = 'Europe/Amsterdam';

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function dateFormat(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${lang}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALES[lang], { timeZone: TIME_ZONE, ...options });
    cache.set(key, f);
  }
  return f;
}

function numberFormat(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${lang}|${JSON.stringify(options)}`;
  let f = cache.get(key) as Intl.NumberFormat | undefined;
  if (!f) {
    f = new Intl.NumberFormat(LOCALES[lang], options);
    cache.set(key, f);
  }
  return f;
}

/** "22 november 2026" / "22 November 2026". */
export function formatDate(lang: Lang, ms: number): string {
  return dateFormat(lang, { day: 'numeric', month: 'long', year: 'numeric' }).format(ms);
}

/** "22 november 2026 om 14:05" / "22 November 2026 at 14:05". */
export function formatDateTime(lang: Lang, ms: number): string {
  return dateFormat(lang, { dateStyle: 'long', timeStyle: 'short' }).format(ms);
}

/** A short date and time for lists: "22 nov, 14:05" / "22 Nov, 14:05". */
export function formatShortDateTime(lang: Lang, ms: number): string {
  return dateFormat(lang, {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(ms);
}

/** A clock time, "14:05", or "14:05:30" with `seconds`. */
export function formatTime(lang: Lang, ms: number, seconds = false): string {
  return dateFormat(lang, {
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23',
  }).format(ms);
}

/** The day in Europe/Amsterdam as "2026-11-22", for file names (the same in every language). */
export function isoDay(ms: number): string {
  const parts = dateFormat('en', { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(ms);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** A whole or decimal number: 1.250 and 7,8 in Dutch, 1,250 and 7.8 in English. */
export function formatNumber(lang: Lang, n: number, digits?: number): string {
  const options: Intl.NumberFormatOptions =
    digits === undefined
      ? { maximumFractionDigits: 2 }
      : { minimumFractionDigits: digits, maximumFractionDigits: digits };
  return numberFormat(lang, options).format(n);
}
