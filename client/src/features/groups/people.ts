/**
 * The participants the facilitator knows of: those here now (presence, with where they
 * are) and those the server listed when the page loaded (`info.participants`), plus
 * anyone seen here since. One entry per participant id, sorted by name.
 */
import { useMemo, useRef } from 'react';
import type { SessionInfo } from '../../../../shared/api.ts';
import { Role } from '../../../../shared/roles.ts';
import { personColor } from '../../base/colors.ts';
import type { PresentPerson } from '../../base/sync/usePresence.ts';

export interface KnownParticipant {
  id: string;
  name: string;
  color: string;
  /** In the session now. */
  online: boolean;
  /** The board this person has open (`null` when away or unknown). */
  boardId: string | null;
}

/** Pure part of {@link useKnownParticipants}. */
export function knownParticipants(
  present: readonly PresentPerson[],
  listed: readonly { id: string; name: string; role: string }[],
  seen: ReadonlyMap<string, string>,
): KnownParticipant[] {
  const byId = new Map<string, KnownParticipant>();
  const add = (id: string, name: string) => {
    if (!id || byId.has(id)) return;
    byId.set(id, { id, name, color: personColor(id), online: false, boardId: null });
  };
  for (const p of present) {
    if (p.role !== Role.participant || !p.id) continue;
    byId.set(p.id, { id: p.id, name: p.name, color: p.color, online: true, boardId: p.where?.boardId ?? null });
  }
  for (const p of listed) if (p.role === Role.participant) add(p.id, p.name);
  for (const [id, name] of seen) add(id, name);
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl') || a.id.localeCompare(b.id));
}

/** Everyone known, for forming groups and showing who is where. */
export function useKnownParticipants(present: readonly PresentPerson[], info: SessionInfo | null): KnownParticipant[] {
  // Names of participants seen here since the page opened (they may have left again).
  const seen = useRef(new Map<string, string>());
  for (const p of present) if (p.role === Role.participant && p.id) seen.current.set(p.id, p.name);
  const listed = info?.participants;
  const seenKey = [...seen.current.keys()].join(' ');
  return useMemo(
    () => knownParticipants(present, listed ?? [], seen.current),
    // `seenKey` stands for the ref's contents.
    [present, listed, seenKey],
  );
}
