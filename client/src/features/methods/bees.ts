/** Shared by the 3 B's table and the individual round. */
import type { Actor } from '../../../../shared/model/board/actorSchema.ts';
import { useMethods, type Person, type WorkspaceData } from './context.ts';

/** The three B's, in the order of the method: bedoeling, belang, bijdrage. */
export const B_FIELDS = ['bedoeling', 'belang', 'bijdrage'] as const;

/** How many of an actor's 3 B's have text. */
export const filledCount = (a: Actor) => B_FIELDS.filter((f) => a[f].trim() !== '').length;

/** Names of the people who have this actor in the individual round. */
export function useWorkingOn(): (actorId: string) => string[] {
  const { data } = useMethods();
  return (actorId) => data.round.assignments.filter((a) => a.actorId === actorId).map((a) => a.name || '?');
}

/** For each person without an actor: the actor fewest people have, the emptiest first. */
export function distribute(
  data: Pick<WorkspaceData, 'actors' | 'round'>,
  people: readonly Person[],
): Map<string, string> {
  const load = new Map(data.actors.map((a) => [a.id, 0]));
  for (const a of data.round.assignments) load.set(a.actorId, (load.get(a.actorId) ?? 0) + 1);
  const out = new Map<string, string>();
  if (data.actors.length === 0) return out;
  for (const p of people) {
    if (data.round.byParticipant.has(p.id)) continue;
    const best = [...data.actors].sort(
      (x, y) => (load.get(x.id) ?? 0) - (load.get(y.id) ?? 0) || filledCount(x) - filledCount(y) || x.order - y.order,
    )[0]!;
    out.set(p.id, best.id);
    load.set(best.id, (load.get(best.id) ?? 0) + 1);
  }
  return out;
}
