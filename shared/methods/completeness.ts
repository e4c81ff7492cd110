/**
 * "Hebben we iedereen?" (seed 003): does the field hold decision makers, implementers,
 * funders/suppliers and users, at every level? Start with 3 to 5 organisations.
 */
import { LEVELS, ROLE_CATEGORIES } from '../model/board/actorSchema.ts';
import type { ActorFields } from '../model/board/actorSchema.ts';

export interface Completeness {
  byCategory: Record<(typeof ROLE_CATEGORIES)[number], number>;
  byLevel: Record<(typeof LEVELS)[number], number>;
  /** Actors without a category or level yet. */
  unclassified: number;
  missingCategories: (typeof ROLE_CATEGORIES)[number][];
  missingLevels: (typeof LEVELS)[number][];
  /** Distinct organisations named (case-insensitive). */
  organisations: number;
  /** The seed's tip: start with 3 to 5 organisations. */
  organisationHint: 'te-weinig' | 'goed' | 'veel';
}

export function completeness(
  actors: readonly Pick<ActorFields, 'category' | 'level' | 'organisation' | 'name'>[],
): Completeness {
  const byCategory = Object.fromEntries(ROLE_CATEGORIES.map((c) => [c, 0])) as Completeness['byCategory'];
  const byLevel = Object.fromEntries(LEVELS.map((l) => [l, 0])) as Completeness['byLevel'];
  let unclassified = 0;
  const orgs = new Set<string>();
  for (const a of actors) {
    if (a.category) byCategory[a.category]++;
    if (a.level) byLevel[a.level]++;
    if (!a.category || !a.level) unclassified++;
    const org = (a.organisation || a.name).trim().toLowerCase();
    if (org) orgs.add(org);
  }
  const organisations = orgs.size;
  return {
    byCategory,
    byLevel,
    unclassified,
    missingCategories: ROLE_CATEGORIES.filter((c) => byCategory[c] === 0),
    missingLevels: LEVELS.filter((l) => byLevel[l] === 0),
    organisations,
    organisationHint: organisations < 3 ? 'te-weinig' : organisations <= 5 ? 'goed' : 'veel',
  };
}
