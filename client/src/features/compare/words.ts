/**
 * The comparison in words and colours: per axis which group placed an actor where
 * ("Invloed: Groep 1 hoog, Groep 2 laag"), how large a spread is, and one colour per
 * group that stays apart on a projector (the group's number is in its dots too).
 */
import type { AxisDifference } from '../../../../shared/methods/compare.ts';
import type { TextVars } from '../../../../shared/i18n/texts.ts';
import type { CompareKey } from './i18n.ts';

type T = (key: CompareKey, vars?: TextVars) => string;

export const GROUP_COLORS = [
  '#1f6feb',
  '#d9480f',
  '#2b8a3e',
  '#9c36b5',
  '#c2255c',
  '#0b7285',
  '#b08800',
  '#495057',
  '#5f3dc4',
  '#8d5524',
] as const;

export const groupColor = (index: number): string => GROUP_COLORS[index % GROUP_COLORS.length]!;

/** "Invloed: Groep 1 hoog, Groep 2 laag"; when all sit in the same third: "hoger" / "lager". */
export function describeAxis(d: AxisDifference, axisName: string, t: T): string {
  const same = d.placements.every((p) => p.level === d.placements[0]?.level);
  const last = d.placements.length - 1;
  const parts = d.placements.map((p, i) => {
    const word =
      same && i === 0
        ? t(`axis.${d.axis}.more`)
        : same && i === last
          ? t(`axis.${d.axis}.less`)
          : t(`axis.${d.axis}.${p.level}`);
    return `${p.group} ${word}`;
  });
  return `${axisName}: ${parts.join(', ')}`;
}

export { spreadSize, type SpreadSize } from '../../../../shared/methods/compare.ts';

/** Quadrant of a place, for "was: Sceptici". */
export function quadrantOf(houding: number, invloed: number): 'tr' | 'tl' | 'br' | 'bl' {
  return invloed >= 0.5 ? (houding >= 0 ? 'tr' : 'tl') : houding >= 0 ? 'br' : 'bl';
}
