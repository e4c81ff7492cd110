/**
 * The board doc (room `s/<sessionId>/b/<boardId>`). For now it holds sticky notes only;
 * the full board model (actors, views, connectors) builds on this.
 *
 * Layout (schema version 1):
 *   meta:  Y.Map { schemaVersion: number }
 *   notes: Y.Map<noteId, NoteRecord>   (plain JSON values, replaced whole)
 */
import { z } from 'zod';
import { Origin, type Doc } from './doc.ts';

export const BOARD_SCHEMA_VERSION = 1;

export const NOTE_COLORS = ['#fff3a3', '#ffd6a5', '#caffbf', '#9bf6ff', '#bdb2ff', '#ffc6ff'] as const;

const finite = z.number().finite();
export const NoteRecord = z.object({
  id: z.string().min(1).max(64),
  x: finite.min(-1e6).max(1e6),
  y: finite.min(-1e6).max(1e6),
  text: z.string().max(2000).catch(''),
  color: z.enum(NOTE_COLORS).catch(NOTE_COLORS[0]),
  author: z.string().max(64).catch(''),
});
export type NoteRecord = z.infer<typeof NoteRecord>;

export interface BoardSnapshot {
  notes: NoteRecord[];
}

const notesOf = (doc: Doc) => doc.getMap<unknown>('notes');

/** Reads the board; records that fail validation are repaired where possible, else skipped. */
export function readBoardDoc(doc: Doc): BoardSnapshot {
  const notes: NoteRecord[] = [];
  for (const [id, value] of notesOf(doc).entries()) {
    const parsed = NoteRecord.safeParse(value);
    if (parsed.success && parsed.data.id === id) notes.push(parsed.data);
  }
  notes.sort((a, b) => a.id.localeCompare(b.id));
  return { notes };
}

export function addNote(doc: Doc, note: NoteRecord, origin: unknown = Origin.local): void {
  const valid = NoteRecord.parse(note);
  doc.transact(() => {
    const meta = doc.getMap<unknown>('meta');
    if (meta.get('schemaVersion') === undefined) meta.set('schemaVersion', BOARD_SCHEMA_VERSION);
    notesOf(doc).set(valid.id, valid);
  }, origin);
}

export function moveNote(doc: Doc, id: string, x: number, y: number, origin: unknown = Origin.local): void {
  const parsed = NoteRecord.safeParse(notesOf(doc).get(id));
  if (!parsed.success) return;
  doc.transact(() => notesOf(doc).set(id, NoteRecord.parse({ ...parsed.data, x, y })), origin);
}

export function setNoteText(doc: Doc, id: string, text: string, origin: unknown = Origin.local): void {
  const parsed = NoteRecord.safeParse(notesOf(doc).get(id));
  if (!parsed.success) return;
  doc.transact(() => notesOf(doc).set(id, { ...parsed.data, text: text.slice(0, 2000) }), origin);
}

export function deleteNote(doc: Doc, id: string, origin: unknown = Origin.local): void {
  doc.transact(() => notesOf(doc).delete(id), origin);
}
