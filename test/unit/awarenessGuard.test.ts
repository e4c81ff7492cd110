import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { guardAwarenessUpdate, MAX_CLIENT_IDS_PER_CONNECTION } from '../../server/sync/awarenessGuard.ts';
import * as decoding from 'lib0/decoding';

function encode(entries: [number, number, unknown][]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const [id, clock, state] of entries) {
    encoding.writeVarUint(e, id);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, JSON.stringify(state));
  }
  return encoding.toUint8Array(e);
}
function decode(u: Uint8Array): [number, number, unknown][] {
  const d = decoding.createDecoder(u);
  const n = decoding.readVarUint(d);
  return Array.from({ length: n }, () => [
    decoding.readVarUint(d),
    decoding.readVarUint(d),
    JSON.parse(decoding.readVarString(d)),
  ]);
}

const identity = { id: 'p1', name: 'Anna', role: 'participant' as const };

describe('awareness guard', () => {
  it('sets the identity from the token and keeps the rest', () => {
    const owned = new Set<number>();
    const out = guardAwarenessUpdate(
      encode([[7, 1, { user: { name: 'Wethouder', color: '#f00' }, cursor: { x: 1 } }]]),
      {
        identity,
        owned,
        ownedByOther: () => false,
      },
    );
    expect(decode(out!)).toEqual([
      [7, 1, { user: { name: 'Anna', color: '#f00', id: 'p1', role: 'participant' }, cursor: { x: 1 } }],
    ]);
    expect([...owned]).toEqual([7]);
  });

  it('drops entries for client ids of other connections, allows leaving (null)', () => {
    const owned = new Set<number>([7]);
    const out = guardAwarenessUpdate(
      encode([
        [7, 2, null],
        [8, 5, { user: {} }],
      ]),
      {
        identity,
        owned,
        ownedByOther: (id) => id === 8,
      },
    );
    expect(decode(out!)).toEqual([[7, 2, null]]);
    expect(
      guardAwarenessUpdate(encode([[8, 9, null]]), { identity, owned, ownedByOther: (id) => id === 8 }),
    ).toBeNull();
  });

  it('caps client ids per connection and rejects garbage', () => {
    const owned = new Set<number>();
    const many = Array.from({ length: 20 }, (_, i) => [i + 1, 1, {}] as [number, number, unknown]);
    const out = guardAwarenessUpdate(encode(many), { identity, owned, ownedByOther: () => false });
    expect(decode(out!)).toHaveLength(MAX_CLIENT_IDS_PER_CONNECTION);
    expect(() =>
      guardAwarenessUpdate(new Uint8Array([1, 2]), { identity, owned, ownedByOther: () => false }),
    ).toThrow();
  });
});
