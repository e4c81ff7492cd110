/**
 * Durable storage of Yjs documents (rooms) and their history. The sync server appends
 * every accepted update BEFORE it broadcasts it, so an edit that another client saw is
 * on disk. Implementations: {@link SqliteStore} (default) and {@link MemoryStore} (tests).
 * Every implementation passes `test/unit/docStore.contract.test.ts`.
 */
export interface StoredDoc {
  /** Updates in the order they were appended; applying them all gives the doc. */
  updates: Uint8Array[];
  /** Sequence number of the last stored update (0 when the doc is new). */
  lastSeq: number;
}

export interface SnapshotInfo {
  id: number;
  room: string;
  createdAt: number;
  reason: SnapshotReason;
  bytes: number;
}

export type SnapshotReason = 'interval' | 'unload' | 'manual';

export interface DocStore {
  /** All stored updates of a room (empty when the room has none). */
  load(room: string): Promise<StoredDoc>;
  /**
   * Appends one update and resolves its sequence number once it is durable. Resolves
   * `null`, storing nothing, when the room's session no longer exists (deleted
   * meanwhile, e.g. by the admin CLI), so a deleted session is never written again.
   */
  append(room: string, update: Uint8Array): Promise<number | null>;
  /**
   * Replaces the updates with sequence number <= `upToSeq` by `merged` (the doc state
   * that contains them). Updates appended after `upToSeq` are kept. Resolves the new
   * row's sequence number, or `null` when the session no longer exists.
   */
  compact(room: string, merged: Uint8Array, upToSeq: number): Promise<number | null>;
  /** Names of the rooms of a session that have stored updates. */
  listRooms(sessionId: string): Promise<string[]>;
  /** Number of stored update rows of a room (for compaction thresholds and metrics). */
  countUpdates(room: string): Promise<number>;
  saveSnapshot(room: string, state: Uint8Array, reason: SnapshotReason, createdAt: number): Promise<SnapshotInfo>;
  /** Snapshots of every room of a session, newest first. */
  listSnapshots(sessionId: string): Promise<SnapshotInfo[]>;
  getSnapshot(sessionId: string, id: number): Promise<{ info: SnapshotInfo; state: Uint8Array } | null>;
}
