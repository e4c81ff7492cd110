/**
 * The actors and settings of several boards at once, live: the group boards in the
 * plenary comparison, the boards of the previous meeting in the carry-forward. Each
 * board's room is shared with the rest of the page (`rooms.ts`) and only read here.
 */
import { useEffect, useState } from 'react';
import { readMethods } from '../../../../shared/model/board/actors.ts';
import type { Actor, BoardSettings } from '../../../../shared/model/board/actorSchema.ts';
import { onDocChange } from '../../../../shared/model/doc.ts';
import { boardRoomName } from '../../../../shared/protocol.ts';
import type { ConnectionState, Room } from '../../base/sync/Room.ts';
import { getRoomEntry, retainRoom } from '../../base/sync/rooms.ts';

export interface BoardMethods {
  boardId: string;
  actors: readonly Actor[];
  settings: BoardSettings;
  connection: ConnectionState;
}

/**
 * Opens the boards `boardIds` of `sessionId` with `token` for as long as the component
 * is mounted. `keepPresence` is the room the page itself shows (its awareness is left
 * alone); in every other room we stay out of the board's "who is here".
 */
export function useBoardsMethods(
  sessionId: string | null,
  boardIds: readonly string[],
  token: string | null,
  keepPresence: Room | null = null,
): ReadonlyMap<string, BoardMethods> {
  const [data, setData] = useState<ReadonlyMap<string, BoardMethods>>(new Map());
  const idsKey = boardIds.join(' ');

  useEffect(() => {
    if (!sessionId || !token || !idsKey) {
      setData(new Map());
      return;
    }
    const ids = idsKey.split(' ');
    const current = new Map<string, BoardMethods>();
    const dirty = new Set<string>(ids);
    const cleanups: (() => void)[] = [];
    const rooms = new Map<string, Room>();
    let frame: number | null = null;

    const flush = () => {
      frame = null;
      for (const id of dirty) {
        const room = rooms.get(id);
        if (!room) continue;
        const methods = readMethods(room.doc);
        current.set(id, {
          boardId: id,
          actors: methods.actors,
          settings: methods.settings,
          connection: room.getStatus().connection,
        });
      }
      dirty.clear();
      setData(new Map(current));
    };
    const schedule = (id: string) => {
      dirty.add(id);
      if (frame === null) frame = requestAnimationFrame(flush);
    };

    for (const id of ids) {
      const entry = getRoomEntry(boardRoomName(sessionId, id), token);
      cleanups.push(retainRoom(entry));
      let unbind = () => {};
      const bind = () => {
        unbind();
        const room = entry.getRoom();
        rooms.set(id, room);
        // Watching is not being there: no presence on the group's board.
        if (room !== keepPresence && !(room.awareness.getLocalState() as { user?: unknown } | null)?.user) {
          room.awareness.setLocalState(null);
        }
        const offDoc = onDocChange(room.doc, () => schedule(id));
        const offStatus = room.subscribe(() => schedule(id));
        unbind = () => {
          offDoc();
          offStatus();
        };
        schedule(id);
      };
      bind();
      const offEntry = entry.subscribe(bind);
      cleanups.push(() => {
        offEntry();
        unbind();
      });
    }
    return () => {
      if (frame !== null) cancelAnimationFrame(frame);
      for (const c of cleanups) c();
    };
  }, [sessionId, idsKey, token, keepPresence]);

  return data;
}
