/** Small formatting helpers of taking part: the mean as the report writes it, API errors in words. */
import { formatNumber, formatTime as formatClock } from '../../../../shared/i18n/format.ts';
import type { Lang } from '../../base/i18n/useT.ts';
import { ApiRequestError } from '../../base/api/client.ts';
import type { PT } from './i18n.ts';

/** One decimal, with a Dutch comma in Dutch: 7,8 (seed 003), 7.8 in English. */
export function formatMean(mean: number, lang: Lang): string {
  return formatNumber(lang, mean, 1);
}

/** A clock time (14:05) in the app's language. */
export function formatTime(ms: number, lang: Lang): string {
  return formatClock(lang, ms);
}

/** What went wrong with an API call, said so a participant knows what to do. */
export function apiErrorText(t: PT, err: unknown, votesPerPerson = 0): string {
  if (err instanceof ApiRequestError) {
    if (err.code === 'no_votes_left') return t('err.no_votes_left', { n: votesPerPerson });
    if (err.code === 'round_closed') return t('err.round_closed');
    if (err.code === 'network') return t('err.network');
    return t('err.other', { message: err.message });
  }
  return t('err.other', { message: err instanceof Error ? err.message : String(err) });
}
