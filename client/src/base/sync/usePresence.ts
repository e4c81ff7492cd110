/**
 * Who is here: the `user` fields of the session room's awareness states. Other
 * people's states are untrusted input, so they are parsed; one entry per person even
 * when they have several tabs or a reload left a stale state behind.
 */
import { useCallback, useRef, useSyncExternalStore } from 'react';
import { z } from 'zod';
import type { Role } from '../../../../shared/roles.ts';
import { AwarenessUserSchema } from '../presence/presenceState.ts';
import type { Room } from './Room.ts';

export interface PresentPerson {
  /** Unique in the list: the participant id, or the awareness client if the id is unknown. */
  key: string;
  /** Participant id (from the token, set by the server). */
  id: string;
  name: string;
  role: Role;
  color: string;
  isSelf: boolean;
  /** The board and view this person has open (session room only; `null` if unknown). */
  where: { boardId: string; view: string } | null;
}

const WhereSchema = z.object({ boardId: z.string().max(64), view: z.string().max(40) });

const ROLE_ORDER: Record<Role, number> = { facilitator: 0, participant: 1, viewer: 2 };

export function readPresence(room: Room): PresentPerson[] {
  const selfClient = room.awareness.clientID;
  const byPerson = new Map<string, PresentPerson>();
  for (const [clientId, state] of room.awareness.getStates()) {
    const parsed = AwarenessUserSchema.safeParse((state as { user?: unknown }).user);
    if (!parsed.success) continue;
    const isSelf = clientId === selfClient;
    const key = parsed.data.id || `client:${clientId}`;
    // Our own state wins over older states of us (another tab, or from before a reload).
    if (byPerson.has(key) && !isSelf) continue;
    const where = WhereSchema.safeParse((state as { where?: unknown }).where);
    byPerson.set(key, {
      ...parsed.data,
      key,
      name: parsed.data.name.trim() || '?',
      isSelf,
      where: where.success ? where.data : null,
    });
  }
  return [...byPerson.values()].sort(
    (a, b) =>
      Number(b.isSelf) - Number(a.isSelf) ||
      ROLE_ORDER[a.role] - ROLE_ORDER[b.role] ||
      a.name.localeCompare(b.name, 'nl'),
  );
}

/**
 * The people present in a room. Recomputed on every read (a handful of states), but
 * the same array is returned while nothing visible changed.
 */
export function usePresence(room: Room): PresentPerson[] {
  const cache = useRef<{ signature: string; value: PresentPerson[] } | null>(null);
  const subscribe = useCallback(
    (listener: () => void) => {
      room.awareness.on('change', listener);
      return () => room.awareness.off('change', listener);
    },
    [room],
  );
  const getSnapshot = useCallback(() => {
    const value = readPresence(room);
    const signature = JSON.stringify(value);
    if (cache.current?.signature !== signature) cache.current = { signature, value };
    return cache.current.value;
  }, [room]);
  return useSyncExternalStore(subscribe, getSnapshot);
}
