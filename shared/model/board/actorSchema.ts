/**
 * Actors (partners, stakeholders) of a board and what is recorded about them: one
 * record each, shown in every view (krachtenveld, forces, 3 B's, network, typology).
 * Words are the users' own (docs/domain.md, "Methods"): `beslisser`, `strategisch`, `meedenken`...
 *
 * Board doc layout (next to `items`):
 *   actors:    Y.Map<actorId, Y.Map>  plain fields below + Y.Text for the 3 B's and notes
 *   relations: Y.Map<relationId, Y.Map>  who works with whom (network view)
 *   forces:    Y.Map<forceId, Y.Map>     positive and negative forces (forces view)
 *   settings:  Y.Map  axis names, colour mode, the goal, network ring mode, individual round on/off
 *   roundAssignments: Y.Map<participantId, {actorId, name}>  who fills in which actor (round.ts)
 */
import { z } from 'zod';
import { ItemId } from './schema.ts';

export const ROLE_CATEGORIES = ['beslisser', 'uitvoerder', 'financier', 'gebruiker'] as const;
export const LEVELS = ['strategisch', 'tactisch', 'uitvoerend'] as const;
export const SCOPES = ['intern', 'extern'] as const;
export const RELATIONS = ['partner', 'potentieel', 'opponent'] as const;
export const FREQUENCIES = ['regelmatig', 'zelden', 'nooit'] as const;
export const PARTICIPATION = ['meeweten', 'meedenken', 'meedoen', 'meebeslissen'] as const;
/** Collaborative text fields of an actor (Y.Text: several people type at once). */
export const ACTOR_TEXT_FIELDS = ['bedoeling', 'belang', 'bijdrage', 'notities'] as const;
export type ActorTextField = (typeof ACTOR_TEXT_FIELDS)[number];

export const ACTOR_COLORS = [
  '#0e5a63',
  '#b42318',
  '#b54708',
  '#2e7d32',
  '#5b3cc4',
  '#1f6feb',
  '#9e3a8c',
  '#5f6b7a',
] as const;

const unit = z.number().finite().min(0).max(1);
const signedUnit = z.number().finite().min(-1).max(1);
const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values).nullable().catch(null);

/** The plain (non-text) fields of an actor. Unknown or broken values fall back to "not set". */
export const ActorFields = z.object({
  id: ItemId,
  name: z.string().max(200).catch(''),
  organisation: z.string().max(200).catch(''),
  category: optionalEnum(ROLE_CATEGORIES),
  level: optionalEnum(LEVELS),
  scope: optionalEnum(SCOPES),
  relation: optionalEnum(RELATIONS),
  frequency: optionalEnum(FREQUENCIES),
  participation: optionalEnum(PARTICIPATION),
  color: z.enum(ACTOR_COLORS).catch(ACTOR_COLORS[0]),
  /** Krachtenveld x: attitude towards the goal, -1 (against) to 1 (in favour); null = not placed. */
  houding: signedUnit.nullable().catch(null),
  /** Krachtenveld y: influence, 0 (low) to 1 (high); null = not placed. */
  invloed: unit.nullable().catch(null),
  /** Krachtenveld marker size: interest/involvement, 0 (small) to 1 (large). */
  betrokkenheid: unit.catch(0.5),
  /** Typology: agreement on content, -1 to 1; null = not judged yet. */
  inhoud: signedUnit.nullable().catch(null),
  /** Typology: trust in the relationship, 0 to 1; null = not judged yet. */
  vertrouwen: unit.nullable().catch(null),
  /** Network view: angle (radians) of the actor on its ring. */
  netHoek: z.number().finite().nullable().catch(null),
  /** Display order in lists. */
  order: z.number().finite().catch(0),
});
export type ActorFields = z.infer<typeof ActorFields>;

export type Actor = ActorFields & Record<ActorTextField, string>;

/** What a write may set: strict (a value out of range is refused, not repaired). */
export const ActorPatch = z
  .object({
    name: z.string().max(200),
    organisation: z.string().max(200),
    category: z.enum(ROLE_CATEGORIES).nullable(),
    level: z.enum(LEVELS).nullable(),
    scope: z.enum(SCOPES).nullable(),
    relation: z.enum(RELATIONS).nullable(),
    frequency: z.enum(FREQUENCIES).nullable(),
    participation: z.enum(PARTICIPATION).nullable(),
    color: z.enum(ACTOR_COLORS),
    houding: signedUnit.nullable(),
    invloed: unit.nullable(),
    betrokkenheid: unit,
    inhoud: signedUnit.nullable(),
    vertrouwen: unit.nullable(),
    netHoek: z.number().finite().nullable(),
  })
  .partial();
export type ActorPatch = z.infer<typeof ActorPatch>;

export const RELATION_TYPES = ['samenwerking', 'afhankelijkheid', 'spanning'] as const;
export const RelationRecord = z.object({
  id: ItemId,
  from: ItemId,
  to: ItemId,
  type: z.enum(RELATION_TYPES).catch('samenwerking'),
  label: z.string().max(200).catch(''),
});
export type RelationRecord = z.infer<typeof RelationRecord>;

export const FORCE_SIDES = ['bevorderend', 'belemmerend'] as const;
export const ForceRecord = z.object({
  id: ItemId,
  side: z.enum(FORCE_SIDES),
  text: z.string().max(1000).catch(''),
  strength: z.number().int().min(1).max(5).catch(3),
  actorId: ItemId.nullable().catch(null),
  order: z.number().finite().catch(0),
});
export type ForceRecord = z.infer<typeof ForceRecord>;

const AxisLabels = z.object({
  name: z.string().max(60),
  low: z.string().max(60),
  high: z.string().max(60),
});
export type AxisLabels = z.infer<typeof AxisLabels>;

export const DEFAULT_AXES = {
  houding: { name: 'Houding', low: 'Tegen', high: 'Voor' },
  invloed: { name: 'Invloed', low: 'Weinig invloed', high: 'Veel invloed' },
  betrokkenheid: { name: 'Belang', low: 'Klein belang', high: 'Groot belang' },
} as const satisfies Record<string, AxisLabels>;

export const BoardSettings = z.object({
  axes: z
    .object({
      houding: AxisLabels.catch(DEFAULT_AXES.houding),
      invloed: AxisLabels.catch(DEFAULT_AXES.invloed),
      betrokkenheid: AxisLabels.catch(DEFAULT_AXES.betrokkenheid),
    })
    .catch(DEFAULT_AXES),
  colorBy: z.enum(['category', 'relation']).catch('category'),
  /** The goal or issue (`doel`/`vraagstuk`) in the middle of the forces and network views. */
  goal: z.string().max(300).catch(''),
  networkRings: z.enum(['participation', 'relation']).catch('participation'),
  /** The individual round of the 3 B's is on: each participant fills in one actor (see round.ts). */
  individualRound: z.boolean().catch(false),
});
export type BoardSettings = z.infer<typeof BoardSettings>;
