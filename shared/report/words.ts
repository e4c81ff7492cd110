/**
 * The krachtenveld in words for the verslag (issue 15): an actor's place on the three
 * axes with the board's own axis names ("veel invloed, houding voor, groot belang"), and
 * the spread between groups as Vergelijken says it ("groot verschil (0,80)").
 */
import { levelOf, spreadSize, type AxisLevel, type CompareAxis } from '../methods/compare.ts';
import { displayAxes } from '../methods/labels.ts';
import type { AxisLabels, BoardSettings } from '../model/board/actorSchema.ts';
import { formatNumber } from '../i18n/format.ts';
import { translate } from '../i18n/messages.ts';
import type { ReportLang, ReportTextKey } from './texts.ts';

export interface Placed {
  houding: number | null;
  invloed: number | null;
  betrokkenheid: number;
}

const MID: Record<CompareAxis, ReportTextKey> = {
  houding: 'midHouding',
  invloed: 'midInvloed',
  betrokkenheid: 'midBelang',
};

/** One axis in words: the axis's own end label when it names the axis ("Veel invloed"), else name + label ("houding voor"). */
export function axisWord(lang: ReportLang, axis: CompareAxis, labels: AxisLabels, level: AxisLevel): string {
  const name = labels.name.trim().toLowerCase();
  if (level === 'mid') return `${name} ${translate(lang, `report.${MID[axis]}`)}`;
  const label = (level === 'high' ? labels.high : labels.low).trim().toLowerCase();
  return label.includes(name) ? label : `${name} ${label}`;
}

/**
 * The place on the three axes in words, in the board's names: influence, attitude,
 * interest; with `numbers`, each followed by its value. Null when not placed.
 */
export function placeInWords(lang: ReportLang, axes: BoardSettings['axes'], a: Placed, numbers = false): string | null {
  if (a.houding === null || a.invloed === null) return null;
  const shown = displayAxes(axes, lang);
  const values: [CompareAxis, number][] = [
    ['invloed', a.invloed],
    ['houding', a.houding],
    ['betrokkenheid', a.betrokkenheid],
  ];
  return values
    .map(([axis, v]) => {
      const w = axisWord(lang, axis, shown[axis], levelOf(axis, v));
      // A minus sign, not a hyphen: no line break between it and the number.
      return numbers ? `${w} (${formatNumber(lang, v, 1).replace('-', '\u2212')})` : w;
    })
    .join(', ');
}

const SPREAD_KEY = { big: 'spreadBig', some: 'spreadSome', small: 'spreadSmall' } as const;

/** "groot verschil (0,80)": the words Vergelijken shows, with the number. */
export function spreadInWords(lang: ReportLang, spread: number): string {
  return `${translate(lang, `report.${SPREAD_KEY[spreadSize(spread)]}`)} (${formatNumber(lang, spread, 2)})`;
}
