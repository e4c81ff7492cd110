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
 * Returns the rewritten awareness update (possibly with fewer entries), or `null` if
 * nothing is left. Throws on a malformed update (the caller closes the connection).
 */
export function guardAwarenessUpdate(update: Uint8Array, ctx: GuardContext): Uint8Array | null {
  const d = decoding.createDecoder(update);
  const count = decoding.readVarUint(d);
  const out: { clientId: number; clock: number; json: string }[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(d);
    const clock = decoding.readVarUint(d);
    const json = decoding.readVarString(d);
    if (json.length > MAX_AWARENESS_STATE_BYTES) continue;
    if (!ctx.owned.has(clientId)) {
      if (ctx.ownedByOther(clientId) || ctx.owned.size >= MAX_CLIENT_IDS_PER_CONNECTION) continue;
      ctx.owned.add(clientId);
    }
    const state: unknown = JSON.parse(json);
    out.push({ clientId, clock, json: JSON.stringify(withIdentity(state, ctx.identity)) });
  }
  if (d.pos !== update.length) throw new Error('trailing bytes in awareness update');
  if (!out.length) return null;
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, out.length);
  for (const o of out) {
    encoding.writeVarUint(e, o.clientId);
    encoding.writeVarUint(e, o.clock);
    encoding.writeVarString(e, o.json);
  }
  return encoding.toUint8Array(e);
}

function withIdentity(state: unknown, identity: Identity): unknown {
  if (state === null) return null; // the client leaves
  const base = typeof state === 'object' && !Array.isArray(state) ? (state as Record<string, unknown>) : {};
  const user = typeof base.user === 'object' && base.user !== null ? (base.user as Record<string, unknown>) : {};
  return { ...base, user: { ...user, id: identity.id, name: identity.name, role: identity.role } };
}
