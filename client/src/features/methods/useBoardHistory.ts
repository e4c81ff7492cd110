/**
 * A board's history snapshots for the krachtenveld timeline (issue 15, "the field in
 * motion"): the list from the REST API (facilitator's token), only this board's room,
 * oldest first; each snapshot's state fetched and decoded with the model's functions
 * into what the views read. Read-only: the decoded docs are dropped at once and
 * nothing is ever written back.
 */
import { useEffect, useState } from 'react';
import { docFromState } from '../../../../shared/model/doc.ts';
import { boardRoomName } from '../../../../shared/protocol.ts';
import { getSnapshotState, listSnapshots } from '../../base/api/index.ts';
import { readWorkspace, type WorkspaceData } from './context.ts';

/** Where the history comes from: the session, the board and the facilitator's token. */
export interface HistorySource {
  sessionId: string;
  boardId: string;
  token: string;
}

/** The board as it was at one snapshot. */
export interface HistoryFrame {
  id: number;
  createdAt: number;
  data: WorkspaceData;
}

export type BoardHistory =
  | { status: 'idle' | 'loading' }
  | { status: 'ready'; frames: readonly HistoryFrame[] }
  | { status: 'error'; message: string };

/** At most this many snapshots (the newest); a long day's history stays quick to load. */
export const MAX_FRAMES = 120;
const PARALLEL = 4;

async function loadHistory(source: HistorySource, alive: () => boolean): Promise<HistoryFrame[]> {
  const room = boardRoomName(source.sessionId, source.boardId);
  const { snapshots } = await listSnapshots(source.sessionId, source.token);
  const mine = snapshots
    .filter((s) => s.room === room)
    .sort((a, b) => a.createdAt - b.createdAt || a.id - b.id)
    .slice(-MAX_FRAMES);
  const frames: (HistoryFrame | null)[] = new Array<HistoryFrame | null>(mine.length).fill(null);
  let next = 0;
  const worker = async () => {
    while (next < mine.length && alive()) {
      const i = next++;
      const info = mine[i]!;
      const state = await getSnapshotState(source.sessionId, info.id, source.token);
      const doc = docFromState(state);
      try {
        frames[i] = { id: info.id, createdAt: info.createdAt, data: readWorkspace(doc) };
      } finally {
        doc.destroy();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, mine.length) }, worker));
  return frames.filter((f): f is HistoryFrame => f !== null);
}

/**
 * Loads the history while `source` is given (the timeline is open); `reloadKey`
 * loads it again (newer snapshots since).
 */
export function useBoardHistory(source: HistorySource | null, reloadKey = 0): BoardHistory {
  const [history, setHistory] = useState<BoardHistory>({ status: 'idle' });
  const sessionId = source?.sessionId;
  const boardId = source?.boardId;
  const token = source?.token;
  useEffect(() => {
    if (!sessionId || !boardId || !token) {
      setHistory({ status: 'idle' });
      return;
    }
    let alive = true;
    setHistory((h) => (h.status === 'ready' ? h : { status: 'loading' }));
    loadHistory({ sessionId, boardId, token }, () => alive).then(
      (frames) => alive && setHistory({ status: 'ready', frames }),
      (err: unknown) =>
        alive && setHistory({ status: 'error', message: err instanceof Error ? err.message : String(err) }),
    );
    return () => {
      alive = false;
    };
  }, [sessionId, boardId, token, reloadKey]);
  return history;
}
