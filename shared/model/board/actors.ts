/**
 * Reading and changing the method data of a board: actors, relations, forces and the
 * board's settings (see actorSchema.ts for the layout). Same rules as commands.ts:
 * one transaction per command with the caller's origin; untrusted data is repaired
 * or skipped when read.
 */
import * as Y from 'yjs';
import { Origin } from '../doc.ts';
import {
  ACTOR_TEXT_FIELDS,
  ActorFields,
  ActorPatch,
  BoardSettings,
  ForceRecord,
  RelationRecord,
  type Actor,
  type ActorTextField,
} from './actorSchema.ts';
import { newItemId } from './ids.ts';

export interface MethodsSnapshot {
  actors: readonly Actor[];
  actorsById: ReadonlyMap<string, Actor>;
  relations: readonly RelationRecord[];
  forces: readonly ForceRecord[];
  settings: BoardSettings;
}

const actorsOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('actors');
const relationsOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('relations');
const forcesOf = (doc: Y.Doc) => doc.getMap<Y.Map<unknown>>('forces');
const settingsOf = (doc: Y.Doc) => doc.getMap<unknown>('settings');

/** The root maps of the method data, for undo managers and observers. */
export function methodRoots(doc: Y.Doc): Y.AbstractType<unknown>[] {
  return [actorsOf(doc), relationsOf(doc), forcesOf(doc), settingsOf(doc)] as Y.AbstractType<unknown>[];
}

function plain(value: unknown): Record<string, unknown> | null {
  if (value instanceof Y.Map) return value.toJSON() as Record<string, unknown>;
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
}

function readActor(id: string, value: unknown): Actor | null {
  const raw = plain(value);
  if (!raw) return null;
  const fields = ActorFields.safeParse({ ...raw, id });
  if (!fields.success) return null;
  const texts = {} as Record<ActorTextField, string>;
  for (const f of ACTOR_TEXT_FIELDS) {
    const v = value instanceof Y.Map ? value.get(f) : raw[f];
    texts[f] = (v instanceof Y.Text ? v.toString() : typeof v === 'string' ? v : '').slice(0, 20_000);
  }
  return { ...fields.data, ...texts };
}

function readAll<T>(map: Y.Map<Y.Map<unknown>>, parse: (id: string, raw: Record<string, unknown>) => T | null): T[] {
  const out: T[] = [];
  for (const [id, value] of map.entries()) {
    const raw = plain(value);
    const parsed = raw ? parse(id, raw) : null;
    if (parsed) out.push(parsed);
  }
  return out;
}

export function readSettings(doc: Y.Doc): BoardSettings {
  return BoardSettings.parse(settingsOf(doc).toJSON());
}

/** Everything the method views need, validated. Actors in list order. */
export function readMethods(doc: Y.Doc): MethodsSnapshot {
  const actors: Actor[] = [];
  for (const [id, value] of actorsOf(doc).entries()) {
    const a = readActor(id, value);
    if (a) actors.push(a);
  }
  actors.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  const actorsById = new Map(actors.map((a) => [a.id, a]));
  const relations = readAll(relationsOf(doc), (id, raw) => {
    const r = RelationRecord.safeParse({ ...raw, id });
    return r.success && actorsById.has(r.data.from) && actorsById.has(r.data.to) && r.data.from !== r.data.to
      ? r.data
      : null;
  });
  const forces = readAll(forcesOf(doc), (id, raw) => {
    const f = ForceRecord.safeParse({ ...raw, id });
    if (!f.success) return null;
    return f.data.actorId && !actorsById.has(f.data.actorId) ? { ...f.data, actorId: null } : f.data;
  }).sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  return { actors, actorsById, relations, forces, settings: readSettings(doc) };
}

function nextOrder(map: Y.Map<Y.Map<unknown>>): number {
  let max = 0;
  for (const m of map.values()) {
    const o = m instanceof Y.Map ? m.get('order') : undefined;
    if (typeof o === 'number' && Number.isFinite(o)) max = Math.max(max, o);
  }
  return max + 1;
}

export type NewActor = ActorPatch & Partial<Record<ActorTextField, string>> & { id?: string };

/** The plain fields of a write, validated strictly; `null` if any value is out of range. */
function validPatch(input: NewActor): ActorPatch | null {
  const { id: _id, bedoeling: _a, belang: _b, bijdrage: _c, notities: _d, ...fields } = input;
  const parsed = ActorPatch.safeParse(fields);
  return parsed.success ? parsed.data : null;
}

/** Adds an actor (on every view at once); returns its id, or `null` for invalid input. */
export function addActor(doc: Y.Doc, input: NewActor, origin: unknown = Origin.local): string | null {
  const patch = validPatch(input);
  const id = input.id ?? newItemId();
  const fields = patch && ActorFields.safeParse({ ...patch, id, order: nextOrder(actorsOf(doc)) });
  if (!fields?.success) return null;
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    for (const [k, v] of Object.entries(fields.data)) m.set(k, v);
    for (const f of ACTOR_TEXT_FIELDS) m.set(f, new Y.Text(input[f]?.slice(0, 20_000) ?? ''));
    actorsOf(doc).set(id, m);
  }, origin);
  return id;
}

/** Changes plain fields of an actor (name, category, position on the axes...). */
export function updateActor(doc: Y.Doc, id: string, patch: NewActor, origin: unknown = Origin.local): boolean {
  const m = actorsOf(doc).get(id);
  const current = readActor(id, m);
  if (!current || !(m instanceof Y.Map)) return false;
  const valid = validPatch(patch);
  const next = valid && ActorFields.safeParse({ ...current, ...valid, id });
  if (!next?.success) return false;
  doc.transact(() => {
    for (const [k, v] of Object.entries(next.data)) if (m.get(k) !== v) m.set(k, v);
  }, origin);
  return true;
}

/**
 * Makes an actor's text field read `value`, changing only the part that differs, so
 * that two people typing in the same field at once both keep their words.
 */
export function setActorText(
  doc: Y.Doc,
  id: string,
  field: ActorTextField,
  value: string,
  origin: unknown = Origin.local,
): void {
  const m = actorsOf(doc).get(id);
  if (!(m instanceof Y.Map)) return;
  const next = value.slice(0, 20_000);
  doc.transact(() => {
    let text = m.get(field);
    if (!(text instanceof Y.Text)) {
      text = new Y.Text(typeof text === 'string' ? text : '');
      m.set(field, text);
    }
    const t = text as Y.Text;
    const prev = t.toString();
    if (prev === next) return;
    let start = 0;
    while (start < prev.length && start < next.length && prev[start] === next[start]) start++;
    let endPrev = prev.length;
    let endNext = next.length;
    while (endPrev > start && endNext > start && prev[endPrev - 1] === next[endNext - 1]) {
      endPrev--;
      endNext--;
    }
    if (endPrev > start) t.delete(start, endPrev - start);
    if (endNext > start) t.insert(start, next.slice(start, endNext));
  }, origin);
}

/** Deletes an actor with its relations; forces that named it keep their text. Undoable. */
export function deleteActor(doc: Y.Doc, id: string, origin: unknown = Origin.local): void {
  doc.transact(() => {
    actorsOf(doc).delete(id);
    for (const [rid, value] of relationsOf(doc).entries()) {
      const raw = plain(value);
      if (raw && (raw.from === id || raw.to === id)) relationsOf(doc).delete(rid);
    }
    for (const value of forcesOf(doc).values()) {
      if (value instanceof Y.Map && value.get('actorId') === id) value.set('actorId', null);
    }
  }, origin);
}

function setRecord(map: Y.Map<Y.Map<unknown>>, record: Record<string, unknown> & { id: string }): void {
  const existing = map.get(record.id);
  if (existing instanceof Y.Map) {
    for (const [k, v] of Object.entries(record)) if (existing.get(k) !== v) existing.set(k, v);
    return;
  }
  // A new record: integrate the map first, then fill it (reading a map before it is in a doc warns).
  const m = map.set(record.id, new Y.Map<unknown>());
  for (const [k, v] of Object.entries(record)) m.set(k, v);
}

/** Changes fields of a relation or force; `false` if it is not there or the result is invalid. */
function patchRecord<T extends Record<string, unknown> & { id: string }>(
  doc: Y.Doc,
  map: Y.Map<Y.Map<unknown>>,
  schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } },
  id: string,
  patch: Partial<Omit<T, 'id'>>,
  origin: unknown,
): boolean {
  const current = plain(map.get(id));
  const parsed = current && schema.safeParse({ ...current, ...patch, id });
  if (!parsed?.success) return false;
  doc.transact(() => setRecord(map, parsed.data), origin);
  return true;
}

export function addRelation(
  doc: Y.Doc,
  input: Omit<RelationRecord, 'id' | 'label' | 'type'> & Partial<RelationRecord>,
  origin: unknown = Origin.local,
): string | null {
  const parsed = RelationRecord.safeParse({ label: '', type: 'samenwerking', ...input, id: input.id ?? newItemId() });
  if (!parsed.success || parsed.data.from === parsed.data.to) return null;
  doc.transact(() => setRecord(relationsOf(doc), parsed.data), origin);
  return parsed.data.id;
}

export function updateRelation(
  doc: Y.Doc,
  id: string,
  patch: Partial<Omit<RelationRecord, 'id'>>,
  origin: unknown = Origin.local,
): boolean {
  return patchRecord(doc, relationsOf(doc), RelationRecord, id, patch, origin);
}

export function deleteRelation(doc: Y.Doc, id: string, origin: unknown = Origin.local): void {
  doc.transact(() => relationsOf(doc).delete(id), origin);
}

export function addForce(
  doc: Y.Doc,
  input: Omit<ForceRecord, 'id' | 'order' | 'actorId' | 'strength'> & Partial<ForceRecord>,
  origin: unknown = Origin.local,
): string | null {
  const parsed = ForceRecord.safeParse({
    strength: 3,
    actorId: null,
    ...input,
    id: input.id ?? newItemId(),
    order: nextOrder(forcesOf(doc)),
  });
  if (!parsed.success) return null;
  doc.transact(() => setRecord(forcesOf(doc), parsed.data), origin);
  return parsed.data.id;
}

export function updateForce(
  doc: Y.Doc,
  id: string,
  patch: Partial<Omit<ForceRecord, 'id'>>,
  origin: unknown = Origin.local,
): boolean {
  return patchRecord(doc, forcesOf(doc), ForceRecord, id, patch, origin);
}

export function deleteForce(doc: Y.Doc, id: string, origin: unknown = Origin.local): void {
  doc.transact(() => forcesOf(doc).delete(id), origin);
}

/** Changes board settings (axis labels, colour mode, goal, ring mode); the facilitator's UI decides who may. */
export function updateSettings(doc: Y.Doc, patch: Partial<BoardSettings>, origin: unknown = Origin.local): boolean {
  const parsed = BoardSettings.safeParse({ ...readSettings(doc), ...patch });
  if (!parsed.success) return false;
  doc.transact(() => {
    const s = settingsOf(doc);
    for (const [k, v] of Object.entries(parsed.data)) if (JSON.stringify(s.get(k)) !== JSON.stringify(v)) s.set(k, v);
  }, origin);
  return true;
}

/**
 * Copies the actors (with their places and 3 B's), relations and settings of one board
 * into another, keeping ids: the start of a follow-up meeting.
 */
export function copyMethodData(from: Y.Doc, to: Y.Doc, origin: unknown = Origin.server): void {
  const m = readMethods(from);
  to.transact(() => {
    for (const { id: _id, order: _order, ...actor } of m.actors) addActor(to, { ...actor, id: _id }, origin);
    for (const r of m.relations) addRelation(to, r, origin);
    updateSettings(to, m.settings, origin);
  }, origin);
}
