/**
 * Typology of actors from two judgements: agreement on content (`inhoud`, -1..1) and
 * trust in the relationship (`vertrouwen`, 0..1). The six types are the ones
 * facilitators use with a krachtenveld (docs/domain.md, "Methods"); the approaches are our own words.
 */
import type { Lang } from '../i18n/lang.ts';
import { methodLabels } from './labels.ts';

export const ACTOR_TYPES = [
  'bondgenoot',
  'coalitiepartner',
  'opponent',
  'tegenstander',
  'twijfelaar',
  'opportunist',
] as const;
export type ActorType = (typeof ACTOR_TYPES)[number];

/** Agreement beyond this (either way) counts as a clear position. */
export const AGREEMENT_THRESHOLD = 1 / 3;
/** Trust from here up counts as trust in the relationship. */
export const TRUST_THRESHOLD = 0.5;

/** The type for two judgements; `null` while either is not given. */
export function classifyActor(inhoud: number | null, vertrouwen: number | null): ActorType | null {
  if (inhoud === null || vertrouwen === null || !Number.isFinite(inhoud) || !Number.isFinite(vertrouwen)) return null;
  const trusted = vertrouwen >= TRUST_THRESHOLD;
  if (inhoud >= AGREEMENT_THRESHOLD) return trusted ? 'bondgenoot' : 'coalitiepartner';
  if (inhoud <= -AGREEMENT_THRESHOLD) return trusted ? 'opponent' : 'tegenstander';
  return trusted ? 'twijfelaar' : 'opportunist';
}

export interface TypeDescription {
  label: string;
  /** What the type means, one line. */
  meaning: string;
  /** Suggested approach (`benaderingsstrategie`), one or two lines. */
  approach: string;
}

/** The types' words (the `methods` namespace, `shared/methods/labels.ts`), per language. */
export const TYPE_TEXTS: Record<Lang, Record<ActorType, TypeDescription>> = {
  nl: typeTexts('nl'),
  en: typeTexts('en'),
};

function typeTexts(lang: Lang): Record<ActorType, TypeDescription> {
  const texts = methodLabels[lang];
  return Object.fromEntries(
    ACTOR_TYPES.map((type) => [
      type,
      {
        label: texts[`type.${type}.label`],
        meaning: texts[`type.${type}.meaning`],
        approach: texts[`type.${type}.approach`],
      },
    ]),
  ) as Record<ActorType, TypeDescription>;
}
