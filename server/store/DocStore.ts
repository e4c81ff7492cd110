/**
 * Durable storage of Yjs documents (rooms) and their history. The sync server appends
 * every accepted update BEFORE it broadcasts it, so an edit that another client saw is
 * on disk. Implementations: {@link SqliteStore} (default), {@link PostgresStore} (several
 * instances, issue 13) and {@link MemoryStore} (tests).
 * Every implementation passes `test/unit/docStore.contract.test.ts`.
 */
export interface StoredDoc {
  /** Updates in the order they were appended; applying them all gives the doc. */
  updates: Uint8Array[];
  /** Sequence number of each update, in the same order as `updates`. */
  seqs: number[];
  /** Sequence number of the last stored update (0 when the doc is new). */
  lastSeq: number;
}

/**
 * A stored update that could not be loaded (undecodable, over the limits, or failing to
 * apply), moved out of the room's updates so that it is never read or compacted away,
 * and kept for the admin to inspect (`npm run admin -- list-quarantine`).
 */
export interface QuarantineInfo {
  id: number;
  room: string;
  /** The row's sequence number while it was an update. */
  seq: number;
  reason: string;
  quarantinedAt: number;
  bytes: number;
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
   * Replaces the updates `mergedSeqs` (the rows the caller read or appended, and merged)
   * by `merged`, in one transaction. Every other row is kept: those appended meanwhile,
   * and any the caller did not read, so compaction never deletes what it did not merge.
   * Resolves the new row's sequence number, or `null` when the session no longer exists.
   */
  compact(room: string, merged: Uint8Array, mergedSeqs: readonly number[]): Promise<number | null>;
  /**
   * Moves the update `seq` of `room` into the quarantine with `reason`, in one
   * transaction (never a delete without the copy). Resolves false when there is no such row.
   */
  quarantine(room: string, seq: number, reason: string, at: number): Promise<boolean>;
  /** Quarantined rows, of one session or of all, oldest first. */
  listQuarantine(sessionId?: string): Promise<QuarantineInfo[]>;
  /** One quarantined row with its bytes. */
  getQuarantined(id: number): Promise<{ info: QuarantineInfo; data: Uint8Array } | null>;
  /** Number of rows in the quarantine (all sessions). */
  countQuarantine(): Promise<number>;
  /** Names of the rooms of a session that have stored updates. */
  listRooms(sessionId: string): Promise<string[]>;
  /**
   * Deletes a room's stored updates and history snapshots, nothing else (quarantined rows
   * stay). For the private copies of private mode, once revealed: their content is then in
   * the board (issue 10). Resolves the number of update rows deleted.
   */
  deleteRoom(room: string): Promise<number>;
  /** Number of stored update rows of a room (for compaction thresholds and metrics). */
  countUpdates(room: string): Promise<number>;
  saveSnapshot(room: string, state: Uint8Array, reason: SnapshotReason, createdAt: number): Promise<SnapshotInfo>;
  /** Snapshots of every room of a session, newest first. */
  listSnapshots(sessionId: string): Promise<SnapshotInfo[]>;
  getSnapshot(sessionId: string, id: number): Promise<{ info: SnapshotInfo; state: Uint8Array } | null>;
}
