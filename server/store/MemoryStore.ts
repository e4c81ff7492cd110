import { parseRoomName } from '../../shared/protocol.ts';
import type { DocStore, QuarantineInfo, SnapshotInfo } from './DocStore.ts';
import { snapshotsToDrop } from './snapshotPolicy.ts';
import type {
  AnonymousResults,
  EvaluationRecord,
  ParticipantRecord,
  SessionRecord,
  SessionStore,
  Store,
  VoteRecord,
} from './SessionStore.ts';

/** An in-memory {@link Store} with the same contract as SQLite; for unit tests. */
export class MemoryStore implements Store {
  private seq = 0;
  private snapshotSeq = 0;
  private readonly sessionRows = new Map<string, SessionRecord>();
  private readonly participantRows = new Map<string, ParticipantRecord[]>();
  private readonly updateRows = new Map<string, { seq: number; data: Uint8Array }[]>();
  private readonly snapshotRows: (SnapshotInfo & { sessionId: string; data: Uint8Array })[] = [];
  private quarantineRows: (QuarantineInfo & { sessionId: string; data: Uint8Array })[] = [];
  private quarantineSeq = 0;
  private readonly evaluationRows = new Map<string, EvaluationRecord>();
  private voteRows: VoteRecord[] = [];
  private readonly anonymousRows = new Map<string, AnonymousResults>();

  private exists(room: string): string | null {
    const sid = parseRoomName(room)?.sessionId;
    if (sid === undefined) throw new Error(`invalid room name: ${room}`);
    return this.sessionRows.has(sid) ? sid : null;
  }

  readonly docs: DocStore = {
    load: async (room) => {
      const rows = this.updateRows.get(room) ?? [];
      return { updates: rows.map((r) => r.data.slice()), seqs: rows.map((r) => r.seq), lastSeq: rows.at(-1)?.seq ?? 0 };
    },
    append: async (room, update) => {
      if (!this.exists(room)) return null;
      const seq = ++this.seq;
      const rows = this.updateRows.get(room) ?? [];
      rows.push({ seq, data: update.slice() });
      this.updateRows.set(room, rows);
      return seq;
    },
    compact: async (room, merged, mergedSeqs) => {
      if (!this.exists(room)) return null;
      const seq = ++this.seq;
      const done = new Set(mergedSeqs);
      const kept = (this.updateRows.get(room) ?? []).filter((r) => !done.has(r.seq));
      this.updateRows.set(room, [...kept, { seq, data: merged.slice() }]);
      return seq;
    },
    quarantine: async (room, seq, reason, at) => {
      const sessionId = this.exists(room);
      const rows = this.updateRows.get(room) ?? [];
      const i = rows.findIndex((r) => r.seq === seq);
      if (!sessionId || i < 0) return false;
      const [row] = rows.splice(i, 1);
      const data = row!.data;
      this.quarantineRows.push({
        id: ++this.quarantineSeq,
        room,
        seq,
        reason,
        quarantinedAt: at,
        bytes: data.byteLength,
        sessionId,
        data,
      });
      return true;
    },
    listQuarantine: async (sessionId) =>
      this.quarantineRows
        .filter((q) => sessionId === undefined || q.sessionId === sessionId)
        .map(({ data: _data, sessionId: _sid, ...info }) => info),
    getQuarantined: async (id) => {
      const q = this.quarantineRows.find((r) => r.id === id);
      if (!q) return null;
      const { data, sessionId: _sid, ...info } = q;
      return { info, data: data.slice() };
    },
    countQuarantine: async () => this.quarantineRows.length,
    listRooms: async (sessionId) =>
      [...this.updateRows.keys()].filter((room) => parseRoomName(room)?.sessionId === sessionId).sort(),
    countUpdates: async (room) => this.updateRows.get(room)?.length ?? 0,
    deleteRoom: async (room) => {
      const n = this.updateRows.get(room)?.length ?? 0;
      this.updateRows.delete(room);
      for (let i = this.snapshotRows.length - 1; i >= 0; i--)
        if (this.snapshotRows[i]!.room === room) this.snapshotRows.splice(i, 1);
      return n;
    },
    saveSnapshot: async (room, state, reason, createdAt) => {
      const sessionId = this.exists(room);
      const info: SnapshotInfo = { id: ++this.snapshotSeq, room, createdAt, reason, bytes: state.byteLength };
      if (sessionId) {
        this.snapshotRows.push({ ...info, sessionId, data: state.slice() });
        const drop = new Set(
          snapshotsToDrop(
            this.snapshotRows.filter((r) => r.room === room),
            createdAt,
          ),
        );
        for (let i = this.snapshotRows.length - 1; i >= 0; i--)
          if (drop.has(this.snapshotRows[i]!.id)) this.snapshotRows.splice(i, 1);
      }
      return info;
    },
    listSnapshots: async (sessionId) =>
      this.snapshotRows
        .filter((s) => s.sessionId === sessionId)
        .sort((a, b) => b.createdAt - a.createdAt || b.id - a.id)
        .map(({ id, room, createdAt, reason, bytes }) => ({ id, room, createdAt, reason, bytes })),
    getSnapshot: async (sessionId, id) => {
      const s = this.snapshotRows.find((r) => r.sessionId === sessionId && r.id === id);
      if (!s) return null;
      const { data, sessionId: _sid, ...info } = s;
      return { info, state: data.slice() };
    },
  };

  readonly sessions: SessionStore = {
    createSession: async (s, f) => {
      if (this.sessionRows.has(s.id)) throw new Error('session exists');
      if ([...this.sessionRows.values()].some((x) => x.joinCode === s.joinCode)) throw new Error('join code in use');
      this.sessionRows.set(s.id, { ...s, joinOpen: true, joinCodeAt: s.createdAt });
      this.participantRows.set(s.id, [{ ...f }]);
    },
    getSession: async (id) => {
      const s = this.sessionRows.get(id);
      return s ? { ...s } : null;
    },
    findSessionByJoinCode: async (code) => {
      const s = [...this.sessionRows.values()].find((x) => x.joinCode === code);
      return s ? { ...s } : null;
    },
    listSessions: async () =>
      [...this.sessionRows.values()]
        .sort((a, b) => b.createdAt - a.createdAt)
        .map((s) => ({
          ...s,
          participants: (this.participantRows.get(s.id) ?? []).filter((p) => p.role === 'participant').length,
        })),
    setJoinOpen: async (sid, open) => {
      const s = this.sessionRows.get(sid);
      if (s) s.joinOpen = open;
      return Boolean(s);
    },
    setJoinCode: async (sid, joinCode, at) => {
      const s = this.sessionRows.get(sid);
      if (!s) return false;
      if ([...this.sessionRows.values()].some((x) => x !== s && x.joinCode === joinCode))
        throw new Error('join code in use');
      s.joinCode = joinCode;
      s.joinCodeAt = at;
      return true;
    },
    joinCodeActivity: async (sid) => {
      const s = this.sessionRows.get(sid);
      if (!s) return null;
      return Math.max(
        s.createdAt,
        s.joinCodeAt,
        ...(this.participantRows.get(sid) ?? []).map((p) => p.createdAt),
        ...this.snapshotRows.filter((r) => r.sessionId === sid).map((r) => r.createdAt),
      );
    },
    addParticipant: async (p) => {
      const rows = this.participantRows.get(p.sessionId);
      if (!rows) throw new Error('unknown session');
      rows.push({ ...p });
    },
    getParticipant: async (sid, pid) => this.participantRows.get(sid)?.find((p) => p.id === pid) ?? null,
    listParticipants: async (sid) => [...(this.participantRows.get(sid) ?? [])],
    renameParticipant: async (sid, pid, name) => {
      const p = this.participantRows.get(sid)?.find((x) => x.id === pid);
      if (p) p.name = name;
      return Boolean(p);
    },
    removeParticipant: async (sid, pid) => {
      const rows = this.participantRows.get(sid) ?? [];
      const i = rows.findIndex((x) => x.id === pid);
      if (i < 0) return false;
      rows.splice(i, 1);
      this.evaluationRows.delete(`${sid}/${pid}`);
      this.voteRows = this.voteRows.filter((r) => !(r.sessionId === sid && r.participantId === pid));
      return true;
    },
    saveEvaluation: async (e) => {
      if (!this.participantRows.get(e.sessionId)?.some((p) => p.id === e.participantId))
        throw new Error('unknown participant');
      this.evaluationRows.set(`${e.sessionId}/${e.participantId}`, { ...e });
    },
    listEvaluations: async (sid) =>
      [...this.evaluationRows.values()]
        .filter((e) => e.sessionId === sid)
        .sort((a, b) => a.createdAt - b.createdAt || a.participantId.localeCompare(b.participantId)),
    castVote: async (v, budget) => {
      if (!this.participantRows.get(v.sessionId)?.some((p) => p.id === v.participantId))
        throw new Error('unknown participant');
      const same = (r: VoteRecord) =>
        r.sessionId === v.sessionId && r.roundId === v.roundId && r.participantId === v.participantId;
      const others = this.voteRows.filter((r) => same(r) && r.targetId !== v.targetId).reduce((t, r) => t + r.count, 0);
      if (others + v.count > budget) return false;
      this.voteRows = this.voteRows.filter((r) => !(same(r) && r.targetId === v.targetId));
      if (v.count > 0) this.voteRows.push({ ...v });
      return true;
    },
    listVotes: async (sid, roundId) =>
      this.voteRows
        .filter((r) => r.sessionId === sid && r.roundId === roundId)
        .sort((a, b) => a.participantId.localeCompare(b.participantId) || a.targetId.localeCompare(b.targetId)),
    saveAnonymousResults: async (sid, results) => {
      if (!this.sessionRows.has(sid)) throw new Error('unknown session');
      this.anonymousRows.set(sid, structuredClone(results));
    },
    getAnonymousResults: async (sid) => structuredClone(this.anonymousRows.get(sid) ?? null),
    listInactiveSessions: async (before) =>
      [...this.sessionRows.values()]
        .filter((session) => {
          const times = [
            session.createdAt,
            ...(this.participantRows.get(session.id) ?? []).map((p) => p.createdAt),
            ...this.snapshotRows.filter((r) => r.sessionId === session.id).map((r) => r.createdAt),
          ];
          return Math.max(...times) < before;
        })
        .map((session) => session.id)
        .sort(),
    deleteSession: async (id) => {
      if (!this.sessionRows.delete(id)) return false;
      this.anonymousRows.delete(id);
      this.voteRows = this.voteRows.filter((r) => r.sessionId !== id);
      for (const key of [...this.evaluationRows.keys()]) if (key.startsWith(`${id}/`)) this.evaluationRows.delete(key);
      this.participantRows.delete(id);
      for (const room of [...this.updateRows.keys()]) {
        if (parseRoomName(room)?.sessionId === id) this.updateRows.delete(room);
      }
      this.quarantineRows = this.quarantineRows.filter((q) => q.sessionId !== id);
      for (let i = this.snapshotRows.length - 1; i >= 0; i--) {
        if (this.snapshotRows[i]?.sessionId === id) this.snapshotRows.splice(i, 1);
      }
      return true;
    },
  };

  async backup(): Promise<void> {
    throw new Error('the in-memory store cannot be backed up');
  }

  async close(): Promise<void> {}
}
