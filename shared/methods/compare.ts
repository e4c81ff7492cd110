/**
 * Comparing fields of forces: between groups in the plenary (where do groups place
 * the same actor differently?) and between meetings (which actors moved, appeared or
 * dropped out?). Actors are matched by name, case- and space-insensitively; the
 * facilitator can merge near-duplicates by giving them one name.
 */
import type { ActorFields } from '../model/board/actorSchema.ts';

type Placed = Pick<ActorFields, 'id' | 'name' | 'houding' | 'invloed' | 'betrokkenheid'>;

export function actorKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

export interface ActorMove {
  key: string;
  name: string;
  before: Placed;
  after: Placed;
  /** Distance moved on the krachtenveld (houding -1..1 and invloed 0..1 scaled alike). */
  distance: number;
}

export interface FieldComparison {
  moved: ActorMove[];
  unchanged: string[];
  appeared: Placed[];
  droppedOut: Placed[];
}

/** Position on a common scale: both axes 0..1. */
function pos(a: Placed): { x: number; y: number } | null {
  return a.houding === null || a.invloed === null ? null : { x: (a.houding + 1) / 2, y: a.invloed };
}

/** What changed between two meetings' fields; moves of at least `threshold` count. */
export function compareFields(before: readonly Placed[], after: readonly Placed[], threshold = 0.05): FieldComparison {
  const byKey = (list: readonly Placed[]) =>
    new Map(list.filter((a) => actorKey(a.name)).map((a) => [actorKey(a.name), a]));
  const b = byKey(before);
  const a = byKey(after);
  const moved: ActorMove[] = [];
  const unchanged: string[] = [];
  for (const [key, next] of a) {
    const prev = b.get(key);
    if (!prev) continue;
    const p = pos(prev);
    const n = pos(next);
    const distance = p && n ? Math.hypot(n.x - p.x, n.y - p.y) : p || n ? 1 : 0;
    if (distance >= threshold || Math.abs(prev.betrokkenheid - next.betrokkenheid) >= threshold) {
      moved.push({ key, name: next.name, before: prev, after: next, distance });
    } else unchanged.push(next.name);
  }
  moved.sort((x, y) => y.distance - x.distance);
  return {
    moved,
    unchanged,
    appeared: [...a.entries()].filter(([k]) => !b.has(k)).map(([, v]) => v),
    droppedOut: [...b.entries()].filter(([k]) => !a.has(k)).map(([, v]) => v),
  };
}

export interface GroupSpread {
  key: string;
  name: string;
  /** Each group's placement of this actor. */
  placements: { group: string; houding: number; invloed: number; betrokkenheid: number }[];
  /** Largest distance between two groups' placements (0..~1.4); larger = more disagreement. */
  spread: number;
}

/** Actors placed by two or more groups, most disputed first. */
export function compareGroups(groups: readonly { group: string; actors: readonly Placed[] }[]): GroupSpread[] {
  const byKey = new Map<string, GroupSpread>();
  for (const { group, actors } of groups) {
    for (const actor of actors) {
      const key = actorKey(actor.name);
      if (!key || actor.houding === null || actor.invloed === null) continue;
      const entry = byKey.get(key) ?? { key, name: actor.name.trim(), placements: [], spread: 0 };
      if (entry.placements.some((p) => p.group === group)) continue; // one placement per group
      entry.placements.push({
        group,
        houding: actor.houding,
        invloed: actor.invloed,
        betrokkenheid: actor.betrokkenheid,
      });
      byKey.set(key, entry);
    }
  }
  const result = [...byKey.values()].filter((e) => e.placements.length >= 2);
  for (const e of result) {
    for (const p of e.placements) {
      for (const q of e.placements) {
        e.spread = Math.max(e.spread, Math.hypot((p.houding - q.houding) / 2, p.invloed - q.invloed));
      }
    }
  }
  return result.sort((x, y) => y.spread - x.spread || x.name.localeCompare(y.name));
}
