import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { isAwarenessEcho } from '../../server/sync/awarenessEcho.ts';

/** An awareness update of (client id, clock, JSON state) entries. */
function update(...entries: [number, number, string][]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const [id, clock, json] of entries) {
    encoding.writeVarUint(e, id);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, json);
  }
  return encoding.toUint8Array(e);
}

// The room knows client 7 at clock 5 (with a state) and client 8 at clock 2 (removed).
const room = {
  clockOf: (id: number) => ({ 7: 5, 8: 2 })[id],
  hasState: (id: number) => id === 7,
};
const none = new Set<number>();

describe('presence echoes', () => {
  it('are states the room has, at their clock or older, of ids the sender does not own', () => {
    expect(isAwarenessEcho(update([7, 5, '{"cursor":{"x":1}}']), none, room)).toBe(true);
    expect(isAwarenessEcho(update([7, 4, '{}'], [8, 2, 'null']), none, room)).toBe(true);
  });

  it('are not news, the sender’s own ids, unknown ids, removals of a present state, or malformed', () => {
    expect(isAwarenessEcho(update([7, 6, '{}']), none, room)).toBe(false); // newer
    expect(isAwarenessEcho(update([7, 5, '{}']), new Set([7]), room)).toBe(false); // its own
    expect(isAwarenessEcho(update([9, 1, '{}']), none, room)).toBe(false); // unknown
    expect(isAwarenessEcho(update([7, 5, 'null']), none, room)).toBe(false); // removes a present state
    expect(isAwarenessEcho(update([7, 5, '{}'], [9, 1, '{}']), none, room)).toBe(false); // one entry is news
    expect(isAwarenessEcho(update(), none, room)).toBe(false);
    const cut = update([7, 5, '{"cursor":{"x":1}}']);
    expect(isAwarenessEcho(cut.slice(0, cut.length - 3), none, room)).toBe(false);
    expect(isAwarenessEcho(new Uint8Array([...update([7, 5, '{}']), 1]), none, room)).toBe(false); // trailing
  });
});
