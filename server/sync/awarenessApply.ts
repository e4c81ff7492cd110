/**
 * Guarded presence applied to a room's awareness without encoding and parsing it again
 * (issue 14). The same rule as y-protocols' `applyAwarenessUpdate` (a newer clock wins; the
 * same clock only to remove a state that is there; the awareness's own local state is never
 * removed from outside, its clock goes up instead), the same `change` and `update` events,
 * but the states are the objects the guard parsed and the wire message of what was applied is
 * built from the guard's JSON: it comes with the events as their origin, a
 * {@link CoalescedPresence}, so the room sends it as it is.
 */
import * as encoding from 'lib0/encoding';
import { equalityDeep } from 'lib0/function';
import type { Awareness } from 'y-protocols/awareness';
import { MessageType } from '../../shared/protocol.ts';
import { encodePresence, type PresenceEntry } from './awarenessGuard.ts';

/** The origin of presence the room applies from its clients: guarded, coalesced. */
export class CoalescedPresence {
  constructor(
    /** The applied entries as an awareness update (y-protocols encoding). */
    readonly update: Uint8Array,
  ) {}

  private framed: Uint8Array | null = null;

  /** The update as a y-websocket awareness message (`1`, then the update). */
  get message(): Uint8Array {
    if (this.framed) return this.framed;
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.awareness);
    encoding.writeVarUint8Array(e, this.update);
    this.framed = encoding.toUint8Array(e);
    return this.framed;
  }
}

/** Applies `entries` to `awareness` (see the module's comment); emits nothing when none applies. */
export function applyPresence(awareness: Awareness, entries: Iterable<PresenceEntry>): void {
  const timestamp = Date.now(); // y-protocols' lib0 time.getUnixTime
  const added: number[] = [];
  const updated: number[] = [];
  const filteredUpdated: number[] = [];
  const removed: number[] = [];
  const applied: PresenceEntry[] = [];
  for (const entry of entries) {
    const { clientId, state } = entry;
    let clock = entry.clock;
    const meta = awareness.meta.get(clientId);
    const prevState = awareness.states.get(clientId);
    const currClock = meta === undefined ? 0 : meta.clock;
    if (!(currClock < clock || (currClock === clock && state === null && awareness.states.has(clientId)))) continue;
    if (state === null) {
      // Never removed from outside: the awareness's own state stays, at a newer clock.
      if (clientId === awareness.clientID && awareness.getLocalState() != null) clock++;
      else awareness.states.delete(clientId);
    } else {
      awareness.states.set(clientId, state as Record<string, unknown>);
    }
    awareness.meta.set(clientId, { clock, lastUpdated: timestamp });
    if (meta === undefined && state !== null) added.push(clientId);
    else if (meta !== undefined && state === null) removed.push(clientId);
    else if (state !== null) {
      if (!equalityDeep(state, prevState)) filteredUpdated.push(clientId);
      updated.push(clientId);
    } else continue; // a removal of a state never seen: nothing to tell anyone
    // What the others get is the awareness's state now (the own local state kept, at the new clock).
    applied.push(clock === entry.clock ? entry : { ...entry, clock, json: JSON.stringify(prevState ?? null) });
  }
  if (!applied.length) return;
  const origin = new CoalescedPresence(encodePresence(applied));
  if (added.length || filteredUpdated.length || removed.length) {
    awareness.emit('change', [{ added, updated: filteredUpdated, removed }, origin]);
  }
  awareness.emit('update', [{ added, updated, removed }, origin]);
}
