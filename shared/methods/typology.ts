/**
 * Typology of actors from two judgements: agreement on content (`inhoud`, -1..1) and
 * trust in the relationship (`vertrouwen`, 0..1). The six types are the ones
 * facilitators use with a krachtenveld (DOMAIN.md); the approaches are our own words.
 */
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

export const TYPE_TEXTS: Record<'nl' | 'en', Record<ActorType, TypeDescription>> = {
  nl: {
    bondgenoot: {
      label: 'Bondgenoot',
      meaning: 'Eens over de inhoud en een relatie met vertrouwen.',
      approach: 'Betrek als trekker of ambassadeur; vraag om mee te beslissen en deel successen samen.',
    },
    coalitiepartner: {
      label: 'Coalitiepartner',
      meaning: 'Eens over de inhoud, zakelijk vertrouwen.',
      approach:
        'Maak heldere afspraken over rollen en bijdragen; bouw vertrouwen op met kleine gezamenlijke successen.',
    },
    opponent: {
      label: 'Opponent',
      meaning: 'Oneens over de inhoud, maar er is vertrouwen.',
      approach:
        'Ga het inhoudelijke gesprek aan: zoek het gedeelde belang en gebruik de kritiek om het plan sterker te maken.',
    },
    tegenstander: {
      label: 'Tegenstander',
      meaning: 'Oneens over de inhoud en geen vertrouwen.',
      approach: 'Houd op de hoogte en anticipeer op bezwaren; investeer alleen waar het nodig is voor het doel.',
    },
    twijfelaar: {
      label: 'Twijfelaar',
      meaning: 'Nog geen standpunt, vaak te weinig betrokken.',
      approach: 'Informeer en enthousiasmeer: laat zien wat het hen oplevert en nodig uit om mee te denken.',
    },
    opportunist: {
      label: 'Opportunist',
      meaning: 'Standpunt onduidelijk, houdt opties open.',
      approach: 'Vraag om een duidelijke keuze en leg afspraken vast; maak het doel niet afhankelijk van deze partij.',
    },
  },
  en: {
    bondgenoot: {
      label: 'Ally',
      meaning: 'Agrees on content and there is trust.',
      approach: 'Involve as a lead or ambassador; invite to co-decide and share successes together.',
    },
    coalitiepartner: {
      label: 'Coalition partner',
      meaning: 'Agrees on content; business-like trust.',
      approach: 'Agree clearly on roles and contributions; build trust through small joint successes.',
    },
    opponent: {
      label: 'Opponent',
      meaning: 'Disagrees on content, but there is trust.',
      approach: 'Discuss the content: look for the shared interest and use the criticism to make the plan stronger.',
    },
    tegenstander: {
      label: 'Adversary',
      meaning: 'Disagrees on content and there is no trust.',
      approach: 'Keep informed and anticipate objections; invest only where the goal requires it.',
    },
    twijfelaar: {
      label: 'Fence-sitter',
      meaning: 'No position yet, often too little involvement.',
      approach: 'Inform and enthuse: show what it brings them and invite them to think along.',
    },
    opportunist: {
      label: 'Opportunist',
      meaning: 'Position unclear, keeps options open.',
      approach: 'Ask for a clear choice and record agreements; do not make the goal depend on this party.',
    },
  },
};
