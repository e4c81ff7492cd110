/**
 * The facilitator's phase switch (issue 12): the session doc's part in one change
 * (`shared/model/meeting/phaseSwitch.ts`: current phase, the old timer stopped, the new
 * phase's own timer), then, for a phase that starts the individual round, the round
 * switched on on its boards as the facilitator's own switch would: through this
 * person's connection to each board, checked by the server's write rules like any edit.
 */
import { useCallback } from 'react';
import { readSettings, updateSettings } from '../../../../shared/model/board/actors.ts';
import { enterPhase, roundBoardsOf, type PhaseSwitch } from '../../../../shared/model/meeting/phaseSwitch.ts';
import { Role } from '../../../../shared/roles.ts';
import { boardConnectionRoom } from '../../base/sync/boardRoom.ts';
import type { Room } from '../../base/sync/Room.ts';
import { getRoomEntry, retainRoom } from '../../base/sync/rooms.ts';
import { useGroups, useIdentity, useMeeting } from './MeetingContext.tsx';
import { serverNow } from './serverClock.ts';

/** How long to wait for a board's server copy before writing to the copy we have. */
const CONNECT_WAIT_MS = 15_000;

function whenConnected(room: Room, timeoutMs: number): Promise<boolean> {
  if (room.getStatus().connection === 'connected') return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      off();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    const off = room.subscribe(() => {
      if (room.getStatus().connection === 'connected') done(true);
    });
  });
}

interface BoardAccess {
  sessionId: string;
  token: string;
  participantId: string;
  privateOn: boolean;
}

/** Switches the individual round on, on each board (already on: left alone). */
export async function startRoundOn(access: BoardAccess, boardIds: readonly string[]): Promise<void> {
  await Promise.all(
    boardIds.map(async (boardId) => {
      const name = boardConnectionRoom({ ...access, boardId, role: Role.facilitator });
      const entry = getRoomEntry(name, access.token);
      const release = retainRoom(entry);
      const room = entry.getRoom();
      // Writing to a board is not being on it: no presence there unless this page shows it
      // (a room the control room watches has none already; it is left as it was).
      const awareness = room.awareness;
      const before = awareness.getLocalState();
      const hide = before !== null && before.user === undefined;
      if (hide) awareness.setLocalState(null);
      try {
        // The server's copy first: a change made beside it could lose to an older one.
        await whenConnected(room, CONNECT_WAIT_MS);
        if (!readSettings(room.doc).individualRound) updateSettings(room.doc, { individualRound: true });
        await room.whenServerCaughtUp();
      } finally {
        if (hide && awareness.getLocalState() === null) awareness.setLocalState(before);
        release();
      }
    }),
  );
}

/** `go(phaseId)`: switch the phase with what comes with it; `onSwitched` hears what happened. */
export function usePhaseSwitch(onSwitched?: (result: PhaseSwitch) => void): (phaseId: string | null) => void {
  const { sessionDoc, sessionId, identity } = useIdentity();
  const groups = useGroups();
  const privateOn = useMeeting((s) => s.live.privateMode.on);
  return useCallback(
    (phaseId: string | null) => {
      const result = enterPhase(sessionDoc, phaseId, { now: serverNow() });
      if (!result) return;
      onSwitched?.(result);
      const boards = result.phase ? roundBoardsOf(result.phase, groups) : [];
      if (boards.length === 0) return;
      const access = { sessionId, token: identity.token, participantId: identity.participantId, privateOn };
      void startRoundOn(access, boards).catch(() => undefined);
    },
    [sessionDoc, sessionId, identity.token, identity.participantId, groups, privateOn, onSwitched],
  );
}
