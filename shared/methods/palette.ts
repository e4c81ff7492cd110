/**
 * Colours of the method views, shared by the app's charts and the SVG drawings of the
 * report, so both look the same. Colours are chosen to stay apart on a projector and
 * for the common colour-vision deficiencies (shape and text carry the meaning too:
 * legends, labels, line styles).
 */
import type { RELATION_TYPES } from '../model/board/actorSchema.ts';
import type { PARTICIPATION, RELATIONS, ROLE_CATEGORIES, Actor, BoardSettings } from '../model/board/actorSchema.ts';
import type { ActorType } from './typology.ts';

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

/** The typology chart's zones: label colour and tint per type. */
export const TYPE_COLORS: Record<ActorType, { ink: string; fill: string }> = {
  bondgenoot: { ink: '#1f6b2a', fill: '#e5f2e7' },
  coalitiepartner: { ink: '#1d5bb8', fill: '#e6eefb' },
  opponent: { ink: '#8a5a00', fill: '#fbf1dc' },
  tegenstander: { ink: '#a3241b', fill: '#fbe9e7' },
  twijfelaar: { ink: '#4b5b62', fill: '#eef0ee' },
  opportunist: { ink: '#8a2f7d', fill: '#f6e8f3' },
};

/** The colour of an actor in the views: by role or relation (board setting), else its own colour. */
export function actorFill(
  actor: Pick<Actor, 'category' | 'relation' | 'color'>,
  colorBy: BoardSettings['colorBy'],
): string {
  if (colorBy === 'relation') return actor.relation ? RELATION_COLORS[actor.relation] : actor.color;
  return actor.category ? CATEGORY_COLORS[actor.category] : actor.color;
}
