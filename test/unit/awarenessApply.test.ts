/**
 * Presence applied from the guard's entries (issue 14): the same states, clocks and events
 * as y-protocols' applyAwarenessUpdate on the same update, and the message the room sends is
 * what it encoded before from the awareness. And the throttle: at once in a quiet room,
 * otherwise with the room's next update.
 */
import * as decoding from 'lib0/decoding';
import { describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { applyPresence, CoalescedPresence } from '../../server/sync/awarenessApply.ts';
import { encodePresence, type PresenceEntry } from '../../server/sync/awarenessGuard.ts';
import { AwarenessThrottle } from '../../server/sync/awarenessThrottle.ts';
import { encodeAwareness } from '../../server/sync/messages.ts';

type Change = { added: number[]; updated: number[]; removed: number[] };

function entries(list: [clientId: number, clock: number, state: unknown][]): PresenceEntry[] {
  return list.map(([clientId, clock, state]) => ({ clientId, clock, state, json: JSON.stringify(state) }));
}

function roomAwareness(clientId = 1000): {
  awareness: awarenessProtocol.Awareness;
  events: [string, Change][];
  origins: unknown[];
} {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const awareness = new awarenessProtocol.Awareness(doc);
  const events: [string, Change][] = [];
  const origins: unknown[] = [];
  awareness.on('change', (c: Change) => events.push(['change', c]));
  awareness.on('update', (c: Change, origin: unknown) => {
    events.push(['update', c]);
    origins.push(origin);
  });
  return { awareness, events, origins };
}

/** An awareness message's entries, by client id. */
function readMessage(message: Uint8Array): [number, number, unknown][] {
  const d = decoding.createDecoder(message);
  expect(decoding.readVarUint(d)).toBe(1);
  const u = decoding.createDecoder(decoding.readVarUint8Array(d));
  const n = decoding.readVarUint(u);
  const out = Array.from({ length: n }, (): [number, number, unknown] => [
    decoding.readVarUint(u),
    decoding.readVarUint(u),
    JSON.parse(decoding.readVarString(u)),
  ]);
  return out.sort((a, b) => a[0] - b[0]);
}

const clocks = (a: awarenessProtocol.Awareness) => [...a.meta].map(([id, m]) => [id, m.clock]);

describe('applying guarded presence', () => {
  it('does what applyAwarenessUpdate does, and carries the message the room sends', () => {
    const ours = roomAwareness();
    const theirs = roomAwareness();
    // The local state of both: a remote removal must not take it away (its clock goes up instead).
    ours.awareness.setLocalState({ server: true });
    theirs.awareness.setLocalState({ server: true });
    ours.events.length = theirs.events.length = ours.origins.length = 0;
    const self = ours.awareness.clientID;

    const steps = [
      entries([[7, 1, { cursor: { x: 1 } }]]), // added
      entries([[7, 2, { cursor: { x: 1 } }]]), // same state, newer clock: updated, no change
      entries([
        [7, 3, { cursor: { x: 2 } }],
        [8, 1, { user: { name: 'B' } }],
      ]), // changed, added
      entries([[7, 2, { cursor: { x: 9 } }]]), // older clock: ignored, no event
      entries([[8, 1, null]]), // same clock, removal of a present state: removed
      entries([[9, 4, null]]), // removal of a state never seen: no event
      entries([[self, ours.awareness.meta.get(self)!.clock + 1, null]]), // the local state: kept, clock up
    ];
    for (const step of steps) {
      const seen = ours.events.length;
      applyPresence(ours.awareness, step);
      awarenessProtocol.applyAwarenessUpdate(theirs.awareness, encodePresence(step), 'theirs');
      expect(ours.events).toEqual(theirs.events);
      expect([...ours.awareness.getStates()]).toEqual([...theirs.awareness.getStates()]);
      expect(clocks(ours.awareness)).toEqual(clocks(theirs.awareness));
      for (const [kind, change] of ours.events.slice(seen)) {
        if (kind !== 'update') continue;
        const origin = ours.origins[ours.origins.length - 1];
        expect(origin).toBeInstanceOf(CoalescedPresence);
        const changed = [...change.added, ...change.updated, ...change.removed];
        // The same entries as the room encoded from the awareness before (in any order).
        expect(readMessage((origin as CoalescedPresence).message)).toEqual(
          readMessage(encodeAwareness(ours.awareness, changed)),
        );
      }
    }
    expect(ours.events.filter(([kind]) => kind === 'update')).toHaveLength(5);
    expect(ours.awareness.getLocalState()).toEqual({ server: true });
    ours.awareness.destroy();
    theirs.awareness.destroy();
  });
});

describe('when coalesced presence goes out', () => {
  it('at once in a quiet room; otherwise with the next update, or an interval after it came', async () => {
    const { awareness, events } = roomAwareness();
    awareness.setLocalState(null);
    events.length = 0;
    let t = 0;
    const throttle = new AwarenessThrottle(awareness, 40, () => t);
    const updates = () => events.filter(([kind]) => kind === 'update').length;

    throttle.offer(entries([[7, 1, { x: 1 }]])); // nothing went out yet: at once
    expect(updates()).toBe(1);
    t = 5;
    throttle.flushPending(); // the room sends an update (nothing waits)
    t = 10;
    throttle.offer(entries([[7, 2, { x: 2 }]])); // the room is busy: it waits
    throttle.offer(entries([[7, 3, { x: 3 }]]));
    expect(updates()).toBe(1);
    t = 20;
    throttle.flushPending(); // the next update takes it along, the newest state
    expect(updates()).toBe(2);
    expect(awareness.getStates().get(7)).toEqual({ x: 3 });

    t = 30;
    throttle.offer(entries([[7, 4, { x: 4 }]])); // busy again, and no update comes
    expect(updates()).toBe(2);
    await new Promise((r) => setTimeout(r, 80)); // the interval after it came
    expect(updates()).toBe(3);
    t = 1000;
    throttle.offer(entries([[7, 5, { x: 5 }]])); // quiet for an interval: at once
    expect(updates()).toBe(4);
    throttle.destroy();
    awareness.destroy();
  });
});
