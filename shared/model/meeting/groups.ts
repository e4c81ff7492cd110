/**
 * Small groups, kept in the session doc: each group has its own board; members are
 * assigned by the facilitator (by hand or auto-balanced) or choose a group themselves
 * (then the server writes the choice, since participants cannot write the session doc).
 *
 * Layout in the session doc:
 *   groups:  Y.Map<groupId, GroupRecord>        (plain JSON, replaced whole)
 *   members: Y.Map<participantId, groupId>
 *   groupSettings: Y.Map { mode: 'auto' | 'hand' | 'choose' }
 */
import { z } from 'zod';
import { BOARD_ID_RE } from '../../protocol.ts';
import { cleanTitle, GROUP_NAME_MAX } from '../../names.ts';
import { Origin, type Doc } from '../doc.ts';
import { readRecords } from '../records.ts';

export const MAX_GROUPS = 24;
const ID_RE = /^[A-Za-z0-9_-]{1,64}$/;

export const GroupRecord = z.object({
  id: z.string().regex(ID_RE),
  name: z.string().max(80),
  boardId: z.string().regex(BOARD_ID_RE),
  order: z.number().catch(0),
});
export type GroupRecord = z.infer<typeof GroupRecord>;

export const GroupMode = z.enum(['auto', 'hand', 'choose']);
export type GroupMode = z.infer<typeof GroupMode>;

export interface GroupsSnapshot {
  groups: GroupRecord[];
  /** participantId -> groupId (only for existing groups). */
  members: Record<string, string>;
  mode: GroupMode;
}

const groupsOf = (doc: Doc) => doc.getMap<unknown>('groups');
const membersOf = (doc: Doc) => doc.getMap<unknown>('members');
const settingsOf = (doc: Doc) => doc.getMap<unknown>('groupSettings');

export function readGroups(doc: Doc): GroupsSnapshot {
  const groups = readRecords(groupsOf(doc), GroupRecord);
  groups.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  const ids = new Set(groups.map((g) => g.id));
  const members: Record<string, string> = {};
  for (const [pid, gid] of membersOf(doc).entries()) {
    if (typeof gid === 'string' && ids.has(gid) && ID_RE.test(pid)) members[pid] = gid;
  }
  const mode = GroupMode.safeParse(settingsOf(doc).get('mode'));
  return { groups, members, mode: mode.success ? mode.data : 'hand' };
}

export function groupOf(snapshot: GroupsSnapshot, participantId: string): GroupRecord | null {
  const gid = snapshot.members[participantId];
  return gid ? (snapshot.groups.find((g) => g.id === gid) ?? null) : null;
}

/** Adds groups (their boards must be added with `addBoard` in the same step). */
export function addGroups(doc: Doc, groups: readonly GroupRecord[], origin: unknown = Origin.local): void {
  const parsed = groups.map((g) => GroupRecord.parse(g));
  doc.transact(() => {
    for (const g of parsed) groupsOf(doc).set(g.id, g);
  }, origin);
}

export function renameGroup(doc: Doc, groupId: string, name: string, origin: unknown = Origin.local): void {
  const parsed = GroupRecord.safeParse(groupsOf(doc).get(groupId));
  const clean = cleanTitle(name, GROUP_NAME_MAX); // the rule of every title (shared/names.ts)
  if (!parsed.success || !clean || parsed.data.name === clean) return;
  doc.transact(() => groupsOf(doc).set(groupId, { ...parsed.data, name: clean }), origin);
}

/** Removes a group and its memberships (its board stays, as any board). */
export function removeGroup(doc: Doc, groupId: string, origin: unknown = Origin.local): void {
  if (!groupsOf(doc).has(groupId)) return;
  doc.transact(() => {
    groupsOf(doc).delete(groupId);
    for (const [pid, gid] of [...membersOf(doc).entries()]) if (gid === groupId) membersOf(doc).delete(pid);
  }, origin);
}

export function setGroupMode(doc: Doc, mode: GroupMode, origin: unknown = Origin.local): void {
  if (settingsOf(doc).get('mode') === mode) return;
  doc.transact(() => settingsOf(doc).set('mode', mode), origin);
}

/** Puts a participant in a group, or out of every group (`null`). */
export function assignMember(
  doc: Doc,
  participantId: string,
  groupId: string | null,
  origin: unknown = Origin.local,
): void {
  if (!ID_RE.test(participantId)) return;
  if (groupId !== null && !groupsOf(doc).has(groupId)) return;
  if ((membersOf(doc).get(participantId) ?? null) === groupId) return;
  doc.transact(() => {
    if (groupId === null) membersOf(doc).delete(participantId);
    else membersOf(doc).set(participantId, groupId);
  }, origin);
}

/**
 * Auto-balanced assignment: everyone in `participantIds` who has no group yet goes to
 * the smallest group (ties by group order), so sizes differ by at most one when all
 * start unassigned. `reshuffle` first clears the group of everyone in `participantIds`.
 */
export function balanceMembers(
  doc: Doc,
  participantIds: readonly string[],
  opts: { reshuffle?: boolean } = {},
  origin: unknown = Origin.local,
): void {
  const { groups, members } = readGroups(doc);
  if (groups.length === 0) return;
  // Only ids that read back as members (anything else would stay "unassigned" forever).
  const ids = participantIds.filter((id) => ID_RE.test(id));
  // Reshuffling: those not being divided again keep their place and count in the sizes.
  const moving = new Set(ids);
  const current = opts.reshuffle
    ? Object.fromEntries(Object.entries(members).filter(([pid]) => !moving.has(pid)))
    : members;
  const plan = planBalance(
    groups.map((g) => g.id),
    ids,
    current,
  );
  if (!opts.reshuffle && Object.keys(plan).length === 0) return;
  doc.transact(() => {
    if (opts.reshuffle) for (const pid of ids) membersOf(doc).delete(pid);
    for (const [pid, gid] of Object.entries(plan)) membersOf(doc).set(pid, gid);
  }, origin);
}

/** Pure part of {@link balanceMembers}: who goes where (only the newly placed). */
export function planBalance(
  groupIds: readonly string[],
  participantIds: readonly string[],
  current: Readonly<Record<string, string>>,
): Record<string, string> {
  const size = new Map(groupIds.map((id) => [id, 0]));
  for (const gid of Object.values(current)) if (size.has(gid)) size.set(gid, (size.get(gid) ?? 0) + 1);
  const plan: Record<string, string> = {};
  for (const pid of participantIds) {
    if (current[pid] && size.has(current[pid])) continue;
    let best = groupIds[0]!;
    for (const gid of groupIds) if ((size.get(gid) ?? 0) < (size.get(best) ?? 0)) best = gid;
    plan[pid] = best;
    size.set(best, (size.get(best) ?? 0) + 1);
  }
  return plan;
}

/** Copies the groups and the way they are formed (not who is in them) into another session doc. */
export function copyGroups(from: Doc, to: Doc, origin: unknown = Origin.server): void {
  const { groups, mode } = readGroups(from);
  to.transact(() => {
    for (const g of groups) groupsOf(to).set(g.id, g);
    settingsOf(to).set('mode', mode);
  }, origin);
}
