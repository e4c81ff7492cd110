/**
 * Colours and labels of the actors' fields. Colours are chosen to stay apart on a
 * projector and for the common colour-vision deficiencies (shape and text carry the
 * meaning too: legends, labels, line styles).
 */
import type { RELATION_TYPES } from '../../../shared/model/board/actorSchema.ts';
import {
  FREQUENCIES,
  LEVELS,
  PARTICIPATION,
  RELATIONS,
  ROLE_CATEGORIES,
  SCOPES,
  type Actor,
  type BoardSettings,
} from '../../../shared/model/board/actorSchema.ts';
import type { MethodsKey } from './i18n.ts';

export type RoleCategory = (typeof ROLE_CATEGORIES)[number];
export type Relation = (typeof RELATIONS)[number];
export type RelationType = (typeof RELATION_TYPES)[number];
export type Participation = (typeof PARTICIPATION)[number];

export const CATEGORY_COLORS: Record<RoleCategory, string> = {
  beslisser: '#6a3fb5',
  uitvoerder: '#1f6feb',
  financier: '#c2570c',
  gebruiker: '#2e7d32',
};

export const RELATION_COLORS: Record<Relation, string> = {
  partner: '#2e7d32',
  potentieel: '#b7791f',
  opponent: '#b42318',
};

export const RELATION_TYPE_STYLE: Record<RelationType, { color: string; dash: number[] | null; arrow: boolean }> = {
  samenwerking: { color: '#2e7d32', dash: null, arrow: false },
  afhankelijkheid: { color: '#1f5fbf', dash: [12, 7], arrow: true },
  spanning: { color: '#b42318', dash: [3, 6], arrow: false },
};

/** The colour of an actor in the views: by role or relation (board setting), else its own colour. */
export function actorFill(
  actor: Pick<Actor, 'category' | 'relation' | 'color'>,
  colorBy: BoardSettings['colorBy'],
): string {
  if (colorBy === 'relation') return actor.relation ? RELATION_COLORS[actor.relation] : actor.color;
  return actor.category ? CATEGORY_COLORS[actor.category] : actor.color;
}

/** The enumerated fields of an actor, their values and the i18n key of each value. */
export const ENUM_FIELDS = {
  category: { values: ROLE_CATEGORIES, key: (v: string) => `cat.${v}` as MethodsKey, label: 'field.category' },
  level: { values: LEVELS, key: (v: string) => `level.${v}` as MethodsKey, label: 'field.level' },
  scope: { values: SCOPES, key: (v: string) => `scope.${v}` as MethodsKey, label: 'field.scope' },
  relation: { values: RELATIONS, key: (v: string) => `rel.${v}` as MethodsKey, label: 'field.relation' },
  frequency: { values: FREQUENCIES, key: (v: string) => `freq.${v}` as MethodsKey, label: 'field.frequency' },
  participation: {
    values: PARTICIPATION,
    key: (v: string) => `part.${v}` as MethodsKey,
    label: 'field.participation',
  },
} as const satisfies Record<string, { values: readonly string[]; key: (v: string) => MethodsKey; label: MethodsKey }>;

export type EnumField = keyof typeof ENUM_FIELDS;
export const ENUM_FIELD_NAMES = Object.keys(ENUM_FIELDS) as EnumField[];
