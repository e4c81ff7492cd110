/**
 * Keeps one {@link Room} per (room name, token) for as long as some component uses it.
 * Rooms outlive a quick unmount/mount (React StrictMode, route changes back and forth)
 * and are replaced by a fresh copy when the server refused our changes, so the screen
 * shows what the server has, not what it turned down.
 */
import { clearDocument } from 'y-indexeddb';
import { PLENARY_BOARD_ID, RefusalReason, boardRoomName, sessionRoomName } from '../../../../shared/protocol.ts';
import { pushNotice } from '../notices.ts';
import type { MessageKey } from '../i18n/useT.ts';
import { Room, type RoomEvent } from './Room.ts';

/** A room nobody uses any more is closed after this delay. */
const RELEASE_DELAY_MS = 1500;
/** A room created during a render that never commits is closed after this delay. */
const UNCLAIMED_DELAY_MS = 10_000;
/** Do not drop and reload the local copy more often than this (a refusal loop). */
const MIN_RESET_INTERVAL_MS = 5000;

export interface RoomEntry {
  getRoom(): Room;
  subscribe(listener: () => void): () => void;
}

interface Entry extends RoomEntry {
  key: string;
  room: Room;
  refs: number;
  releaseTimer: ReturnType<typeof setTimeout> | null;
  lastReset: number;
  listeners: Set<() => void>;
}

const entries = new Map<string, Entry>();
/**
 * Rooms whose offline copy is deleted whenever nobody uses them (a revealed private copy).
 * A room stays here until {@link rememberRoom}: a late render that opens it once more
 * must not bring its copy back.
 */
const forgotten = new Set<string>();

function noticeFor(event: RoomEvent): MessageKey {
  if (event.type === 'too-large') return 'notice.docTooLarge';
  switch (event.reason) {
    case RefusalReason.boardLocked:
      return 'notice.boardLocked';
    case RefusalReason.docTooLarge:
      return 'notice.docTooLarge';
    case RefusalReason.notAllowed:
      return 'notice.notAllowed';
    default:
      return 'notice.readOnly';
  }
}

function createEntry(key: string, name: string, token: string): Entry {
  const onEvent = (event: RoomEvent) => {
    // Private mode went on or off while we wrote: the page moves this board's connection
    // to the other room and carries our work along (useBoardRoom). Nothing to reset or say.
    if (event.type === 'refused' && event.reason === RefusalReason.privateMode) return;
    pushNotice(noticeFor(event));
    const now = Date.now();
    if (now - entry.lastReset < MIN_RESET_INTERVAL_MS || !entries.has(key)) return;
    entry.lastReset = now;
    // Start over from the server's state: the refused change must not linger here,
    // nor come back from the offline copy or be resent after the next reconnect.
    entry.room.destroy();
    entry.room = new Room(name, token, onEvent, true, !forgotten.has(name));
    for (const l of entry.listeners) l();
  };
  const entry: Entry = {
    key,
    room: new Room(name, token, onEvent, false, !forgotten.has(name)),
    refs: 0,
    releaseTimer: null,
    lastReset: 0,
    listeners: new Set(),
    getRoom: () => entry.room,
    subscribe: (listener) => {
      entry.listeners.add(listener);
      return () => entry.listeners.delete(listener);
    },
  };
  entries.set(key, entry);
  scheduleRelease(entry, UNCLAIMED_DELAY_MS);
  return entry;
}

function scheduleRelease(entry: Entry, delay: number): void {
  if (entry.releaseTimer !== null) clearTimeout(entry.releaseTimer);
  entry.releaseTimer = setTimeout(() => {
    entry.releaseTimer = null;
    if (entry.refs > 0) return;
    entries.delete(entry.key);
    entry.room.destroy();
    if (forgotten.has(entry.room.name)) void clearDocument(`veldwerk:${entry.room.name}`).catch(() => undefined);
  }, delay);
}

/**
 * Deletes this device's offline copy of a room (a private copy the facilitator has
 * revealed), once the room is closed: now if nobody has it open.
 */
export function forgetRoom(name: string): void {
  forgotten.add(name);
  const open = [...entries.values()].filter((e) => e.room.name === name);
  for (const e of open) void e.room.forgetLocalCopy();
  if (!open.length) void clearDocument(`veldwerk:${name}`).catch(() => undefined);
}

/** The room is in use again (private mode back on): keep its offline copy from now on. */
export function rememberRoom(name: string): void {
  forgotten.delete(name);
}

/** The entry for a room, created on first use. Safe to call during render: it is idempotent. */
export function getRoomEntry(name: string, token: string): RoomEntry {
  const key = `${name}\n${token}`;
  return entries.get(key) ?? createEntry(key, name, token);
}

/** Marks the room as used; the returned function releases it. */
export function retainRoom(entry: RoomEntry): () => void {
  const e = entry as Entry;
  e.refs++;
  if (e.releaseTimer !== null) clearTimeout(e.releaseTimer);
  e.releaseTimer = null;
  return () => {
    e.refs--;
    if (e.refs === 0) scheduleRelease(e, RELEASE_DELAY_MS);
  };
}

// Leaving the page: tell the others right away instead of after the 30 s awareness timeout.
// A page restored from the back/forward cache comes back as it was.
const hiddenStates = new Map<Room, Record<string, unknown>>();
window.addEventListener('pagehide', () => {
  for (const { room } of entries.values()) {
    const state = room.awareness.getLocalState();
    if (state) hiddenStates.set(room, state);
    room.awareness.setLocalState(null);
  }
});
window.addEventListener('pageshow', (e) => {
  if (e.persisted) for (const [room, state] of hiddenStates) room.awareness.setLocalState(state);
  hiddenStates.clear();
});

/** Deletes this device's offline copies of a session's docs (the session was deleted). */
export async function forgetLocalCopies(sessionId: string, boardIds: readonly string[] = []): Promise<void> {
  const boards = new Set([PLENARY_BOARD_ID, ...boardIds.filter(Boolean)]);
  const names = [sessionRoomName(sessionId), ...[...boards].map((id) => boardRoomName(sessionId, id))];
  // Private copies and overviews (private mode) have names this device only finds in IndexedDB.
  const prefix = `veldwerk:${sessionRoomName(sessionId)}/`;
  const stored = await indexedDB.databases?.().catch(() => []);
  for (const db of stored ?? []) if (db.name?.startsWith(prefix)) names.push(db.name.slice('veldwerk:'.length));
  await Promise.all(names.map((n) => clearDocument(`veldwerk:${n}`).catch(() => undefined)));
}
