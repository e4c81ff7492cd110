/** Who may answer on the open board, and why not (a viewer, a locked board); who sees every answer. */
import { canWriteBoard, Role } from '../../../shared/roles.ts';
import { useMeeting } from '../meeting/MeetingContext.tsx';
import { usePT } from './i18n.ts';

export function useAnswerAccess(): { canWrite: boolean; reason: string | null; seesAll: boolean } {
  const { identity, session, boardId, live, isFacilitator } = useMeeting();
  const t = usePT();
  const locked = session.boards.find((b) => b.id === boardId)?.locked ?? false;
  const canWrite = canWriteBoard(identity.role, locked);
  const reason = identity.role === Role.viewer ? t('q.viewer') : !canWrite ? t('q.locked') : null;
  // Private mode: participants see only their own until the facilitator turns it off.
  return { canWrite, reason, seesAll: isFacilitator || !live.privateMode.on };
}
