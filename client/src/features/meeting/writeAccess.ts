/**
 * What this person may write on a board, decided by the same rule the server applies
 * (`shared/model/writeRules.ts`), so controls show only what the server will accept.
 */
import type { GroupsSnapshot } from '../../../../shared/model/meeting/groups.ts';
import type { BoardRecord } from '../../../../shared/model/sessionDoc.ts';
import { boardTarget, WriteDenial, writeDenial, type Writer } from '../../../../shared/model/writeRules.ts';
import { Role } from '../../../../shared/roles.ts';
import type { BoardMode } from '../board/index.ts';
import { useBoardRecord, useBoardSelection, useGroups, useIdentity } from './MeetingContext.tsx';

export interface BoardWriteAccess {
  /** Why this person cannot write the board; `null` when they can. */
  board: WriteDenial | null;
  /** Why they cannot change its settings (axes, goal, colours, rings, the round). */
  settings: WriteDenial | null;
  /** Why they cannot write their own entry of the individual round. */
  ownRound: WriteDenial | null;
}

/**
 * @param board the board's record; `undefined` while the session doc has not arrived
 *   (then only the role counts: the server decides in any case)
 */
export function boardWriteAccess(
  writer: Writer,
  board: BoardRecord | undefined,
  groups: GroupsSnapshot,
): BoardWriteAccess {
  // Not known yet: judge it as an open board (no flash of "read-only"; the server decides anyway).
  const record: BoardRecord = board ?? { id: '', title: '', kind: 'plenary', locked: false, open: false, order: 0 };
  const ctx = { writer, target: boardTarget(record, groups, writer.participantId) };
  return {
    board: writeDenial(ctx),
    settings: writeDenial(ctx, { root: 'settings' }),
    ownRound: writeDenial(ctx, { root: 'roundAssignments', record: writer.participantId }),
  };
}

/** How the board's toolbar explains it: open, read-only and why. */
export function boardModeFor(role: Role, locked: boolean, denial: WriteDenial | null): BoardMode {
  if (role === Role.viewer) return 'viewer';
  if (role === Role.facilitator) return locked ? 'lockedByYou' : 'open';
  if (denial === null) return 'open';
  return denial === WriteDenial.otherGroup ? 'otherGroup' : 'locked';
}

/** {@link boardWriteAccess} of the open board, for the person on this page. */
export function useBoardWriteAccess(): BoardWriteAccess {
  const { identity } = useIdentity();
  const { boardId } = useBoardSelection();
  const board = useBoardRecord(boardId);
  const groups = useGroups();
  const writer = { role: identity.role, participantId: identity.participantId, name: identity.name };
  return boardWriteAccess(writer, board, groups);
}
