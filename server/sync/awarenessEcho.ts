/**
 * Presence echoes (issue 14): the y-websocket provider sends every awareness change it
 * hears back to the server, the other clients' too, so each presence frame the room sends
 * to n clients comes back n times. An echo only repeats states the room already has: it is
 * recognised from the ids and clocks alone (the states' JSON is skipped, not decoded) and
 * dropped before the guard, which would otherwise look for each id's owner among the room's
 * connections (n × n work per presence change).
 */
import * as decoding from 'lib0/decoding';

/** "null" in UTF-8: a removal. */
const NULL = [0x6e, 0x75, 0x6c, 0x6c];

/**
 * True when every entry of `update` is for a client id `owned` does not hold, and is one the
 * room's awareness would ignore (y-protocols' rule: an older clock, or the same clock unless
 * it removes a state the room still has). Anything else, even malformed, is not an echo (the
 * guard then reads and judges it).
 */
export function isAwarenessEcho(
  update: Uint8Array,
  owned: ReadonlySet<number>,
  room: { clockOf(clientId: number): number | undefined; hasState(clientId: number): boolean },
): boolean {
  try {
    const d = decoding.createDecoder(update);
    const count = decoding.readVarUint(d);
    if (count === 0) return false;
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(d);
      const clock = decoding.readVarUint(d);
      const length = decoding.readVarUint(d);
      if (d.pos + length > update.length) return false;
      const known = room.clockOf(clientId);
      if (owned.has(clientId) || known === undefined || clock > known) return false;
      if (clock === known) {
        const removal = length === 4 && NULL.every((b, j) => update[d.pos + j] === b);
        if (removal && room.hasState(clientId)) return false;
      }
      d.pos += length;
    }
    return d.pos === update.length;
  } catch {
    return false;
  }
}
