/**
 * The method data a drawing is made from, checked again with the model's own schemas:
 * a snapshot from `readMethods` passes unchanged, anything else (an export built by
 * hand, an old report) is repaired or skipped, never drawn half.
 */
import {
  ACTOR_TEXT_FIELDS,
  ActorFields,
  BoardSettings,
  ForceRecord,
  RelationRecord,
  type Actor,
  type ActorTextField,
} from '../../model/board/actorSchema.ts';
import type { MethodsSnapshot } from '../../model/board/actors.ts';

/** What the drawings read of a board's method data (a `readMethods` snapshot will do). */
export type MethodsInput = Pick<MethodsSnapshot, 'actors' | 'relations' | 'forces' | 'settings'>;

export interface CleanMethods {
  actors: Actor[];
  actorsById: ReadonlyMap<string, Actor>;
  relations: RelationRecord[];
  forces: ForceRecord[];
  settings: BoardSettings;
}

const list = <T>(value: unknown): readonly T[] => (Array.isArray(value) ? (value as T[]) : []);

export function cleanMethods(input: Partial<MethodsInput> | null | undefined): CleanMethods {
  const actors: Actor[] = [];
  const seen = new Set<string>();
  for (const raw of list<Actor>(input?.actors)) {
    const parsed = ActorFields.safeParse(raw);
    if (!parsed.success || seen.has(parsed.data.id)) continue;
    seen.add(parsed.data.id);
    const texts = {} as Record<ActorTextField, string>;
    for (const f of ACTOR_TEXT_FIELDS) texts[f] = typeof raw[f] === 'string' ? raw[f] : '';
    actors.push({ ...parsed.data, ...texts });
  }
  const actorsById = new Map(actors.map((a) => [a.id, a]));
  const relations = list<RelationRecord>(input?.relations).flatMap((raw) => {
    const r = RelationRecord.safeParse(raw);
    return r.success && actorsById.has(r.data.from) && actorsById.has(r.data.to) && r.data.from !== r.data.to
      ? [r.data]
      : [];
  });
  const forces = list<ForceRecord>(input?.forces).flatMap((raw) => {
    const f = ForceRecord.safeParse(raw);
    if (!f.success) return [];
    return [f.data.actorId && !actorsById.has(f.data.actorId) ? { ...f.data, actorId: null } : f.data];
  });
  const settings = BoardSettings.safeParse(input?.settings ?? {});
  return {
    actors,
    actorsById,
    relations,
    forces,
    settings: settings.success ? settings.data : BoardSettings.parse({}),
  };
}
