/**
 * Awareness updates are rewritten before the room applies them: a connection may only
 * speak for the Yjs client ids it introduced itself (no removing or impersonating
 * others), and `user.id`, `user.name` and `user.role` are set from the token, so a
 * name in the presence list is the name the person joined with.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Role } from '../../shared/roles.ts';

export interface Identity {
  id: string;
  name: string;
  role: Role;
}

/** Client ids one connection may introduce (a browser tab has one per doc). */
export const MAX_CLIENT_IDS_PER_CONNECTION = 8;
/** Largest awareness state (JSON) accepted per client. */
export const MAX_AWARENESS_STATE_BYTES = 16 * 1024;

export interface GuardContext {
  identity: Identity;
  /** Client ids this connection owns; new ones are added here. */
  owned: Set<number>;
  /** Is this client id owned by another connection of the room? */
  ownedByOther(clientId: number): boolean;
}

/**
 * One client's presence after the guard (issue 14: read once): `state` is what `json` says,
 * parsed, so that neither the throttle nor the room's awareness parses it again.
 */
export interface PresenceEntry {
  clientId: number;
  clock: number;
  /** The state as JSON, `null` when the client leaves. */
  json: string;
  state: unknown;
}

/**
 * The entries of an awareness update this connection may send, rewritten (possibly fewer,
 * possibly none). Throws on a malformed update (the caller closes the connection).
 */
export function guardPresence(update: Uint8Array, ctx: GuardContext): PresenceEntry[] {
  const d = decoding.createDecoder(update);
  const count = decoding.readVarUint(d);
  const out: PresenceEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(d);
    const clock = decoding.readVarUint(d);
    const json = decoding.readVarString(d);
    if (json.length > MAX_AWARENESS_STATE_BYTES) continue;
    if (!ctx.owned.has(clientId)) {
      if (ctx.ownedByOther(clientId) || ctx.owned.size >= MAX_CLIENT_IDS_PER_CONNECTION) continue;
      ctx.owned.add(clientId);
    }
    const state = withIdentity(JSON.parse(json), ctx.identity);
    out.push({ clientId, clock, json: state === null ? 'null' : JSON.stringify(state), state });
  }
  if (d.pos !== update.length) throw new Error('trailing bytes in awareness update');
  return out;
}

/** Entries as a y-protocols awareness update (count, then id, clock and JSON of each). */
export function encodePresence(entries: readonly PresenceEntry[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const o of entries) {
    encoding.writeVarUint(e, o.clientId);
    encoding.writeVarUint(e, o.clock);
    encoding.writeVarString(e, o.json);
  }
  return encoding.toUint8Array(e);
}

/**
 * {@link guardPresence} as an awareness update, or `null` if nothing is left.
 * Throws on a malformed update.
 */
export function guardAwarenessUpdate(update: Uint8Array, ctx: GuardContext): Uint8Array | null {
  const out = guardPresence(update, ctx);
  return out.length ? encodePresence(out) : null;
}

function withIdentity(state: unknown, identity: Identity): unknown {
  if (state === null) return null; // the client leaves
  const base = typeof state === 'object' && !Array.isArray(state) ? (state as Record<string, unknown>) : {};
  const user = typeof base.user === 'object' && base.user !== null ? (base.user as Record<string, unknown>) : {};
  return { ...base, user: { ...user, id: identity.id, name: identity.name, role: identity.role } };
}
