/**
 * The meeting's evaluation: grades 1 to 10, summarised as the report states it
 * (seed 003: "7,8 (spreiding 6 - 9)"): n, mean, spread as min-max, distribution.
 */
import { formatNumber } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { translateIn } from '../i18n/texts.ts';
import { methodLabels } from './labels.ts';

export interface EvaluationSummary {
  n: number;
  /** Mean, rounded to one decimal; null without grades. */
  mean: number | null;
  min: number | null;
  max: number | null;
  /** Count per grade: index 0 is grade 1, index 9 grade 10. */
  distribution: number[];
}

export function summarizeGrades(grades: readonly number[]): EvaluationSummary {
  const valid = grades.filter((g) => Number.isInteger(g) && g >= 1 && g <= 10);
  const distribution = new Array<number>(10).fill(0);
  for (const g of valid) distribution[g - 1]!++;
  if (!valid.length) return { n: 0, mean: null, min: null, max: null, distribution };
  const mean = Math.round((valid.reduce((a, b) => a + b, 0) / valid.length) * 10) / 10;
  return { n: valid.length, mean, min: Math.min(...valid), max: Math.max(...valid), distribution };
}

/** "7,8 (spreiding 6 - 9)" in Dutch, "7.8 (spread 6 - 9)" in English. */
export function formatEvaluation(s: EvaluationSummary, lang: Lang): string {
  if (s.mean === null) return translateIn(methodLabels, lang, 'evaluation.none');
  return translateIn(methodLabels, lang, 'evaluation.summary', {
    mean: formatNumber(lang, s.mean, 1),
    min: s.min ?? '',
    max: s.max ?? '',
  });
}
