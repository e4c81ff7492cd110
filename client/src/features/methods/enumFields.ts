/**
 * The actors' enumerated fields with the i18n key of each value (the card, the table and
 * the selects); their colours live in `shared/methods/palette.ts`.
 */
import {
  FREQUENCIES,
  LEVELS,
  PARTICIPATION,
  RELATIONS,
  ROLE_CATEGORIES,
  SCOPES,
} from '../../../../shared/model/board/actorSchema.ts';
import type { MethodsKey } from './i18n.ts';

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
