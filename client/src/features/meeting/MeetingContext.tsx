/**
 * What every part of the live meeting UI reads, given once by the session page, in
 * pieces that change at different speeds, so a component re-renders only for what it reads:
 *
 * - `useMeeting(selector)`: the session doc and who is here (the meeting store,
 *   meetingStore.ts); `useProgram()`, `useGroups()`, `usePresent()`,
 *   `useSessionSnapshot()` pick one part. A timer change re-renders only what reads the timer.
 * - `useIdentity()`: who I am in which session, and the session's room and doc. Fixed
 *   while the page is open, but for the session info arriving and a rename.
 * - `useBoardSelection()`: which board and view are open, and how to change them.
 * - `useScreen()`: the facilitator's main-area screen.
 */
import { createContext, useContext, useRef, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { SessionInfo } from '../../../../shared/api.ts';
import type { Doc } from '../../../../shared/model/doc.ts';
import type { Identity } from '../../base/identity.ts';
import type { BoardView } from '../../base/useBoardView.ts';
import type { Room } from '../../base/sync/Room.ts';
import { keepUnchanged } from '../../base/keepUnchanged.ts';
import { useDocSnapshot } from '../../base/sync/useDocSnapshot.ts';
import type { MeetingData, MeetingStore } from './meetingStore.ts';

/** The screens of the session's main area. Participants only ever see 'board'. */
export type SessionScreen = 'board' | 'control' | 'compare' | 'results';

export interface MeetingIdentity {
  sessionId: string;
  identity: Identity;
  /** From the server; `null` while loading or offline. */
  info: SessionInfo | null;
  isFacilitator: boolean;
  /** The session room (its doc is the session doc; its awareness is "who is here"). */
  sessionRoom: Room;
  sessionDoc: Doc;
}

export interface BoardSelection {
  /** The open board and view, and how to change them. */
  boardId: string;
  selectBoard(boardId: string): void;
  view: BoardView;
  setView(view: BoardView): void;
  /** The open board's room (its doc is the board doc). */
  boardRoom: Room;
}

export interface ScreenSelection {
  /** The main area's screen (facilitator; 'board' for everyone else). */
  screen: SessionScreen;
  setScreen(screen: SessionScreen): void;
}

const StoreCtx = createContext<MeetingStore | null>(null);
const IdentityCtx = createContext<MeetingIdentity | null>(null);
const BoardCtx = createContext<BoardSelection | null>(null);
const ScreenCtx = createContext<ScreenSelection | null>(null);

function need<T>(value: T | null): T {
  if (value === null) throw new Error('useMeeting outside the session page');
  return value;
}

/** Gives the meeting's state to everything inside; the values should be memoised. */
export function MeetingProvider(props: {
  store: MeetingStore;
  identity: MeetingIdentity;
  board: BoardSelection;
  screen: ScreenSelection;
  children: ReactNode;
}) {
  return (
    <StoreCtx.Provider value={props.store}>
      <IdentityCtx.Provider value={props.identity}>
        <BoardCtx.Provider value={props.board}>
          <ScreenCtx.Provider value={props.screen}>{props.children}</ScreenCtx.Provider>
        </BoardCtx.Provider>
      </IdentityCtx.Provider>
    </StoreCtx.Provider>
  );
}

/**
 * One part of the session doc or of who is here; the component re-renders when that part
 * changes. Pick a value or a part of the snapshot, not a new object (or wrap the selector
 * in zustand's `useShallow`).
 */
export function useMeeting<T>(selector: (state: MeetingData) => T): T {
  return useStore(need(useContext(StoreCtx)), selector);
}

/**
 * `useMeeting` for a selector that builds a new value (a filtered list, a small record):
 * the previous value while the new one is deeply equal to it.
 */
export function useMeetingDerived<T>(selector: (state: MeetingData) => T): T {
  const last = useRef<{ value: T } | null>(null);
  return useMeeting((state) => {
    const next = selector(state);
    const kept = last.current ? keepUnchanged(last.current.value, next) : next;
    last.current = { value: kept };
    return kept;
  });
}

export const useSessionSnapshot = () => useMeeting((s) => s.session);
export const useProgram = () => useMeeting((s) => s.program);
export const useGroups = () => useMeeting((s) => s.groups);
export const usePresent = () => useMeeting((s) => s.present);
/** A board's record in the session doc (title, kind, locked, open); `undefined` while unknown. */
export const useBoardRecord = (boardId: string) => useMeeting((s) => s.session.boards.find((b) => b.id === boardId));

/** The meeting store itself, for reading it in an event handler without subscribing. */
export const useMeetingStore = (): MeetingStore => need(useContext(StoreCtx));

export const useIdentity = (): MeetingIdentity => need(useContext(IdentityCtx));

/**
 * Another reading of the session doc (vote rounds, evaluation, settings) with a
 * module-level `read`: the same value while it reads the same, so a timer change or a
 * phase switch does not re-render what shows the vote rounds.
 */
export function useSessionDocSnapshot<T>(read: (doc: Doc) => T): T {
  return useDocSnapshot(useIdentity().sessionDoc, read, keepUnchanged);
}
export const useBoardSelection = (): BoardSelection => need(useContext(BoardCtx));
export const useScreen = (): ScreenSelection => need(useContext(ScreenCtx));
