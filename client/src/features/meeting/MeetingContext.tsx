/**
 * What every part of the live meeting UI needs, given once by the session page: who I
 * am, the session doc and its snapshots (programme, groups, live controls), who is
 * here, and which board and view are open. Components read it with `useMeeting()`.
 */
import { createContext, useContext } from 'react';
import type { SessionInfo } from '../../../../shared/api.ts';
import type { Doc } from '../../../../shared/model/doc.ts';
import type { GroupsSnapshot } from '../../../../shared/model/meeting/groups.ts';
import type { LiveSnapshot } from '../../../../shared/model/meeting/live.ts';
import type { ProgramSnapshot } from '../../../../shared/model/meeting/program.ts';
import { readGroups } from '../../../../shared/model/meeting/groups.ts';
import { readLive } from '../../../../shared/model/meeting/live.ts';
import { readProgram } from '../../../../shared/model/meeting/program.ts';
import type { SessionSnapshot } from '../../../../shared/model/sessionDoc.ts';
import type { Identity } from '../../base/identity.ts';
import type { BoardView } from '../../base/useBoardView.ts';
import type { Room } from '../../base/sync/Room.ts';
import type { PresentPerson } from '../../base/sync/usePresence.ts';

/** The screens of the session's main area. Participants only ever see 'board'. */
export type SessionScreen = 'board' | 'control' | 'compare' | 'results';

export interface MeetingContextValue {
  sessionId: string;
  identity: Identity;
  /** From the server; `null` while loading or offline. */
  info: SessionInfo | null;
  isFacilitator: boolean;
  /** The session room (its doc is the session doc; its awareness is "who is here"). */
  sessionRoom: Room;
  sessionDoc: Doc;
  session: SessionSnapshot;
  program: ProgramSnapshot;
  groups: GroupsSnapshot;
  live: LiveSnapshot;
  /** Everyone in the session room, with where they are (see `readWhere`). */
  present: PresentPerson[];
  /** The open board and view, and how to change them. */
  boardId: string;
  selectBoard(boardId: string): void;
  view: BoardView;
  setView(view: BoardView): void;
  /** The open board's room (its doc is the board doc). */
  boardRoom: Room;
  /** The main area's screen (facilitator). */
  screen: SessionScreen;
  setScreen(screen: SessionScreen): void;
}

const Ctx = createContext<MeetingContextValue | null>(null);
export const MeetingProvider = Ctx.Provider;

export function useMeeting(): MeetingContextValue {
  const value = useContext(Ctx);
  if (!value) throw new Error('useMeeting outside the session page');
  return value;
}

/** Module-level readers for `useDocSnapshot` (stable functions keep its cache). */
export const readProgramSnapshot = (doc: Doc): ProgramSnapshot => readProgram(doc);
export const readGroupsSnapshot = (doc: Doc): GroupsSnapshot => readGroups(doc);
export const readLiveSnapshot = (doc: Doc): LiveSnapshot => readLive(doc);
