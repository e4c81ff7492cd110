/**
 * What the meeting's session doc and "who is here" say, as a small store (zustand) that
 * components read through selectors: `useMeeting((s) => s.live.timer)` re-renders its
 * component only when the timer changes, not at every change of the session doc or of
 * someone's presence. The store listens to the doc and the room's awareness itself.
 *
 * Each update keeps the parts that did not change (`keepUnchanged`): a new timer leaves
 * `program`, `groups` and `session` — and `live.privateMode` — the very same objects, so
 * a selector's result is only new when what it picks is new.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Doc } from '../../../../shared/model/doc.ts';
import { onDocChange } from '../../../../shared/model/doc.ts';
import { readGroups, type GroupsSnapshot } from '../../../../shared/model/meeting/groups.ts';
import { readLive, type LiveSnapshot } from '../../../../shared/model/meeting/live.ts';
import { readProgram, type ProgramSnapshot } from '../../../../shared/model/meeting/program.ts';
import { readSession, type SessionSnapshot } from '../../../../shared/model/sessionDoc.ts';
import type { Room } from '../../base/sync/Room.ts';
import { keepUnchanged } from '../../base/keepUnchanged.ts';
import { readPresence, type PresentPerson } from '../../base/sync/usePresence.ts';

export interface MeetingData {
  /** The session doc's title and boards. */
  session: SessionSnapshot;
  program: ProgramSnapshot;
  groups: GroupsSnapshot;
  live: LiveSnapshot;
  /** Everyone in the session room, with where they are (see `readWhere`). */
  present: PresentPerson[];
}

export type MeetingStore = StoreApi<MeetingData>;

function readDoc(doc: Doc): Omit<MeetingData, 'present'> {
  return { session: readSession(doc), program: readProgram(doc), groups: readGroups(doc), live: readLive(doc) };
}

/** The store of one session room; `connect()` starts listening and returns the stop function. */
export function createMeetingStore(room: Room): MeetingStore & { connect(): () => void } {
  const store = createStore<MeetingData>()(() => ({ ...readDoc(room.doc), present: readPresence(room) }));
  const update = (next: Partial<MeetingData>) => {
    const prev = store.getState();
    const kept = keepUnchanged(prev, { ...prev, ...next });
    if (kept !== prev) store.setState(kept, true);
  };
  const onDoc = () => update(readDoc(room.doc));
  const onPresence = () => update({ present: readPresence(room) });
  return {
    ...store,
    connect() {
      // Changes between creating the store and listening are read now.
      onDoc();
      onPresence();
      const stopDoc = onDocChange(room.doc, onDoc);
      room.awareness.on('change', onPresence);
      return () => {
        stopDoc();
        room.awareness.off('change', onPresence);
      };
    },
  };
}
