/**
 * Taking a person's name off what they made (issue 10): when the facilitator removes
 * someone and chooses so, their notes, items and answers stay on the board, but no
 * longer say who wrote them. Their participant id stays (an opaque id, not a name), so
 * private mode and vote totals keep working.
 */
import type * as Y from 'yjs';
import { Origin } from '../doc.ts';
import { AnswerRecord } from './answers.ts';
import { RoundAssignment } from './round.ts';
import { itemsMapOf, readStoredItem, writeStoredItem } from './store.ts';

/** Whose is it: by participant id, or (records from before ids) by the name alone. */
function isTheirs(record: { author: string; authorId?: string }, participantId: string, name: string): boolean {
  if (record.authorId) return record.authorId === participantId;
  return name !== '' && record.author === name;
}

/**
 * Blanks `author` of every item and answer of one person on a board, and the name in
 * their entry of the individual round. Returns how many records changed (0: nothing
 * written).
 */
export function unattributeAuthor(
  doc: Y.Doc,
  person: { participantId: string; name: string },
  origin: unknown = Origin.server,
): number {
  const { participantId, name } = person;
  let changed = 0;
  doc.transact(() => {
    for (const [id, stored] of [...itemsMapOf(doc).entries()]) {
      const item = readStoredItem(id, stored);
      if (!item || item.author === '' || !isTheirs(item, participantId, name)) continue;
      writeStoredItem(doc, { ...item, author: '' }, item);
      changed++;
    }
    const answers = doc.getMap<unknown>('answers');
    for (const [id, value] of [...answers.entries()]) {
      const parsed = AnswerRecord.safeParse(value);
      if (!parsed.success || parsed.data.author === '' || !isTheirs(parsed.data, participantId, name)) continue;
      answers.set(id, { ...parsed.data, author: '' });
      changed++;
    }
    const round = doc.getMap<unknown>('roundAssignments');
    const entry = round.get(participantId);
    const parsed = RoundAssignment.safeParse(
      typeof entry === 'object' && entry !== null ? { ...entry, participantId } : null,
    );
    if (parsed.success && parsed.data.name !== '') {
      round.set(participantId, { actorId: parsed.data.actorId, name: '' });
      changed++;
    }
  }, origin);
  return changed;
}

/**
 * Copies (paste, duplicate) are new items by the person who makes them: the write
 * rules accept a participant's new item only under their own id and name.
 */
export function withAuthor<T extends { author: string; authorId?: string | undefined }>(
  items: readonly T[],
  by: { author: string; authorId: string },
): T[] {
  const author = by.author.slice(0, 80);
  return items.map((item) => ({ ...item, author, authorId: by.authorId || undefined }));
}
