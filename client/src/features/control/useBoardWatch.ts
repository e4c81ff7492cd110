/**
 * Watches one board for the control room: opens its room read-only (we never write),
 * stays out of the board's presence, and at most once a second reads what the card
 * shows: the picture, actors placed, questions answered, notes, last activity. Eight
 * groups with 25 actors each cost eight small reads a second at most, and nothing
 * while a group is quiet.
 */
import { useEffect, useState } from 'react';
import { readMethods } from '../../../../shared/model/board/actors.ts';
import { readAnswers } from '../../../../shared/model/board/answers.ts';
import { onDocChange, type Doc } from '../../../../shared/model/doc.ts';
import { boardReaderFor } from '../../base/board/boardModel.ts';
import { useMeeting } from '../meeting/index.ts';
import { boardConnectionRoom } from '../../base/sync/boardRoom.ts';
import type { AwarenessUser, Room } from '../../base/sync/Room.ts';
import { useRoom } from '../../base/sync/useRoom.ts';
import { canvasThumbSvg, fieldThumbSvg, svgDataUrl } from './thumbnail.ts';

/** At most one redraw per board per this many ms. */
export const REDRAW_MS = 1000;

export type ThumbKind = 'field' | 'canvas';

export interface BoardWatch {
  /** The picture as an `<img>` source. */
  thumb: string;
  actors: number;
  placed: number;
  /** Notes on the free board. */
  notes: number;
  /** Everything on the free board (notes, texts, arrows, frames). */
  canvasItems: number;
  /** Ids of the questions with at least one answer on this board. */
  answered: ReadonlySet<string>;
  /** Last change seen (ms since epoch), or the newest answer's time; 0 if unknown. */
  lastActivity: number;
  /** Drawn from the server's copy (not only the local one). */
  synced: boolean;
}

/** Live changes seen per room during this page's life (a card opened again remembers). */
const activity = new Map<string, number>();

function readWatch(doc: Doc, room: Room, kind: ThumbKind): BoardWatch {
  const methods = readMethods(doc);
  const items = boardReaderFor(doc).getSnapshot().items;
  const answers = readAnswers(doc);
  let placed = 0;
  for (const a of methods.actors) if (a.houding !== null && a.invloed !== null) placed++;
  let notes = 0;
  let canvasItems = 0;
  for (const i of items) {
    if (i.view !== 'canvas') continue;
    canvasItems++;
    if (i.kind === 'note') notes++;
  }
  let newestAnswer = 0;
  const answered = new Set<string>();
  for (const a of answers) {
    answered.add(a.questionId);
    newestAnswer = Math.max(newestAnswer, a.createdAt);
  }
  const svg = kind === 'field' ? fieldThumbSvg(methods.actors, methods.settings.colorBy) : canvasThumbSvg(items).svg;
  return {
    thumb: svgDataUrl(svg),
    actors: methods.actors.length,
    placed,
    notes,
    canvasItems,
    answered,
    lastActivity: Math.max(activity.get(room.name) ?? 0, newestAnswer),
    synced: room.getStatus().connection === 'connected',
  };
}

export function useBoardWatch(
  sessionId: string,
  boardId: string,
  token: string,
  kind: ThumbKind,
  /** The facilitator has this board open too: then they are there, and stay visible. */
  isOpenBoard: boolean,
  /** Who we are on the board once we are there (given back when the card goes). */
  me: AwarenessUser,
): BoardWatch | null {
  // In private mode the facilitator watches the board's overview: everyone's hidden work too.
  const privateOn = useMeeting((s) => s.live.privateMode.on);
  const roomName = boardConnectionRoom({
    sessionId,
    boardId,
    role: me.role,
    participantId: me.id,
    privateOn,
  });
  const { room, status } = useRoom(roomName, token);
  const [watch, setWatch] = useState<BoardWatch | null>(null);
  const connected = status.connection === 'connected';

  // Looking in from the control room is not being on the board: no presence there
  // (the server would name us in it). Given back when the card goes: the session page
  // may be opening this very room, and can only add its fields to a state that exists.
  const { id, name, role, color } = me;
  useEffect(() => {
    if (isOpenBoard) return;
    const awareness = room.awareness;
    awareness.setLocalState(null);
    return () => {
      if (awareness.getLocalState() === null) awareness.setLocalState({ user: { id, name, role, color } });
    };
  }, [room, isOpenBoard, id, name, role, color]);

  useEffect(() => {
    const doc = room.doc;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = 0;
    const draw = () => {
      timer = null;
      last = performance.now();
      setWatch(readWatch(doc, room, kind));
    };
    const schedule = () => {
      if (timer === null) timer = setTimeout(draw, Math.max(0, last + REDRAW_MS - performance.now()));
    };
    const off = onDocChange(doc, () => {
      // Changes while connected are people working; the first sync is not.
      if (room.getStatus().connection === 'connected') activity.set(room.name, Date.now());
      schedule();
    });
    draw();
    return () => {
      off();
      if (timer !== null) clearTimeout(timer);
    };
    // `connected`: draw again once the server's copy is in (the `synced` flag).
  }, [room, kind, connected]);

  return watch;
}
