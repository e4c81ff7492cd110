/**
 * Who may change what (issue 10): the one rule the sync server applies to every client
 * update and the client uses to show or hide controls. It decides by role, board kind,
 * lock, "open to everyone", group membership, field and authorship, and it refuses
 * changes that do not fit the document model: unknown roots, deeper nesting than the
 * model uses, and records the model's readers would drop.
 *
 *   - Viewers write nothing. The session doc is the facilitator's.
 *   - The template board is the facilitator's (reading too: see SyncServer).
 *   - Participants write the plenary board, their own group's board, a group board the
 *     facilitator opened to everyone, and a board of no group; never a locked board.
 *   - Board `settings` and `meta` are the facilitator's (a participant's client may only
 *     stamp the schema version on a board that has none or an older one).
 *   - `roundAssignments`: a participant writes only the entry under their own id.
 *   - A participant's new note, item or answer carries their own participant id and
 *     name; only the facilitator changes the authorship of an existing one.
 *   - The facilitator writes everything on every board (within the model's shape).
 */
import * as Y from 'yjs';
import { RefusalReason } from '../protocol.ts';
import { assertNever, Role } from '../roles.ts';
import { ACTOR_TEXT_FIELDS, ActorFields, BoardSettings, ForceRecord, RelationRecord } from './board/actorSchema.ts';
import { AnswerRecord } from './board/answers.ts';
import { RoundAssignment } from './board/round.ts';
import { BOARD_SCHEMA_VERSION } from './board/schema.ts';
import { readStoredItem } from './board/store.ts';
import type { DocChange } from './changes.ts';
import type { Doc } from './doc.ts';
import { GroupRecord, readGroups, type GroupsSnapshot } from './meeting/groups.ts';
import { readBoard, readVoteRound, type BoardRecord } from './sessionDoc.ts';

/** Every root of a board doc (schema.ts, actorSchema.ts, round.ts, answers.ts; `notes` is version 1). */
export const BOARD_DOC_ROOTS = [
  'meta',
  'items',
  'notes',
  'actors',
  'relations',
  'forces',
  'settings',
  'roundAssignments',
  'answers',
] as const;

/** Every root of a session doc (sessionDoc.ts and meeting/). */
export const SESSION_DOC_ROOTS = [
  'meta',
  'boards',
  'results',
  'voteRounds',
  'groups',
  'members',
  'groupSettings',
  'program',
  'live',
  'report',
] as const;

/** The roots a room's doc should type as maps before it applies anything (`RoomOptions.mapRoots`). */
export function docRootsFor(kind: 'session' | 'board'): readonly string[] {
  return kind === 'session' ? SESSION_DOC_ROOTS : BOARD_DOC_ROOTS;
}

/** Why a write is not allowed. */
export const WriteDenial = {
  /** Viewers write nothing. */
  viewer: 'viewer',
  /** The session doc, the template board, board settings and meta. */
  facilitatorOnly: 'facilitator-only',
  locked: 'locked',
  /** Another group's board that the facilitator did not open to everyone. */
  otherGroup: 'other-group',
  /** A board the session does not have (any more). */
  unknownBoard: 'unknown-board',
  /** Authorship set to someone else, or changed on someone else's record. */
  authorship: 'authorship',
  /** Another participant's entry (the individual round). */
  otherParticipant: 'other-participant',
  /** An unknown root, deeper nesting than the model uses, or a record its reader would drop. */
  invalid: 'invalid',
} as const;
export type WriteDenial = (typeof WriteDenial)[keyof typeof WriteDenial];

/** The person writing, as the server knows them (token and participant store). */
export interface Writer {
  role: Role;
  participantId: string;
  /** Their current name: what a new note or answer of theirs must carry as `author`. */
  name: string;
}

export type WriteTarget =
  | { doc: 'session' }
  | {
      doc: 'board';
      /** `null`: the session has no such board. */
      board: BoardRecord | null;
      /** The group whose board this is; `null` for a board of no group. */
      boardGroupId: string | null;
      /** The writer's group; `null` when they are in none. */
      writerGroupId: string | null;
    };

export interface WriteContext {
  writer: Writer;
  target: WriteTarget;
}

/** A part of a doc: a root, and one record (map key) under it. Omitted: the doc as a whole. */
export interface WriteScope {
  root: string;
  record?: string | null;
}

/** The board target of a writer, from the session's boards and groups. */
export function boardTarget(board: BoardRecord | null, groups: GroupsSnapshot, participantId: string): WriteTarget {
  const owner = board ? groups.groups.find((g) => g.boardId === board.id) : undefined;
  return {
    doc: 'board',
    board,
    boardGroupId: owner?.id ?? null,
    writerGroupId: groups.members[participantId] ?? null,
  };
}

/** The context of a write to the session doc (`boardId: null`) or one of its boards. */
export function writeContextFor(writer: Writer, sessionDoc: Doc, boardId: string | null): WriteContext {
  if (boardId === null) return { writer, target: { doc: 'session' } };
  return { writer, target: boardTarget(readBoard(sessionDoc, boardId), readGroups(sessionDoc), writer.participantId) };
}

const FACILITATOR_ROOTS: ReadonlySet<string> = new Set(['settings', 'meta']);

/**
 * THE rule: may the writer change `scope` (or anything, when omitted) of the target doc?
 * `null` when allowed, else why not. The client asks it to show controls; the server
 * asks it (through {@link checkWrite}) for every change of every update.
 */
export function writeDenial(ctx: WriteContext, scope?: WriteScope): WriteDenial | null {
  const { writer, target } = ctx;
  switch (writer.role) {
    case Role.facilitator:
      return null;
    case Role.viewer:
      return WriteDenial.viewer;
    case Role.participant:
      break;
    default:
      return assertNever(writer.role);
  }
  if (target.doc === 'session') return WriteDenial.facilitatorOnly;
  const board = target.board;
  if (!board) return WriteDenial.unknownBoard;
  if (board.kind === 'template') return WriteDenial.facilitatorOnly;
  if (board.locked) return WriteDenial.locked;
  if (
    board.kind === 'group' &&
    !board.open &&
    target.boardGroupId !== null &&
    target.boardGroupId !== target.writerGroupId
  ) {
    return WriteDenial.otherGroup;
  }
  if (!scope) return null;
  if (FACILITATOR_ROOTS.has(scope.root)) return WriteDenial.facilitatorOnly;
  if (scope.root === 'roundAssignments' && scope.record != null && scope.record !== writer.participantId) {
    return WriteDenial.otherParticipant;
  }
  return null;
}

/** How a denial travels to the client (y-protocols "permission denied" reason). */
export function refusalFor(denial: WriteDenial): RefusalReason {
  switch (denial) {
    case WriteDenial.viewer:
      return RefusalReason.readOnly;
    case WriteDenial.locked:
      return RefusalReason.boardLocked;
    case WriteDenial.invalid:
      return RefusalReason.invalidUpdate;
    case WriteDenial.facilitatorOnly:
    case WriteDenial.otherGroup:
    case WriteDenial.unknownBoard:
    case WriteDenial.authorship:
    case WriteDenial.otherParticipant:
      return RefusalReason.notAllowed;
    default:
      return assertNever(denial);
  }
}

// ---------------------------------------------------------------------------------
// Checking the changes of one update (server: after applying it tentatively).

/** The changes of one record. */
interface Touched {
  root: string;
  record: string;
  /** The change of the record itself under its root (set, replaced or deleted), if any. */
  whole: DocChange | null;
  /** Map keys changed inside the record, with their old values. */
  fields: Map<string, DocChange>;
}

const BOARD_ROOT_SET: ReadonlySet<string> = new Set(BOARD_DOC_ROOTS);
const SESSION_ROOT_SET: ReadonlySet<string> = new Set(SESSION_DOC_ROOTS);
const ITEM_KEYS: ReadonlySet<string> = new Set(['r', 't']);
const TEXT_FIELDS: ReadonlySet<string> = new Set(ACTOR_TEXT_FIELDS);
const ACTOR_KEYS: ReadonlySet<string> = new Set([...Object.keys(ActorFields.shape), ...ACTOR_TEXT_FIELDS]);
const RELATION_KEYS: ReadonlySet<string> = new Set(Object.keys(RelationRecord.shape));
const FORCE_KEYS: ReadonlySet<string> = new Set(Object.keys(ForceRecord.shape));
const SETTINGS_KEYS: ReadonlySet<string> = new Set(Object.keys(BoardSettings.shape));
/** Roots whose records are Y.Maps with fields (the others hold plain values under the root). */
const NESTED_ROOTS: Readonly<Record<string, ReadonlySet<string>>> = {
  items: ITEM_KEYS,
  actors: ACTOR_KEYS,
  relations: RELATION_KEYS,
  forces: FORCE_KEYS,
};
const ACTOR_TEXT_MAX = 20_000;

/**
 * Checks every change of one update against {@link writeDenial} and the model's shape.
 * `doc` is the target doc with the update applied; `changes` come from `collectChanges`.
 * `null` when every change is allowed, else the first reason to refuse the update.
 */
export function checkWrite(ctx: WriteContext, doc: Doc, changes: readonly DocChange[]): WriteDenial | null {
  if (changes.length === 0) return null;
  const base = writeDenial(ctx);
  if (base) return base;
  const touched = new Map<string, Touched>();
  for (const change of changes) {
    const shape = placeOf(ctx.target.doc, change);
    if (!shape) return WriteDenial.invalid;
    const id = `${change.root}\u0000${shape.record}`;
    let t = touched.get(id);
    if (!t) touched.set(id, (t = { root: change.root, record: shape.record, whole: null, fields: new Map() }));
    if (shape.field === null) t.whole ??= change;
    else if (!t.fields.has(shape.field)) t.fields.set(shape.field, change);
  }
  for (const t of touched.values()) {
    const denial = ctx.target.doc === 'session' ? checkSessionRecord(doc, t) : checkBoardRecord(ctx, doc, t, touched);
    if (denial) return denial;
  }
  return null;
}

/**
 * Where a change sits in the model: its record and field (`null` when the record itself
 * was set or deleted); `null` for an unknown root or nesting the model does not use.
 */
function placeOf(kind: 'session' | 'board', c: DocChange): { record: string; field: string | null } | null {
  if (c.path.some((p) => p === null)) return null;
  const path = c.path as string[];
  if (kind === 'session') {
    return SESSION_ROOT_SET.has(c.root) && path.length === 0 && c.key !== null ? { record: c.key, field: null } : null;
  }
  if (!BOARD_ROOT_SET.has(c.root)) return null;
  if (c.root === 'settings' || c.root === 'meta') {
    // Plain values right under the root: the key is the field of one record, the root.
    return path.length === 0 && c.key !== null ? { record: '', field: c.key } : null;
  }
  if (path.length === 0) return c.key === null ? null : { record: c.key, field: null };
  const keys = NESTED_ROOTS[c.root];
  if (!keys) return null;
  const [record, field] = path as [string, string | undefined];
  if (path.length === 1) return c.key !== null && keys.has(c.key) ? { record, field: c.key } : null;
  // An actor's 3 B's are texts one level deeper; an edit inside them has no key.
  if (path.length === 2 && c.root === 'actors' && TEXT_FIELDS.has(field!) && c.key === null) {
    return { record, field: field! };
  }
  return null;
}

const isType = (v: unknown): boolean => v instanceof Y.AbstractType;
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && !isType(v) && !(v instanceof Uint8Array);

function checkSessionRecord(doc: Doc, t: Touched): WriteDenial | null {
  const value = doc.getMap<unknown>(t.root).get(t.record);
  if (value === undefined) return null;
  if (isType(value)) return WriteDenial.invalid;
  switch (t.root) {
    case 'boards':
      return readBoard(doc, t.record) ? null : WriteDenial.invalid;
    case 'groups': {
      const parsed = GroupRecord.safeParse(value);
      return parsed.success && parsed.data.id === t.record ? null : WriteDenial.invalid;
    }
    case 'voteRounds':
      return readVoteRound(doc, t.record) ? null : WriteDenial.invalid;
    default:
      return null;
  }
}

function checkBoardRecord(
  ctx: WriteContext,
  doc: Doc,
  t: Touched,
  all: ReadonlyMap<string, Touched>,
): WriteDenial | null {
  const value = t.root === 'settings' || t.root === 'meta' ? undefined : doc.getMap<unknown>(t.root).get(t.record);
  switch (t.root) {
    case 'items':
      return checkItem(ctx, t, value, all.get(`notes\u0000${t.record}`)?.whole ?? null);
    case 'answers':
      return checkAnswer(ctx, t, value);
    case 'actors':
      return checkActor(t, value);
    case 'relations':
      return checkFields(t, value, RelationRecord, (raw) => {
        const actors = doc.getMap<unknown>('actors');
        return raw.from !== raw.to && actors.has(String(raw.from)) && actors.has(String(raw.to));
      });
    case 'forces':
      return checkFields(t, value, ForceRecord, () => true);
    case 'settings':
      return checkSettings(ctx, doc, t);
    case 'meta':
      return checkMeta(ctx, doc, t);
    case 'roundAssignments':
      return checkAssignment(ctx, doc, t, value);
    case 'notes':
      // Version 1 notes are only ever removed now (by the migration to `items`).
      return value === undefined ? null : WriteDenial.invalid;
    default:
      return WriteDenial.invalid;
  }
}

interface Authorship {
  author: string;
  authorId: string;
}

function authorshipOf(raw: unknown): Authorship | null {
  if (!isPlainObject(raw)) return null;
  return {
    author: typeof raw.author === 'string' ? raw.author : '',
    authorId: typeof raw.authorId === 'string' ? raw.authorId : '',
  };
}

/**
 * A participant's new record carries their own id and name; an existing record keeps
 * its authorship unless the facilitator changes it (to anonymise, for example).
 * `before === null`: a new record.
 */
function authorshipDenial(writer: Writer, before: Authorship | null, after: Authorship): WriteDenial | null {
  if (writer.role === Role.facilitator) return null;
  if (before === null) {
    const own = after.authorId === writer.participantId && after.author === writer.name.slice(0, 80);
    return own ? null : WriteDenial.authorship;
  }
  return before.author === after.author && before.authorId === after.authorId ? null : WriteDenial.authorship;
}

/**
 * @param migrated the removal of a version 1 note with the same id in the same update: the
 *   migration (`migrations.ts`) moves it into `items` with its authorship, whoever runs it
 */
function checkItem(ctx: WriteContext, t: Touched, value: unknown, migrated: DocChange | null): WriteDenial | null {
  if (value === undefined) return null; // deleted
  if (!(value instanceof Y.Map)) return WriteDenial.invalid;
  for (const [key, v] of value.entries()) {
    if (!ITEM_KEYS.has(key)) return WriteDenial.invalid;
    if (key === 'r' ? !isPlainObject(v) : typeof v !== 'string') return WriteDenial.invalid;
  }
  const item = readStoredItem(t.record, value);
  if (!item) return WriteDenial.invalid;
  const after = { author: item.author, authorId: item.authorId ?? '' };
  const record = t.fields.get('r');
  if (!t.whole && !record) return null; // only its text changed
  // A new (or replaced) item map, or a record where there was none, is a new item.
  const before = t.whole || !record?.existed ? null : authorshipOf(record.oldValue);
  const legacy = before === null && migrated?.existed ? authorshipOf(migrated.oldValue) : null;
  if (legacy) return legacy.author === after.author && after.authorId === '' ? null : WriteDenial.authorship;
  return authorshipDenial(ctx.writer, before, after);
}

function checkAnswer(ctx: WriteContext, t: Touched, value: unknown): WriteDenial | null {
  // Answers are plain values, replaced whole: the change of the record says what it was.
  const old = t.whole?.existed ? authorshipOf(t.whole.oldValue) : null;
  // An answer is someone's words under their name: only they (or the facilitator) change or delete it.
  if (old && ctx.writer.role !== Role.facilitator && old.authorId !== ctx.writer.participantId) {
    return WriteDenial.authorship;
  }
  if (value === undefined) return null;
  if (!isPlainObject(value)) return WriteDenial.invalid;
  const parsed = AnswerRecord.safeParse(value);
  if (!parsed.success || parsed.data.id !== t.record) return WriteDenial.invalid;
  return authorshipDenial(ctx.writer, old, { author: parsed.data.author, authorId: parsed.data.authorId });
}

/** Does a strict schema give back exactly this value (not repaired by a `catch`)? */
function exact(schema: { safeParse(v: unknown): { success: boolean; data?: unknown } }, value: unknown): boolean {
  if (value === undefined || isType(value)) return false;
  const parsed = schema.safeParse(value);
  return parsed.success && JSON.stringify(parsed.data) === JSON.stringify(value);
}

function checkActor(t: Touched, value: unknown): WriteDenial | null {
  if (value === undefined) return null;
  if (!(value instanceof Y.Map)) return WriteDenial.invalid;
  const keys = t.whole ? [...value.keys()] : [...t.fields.keys()];
  const shape = ActorFields.shape as Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>;
  for (const key of keys) {
    if (!ACTOR_KEYS.has(key)) return WriteDenial.invalid;
    const v: unknown = value.get(key);
    if (v === undefined) continue; // removed: the reader falls back to "not set"
    if (TEXT_FIELDS.has(key)) {
      const ok = (v instanceof Y.Text || typeof v === 'string') && v.length <= ACTOR_TEXT_MAX;
      if (!ok) return WriteDenial.invalid;
    } else if (key === 'id' ? v !== t.record : !exact(shape[key]!, v)) {
      return WriteDenial.invalid;
    }
  }
  return null;
}

/** Relations and forces: a Y.Map per record of plain fields, read with `schema`. */
function checkFields(
  t: Touched,
  value: unknown,
  schema: typeof RelationRecord | typeof ForceRecord,
  readable: (raw: Record<string, unknown>) => boolean,
): WriteDenial | null {
  if (value === undefined) return null;
  if (!(value instanceof Y.Map)) return WriteDenial.invalid;
  const allowed = t.root === 'relations' ? RELATION_KEYS : FORCE_KEYS;
  const shape = schema.shape as Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>;
  const keys = t.whole ? [...value.keys()] : [...t.fields.keys()];
  for (const key of keys) {
    if (!allowed.has(key)) return WriteDenial.invalid;
    const v: unknown = value.get(key);
    if (v === undefined) continue;
    if (key === 'id' ? v !== t.record : !exact(shape[key]!, v)) return WriteDenial.invalid;
  }
  const raw = value.toJSON() as Record<string, unknown>;
  if (!schema.safeParse({ ...raw, id: t.record }).success || !readable(raw)) return WriteDenial.invalid;
  return null;
}

function checkSettings(ctx: WriteContext, doc: Doc, t: Touched): WriteDenial | null {
  const access = writeDenial(ctx, { root: 'settings' });
  if (access) return access;
  const settings = doc.getMap<unknown>('settings');
  const shape = BoardSettings.shape as Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>;
  for (const key of t.fields.keys()) {
    if (!SETTINGS_KEYS.has(key)) return WriteDenial.invalid;
    const v = settings.get(key);
    if (v !== undefined && !exact(shape[key]!, v)) return WriteDenial.invalid;
  }
  return null;
}

function checkMeta(ctx: WriteContext, doc: Doc, t: Touched): WriteDenial | null {
  const meta = doc.getMap<unknown>('meta');
  for (const [key, change] of t.fields) {
    if (key !== 'schemaVersion') return WriteDenial.invalid;
    const v = meta.get(key);
    if (v !== undefined && !(typeof v === 'number' && Number.isInteger(v) && v >= 0)) return WriteDenial.invalid;
    // Any writer's client stamps the version on a new board or migrates an older one.
    const old = change.oldValue;
    const stamp =
      v === BOARD_SCHEMA_VERSION &&
      (!change.existed || old === undefined || (typeof old === 'number' && old < BOARD_SCHEMA_VERSION));
    if (!stamp) {
      const access = writeDenial(ctx, { root: 'meta' });
      if (access) return access;
    }
  }
  return null;
}

function checkAssignment(ctx: WriteContext, doc: Doc, t: Touched, value: unknown): WriteDenial | null {
  const access = writeDenial(ctx, { root: 'roundAssignments', record: t.record });
  if (access) return access;
  if (value === undefined) return null;
  if (!isPlainObject(value)) return WriteDenial.invalid;
  const parsed = RoundAssignment.safeParse({ ...value, participantId: t.record });
  if (!parsed.success || !doc.getMap<unknown>('actors').has(parsed.data.actorId)) return WriteDenial.invalid;
  return null;
}
