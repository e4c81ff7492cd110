/** Simple network figures for the network view (webanalyse). */
import type { RelationRecord } from '../model/board/actorSchema.ts';

export interface NetworkFigures {
  /** Relations per actor id (every actor listed, 0 included). */
  degree: ReadonlyMap<string, number>;
  /** Actors without any relation. */
  isolated: string[];
  /** Relations per type. */
  byType: Record<RelationRecord['type'], number>;
  /** The actors with the most relations (ties included), empty without relations. */
  mostConnected: string[];
}

export function networkFigures(
  actorIds: readonly string[],
  relations: readonly Pick<RelationRecord, 'from' | 'to' | 'type'>[],
): NetworkFigures {
  const known = new Set(actorIds);
  const degree = new Map(actorIds.map((id) => [id, 0]));
  const byType = { samenwerking: 0, afhankelijkheid: 0, spanning: 0 };
  for (const r of relations) {
    if (!known.has(r.from) || !known.has(r.to) || r.from === r.to) continue;
    degree.set(r.from, degree.get(r.from)! + 1);
    degree.set(r.to, degree.get(r.to)! + 1);
    byType[r.type]++;
  }
  const max = Math.max(0, ...degree.values());
  return {
    degree,
    isolated: actorIds.filter((id) => degree.get(id) === 0),
    byType,
    mostConnected: max > 0 ? actorIds.filter((id) => degree.get(id) === max) : [],
  };
}
