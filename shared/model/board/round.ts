/**
 * The individual round of a meeting (docs/domain.md, "The meeting", step 2): each participant applies the
 * 3 B's to one actor. The facilitator assigns actors, or participants pick one.
 *
 * Board doc layout: `roundAssignments: Y.Map<participantId, { actorId, name }>`, one
 * entry per participant, so two people picking at the same moment never overwrite each
 * other. Whether the round is on is `settings.individualRound`. Choosing an actor is not
 * an edit of the field, so this map is not in `methodRoots` (undo leaves it alone).
 */
import * as Y from 'yjs';
import { z } from 'zod';
import { Origin } from '../doc.ts';
import { ItemId } from './schema.ts';

/** Participant ids come from tokens; any short non-empty string is accepted. */
const ParticipantId = z.string().min(1).max(100);

export const RoundAssignment = z.object({
  participantId: ParticipantId,
  actorId: ItemId,
  /** The participant's name when assigned, so the overview still reads after they leave. */
  name: z.string().max(100).catch(''),
});
export type RoundAssignment = z.infer<typeof RoundAssignment>;

export interface RoundSnapshot {
  /** Valid assignments to existing actors, by participant name. */
  assignments: readonly RoundAssignment[];
  byParticipant: ReadonlyMap<string, RoundAssignment>;
}

const assignmentsOf = (doc: Y.Doc) => doc.getMap<unknown>('roundAssignments');

/** Who has which actor. Entries naming a deleted actor or broken values are skipped. */
export function readRound(doc: Y.Doc): RoundSnapshot {
  const actors = doc.getMap<unknown>('actors');
  const assignments: RoundAssignment[] = [];
  for (const [participantId, value] of assignmentsOf(doc).entries()) {
    const raw = value instanceof Y.Map ? value.toJSON() : value;
    const parsed = RoundAssignment.safeParse(
      typeof raw === 'object' && raw !== null ? { ...raw, participantId } : null,
    );
    if (parsed.success && actors.has(parsed.data.actorId)) assignments.push(parsed.data);
  }
  assignments.sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.participantId.localeCompare(b.participantId));
  return { assignments, byParticipant: new Map(assignments.map((a) => [a.participantId, a])) };
}

/**
 * Gives a participant an actor for the round (`actorId: null` takes it away). Several
 * participants may have the same actor. Returns false for invalid input.
 */
export function assignActor(
  doc: Y.Doc,
  participantId: string,
  actorId: string | null,
  name: string,
  origin: unknown = Origin.local,
): boolean {
  if (!ParticipantId.safeParse(participantId).success) return false;
  if (actorId === null) {
    doc.transact(() => assignmentsOf(doc).delete(participantId), origin);
    return true;
  }
  const parsed = RoundAssignment.safeParse({ participantId, actorId, name: name.slice(0, 100) });
  if (!parsed.success) return false;
  doc.transact(
    () => assignmentsOf(doc).set(participantId, { actorId: parsed.data.actorId, name: parsed.data.name }),
    origin,
  );
  return true;
}

/** Ends the round's assignments (the facilitator starts a new round). */
export function clearRound(doc: Y.Doc, origin: unknown = Origin.local): void {
  doc.transact(() => assignmentsOf(doc).clear(), origin);
}
