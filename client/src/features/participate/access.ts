/** Who may answer on the open board, and why not (a viewer, a locked board, another group's); who sees every answer. */
import { readAnswers, type AnswerRecord } from '../../../../shared/model/board/answers.ts';
import type { Doc } from '../../../../shared/model/doc.ts';
import { WriteDenial } from '../../../../shared/model/writeRules.ts';
import { Role } from '../../../../shared/roles.ts';
import { useBoardWriteAccess, useMeeting } from '../meeting/index.ts';
import { useIdentity } from '../meeting/index.ts';
import { participateTexts } from './i18n.ts';
import { useT } from '../../base/i18n/useT.ts';

export function useAnswerAccess(): { canWrite: boolean; reason: string | null; seesAll: boolean } {
  const { identity, isFacilitator } = useIdentity();
  const privateOn = useMeeting((s) => s.live.privateMode.on);
  const t = useT(participateTexts);
  // The write rules (shared/model/writeRules.ts), as the server applies them.
  const denial = useBoardWriteAccess().board;
  const canWrite = denial === null;
  const reason =
    identity.role === Role.viewer
      ? t('q.viewer')
      : denial === WriteDenial.otherGroup
        ? t('q.otherGroup')
        : !canWrite
          ? t('q.locked')
          : null;
  // Private mode: participants see only their own until the facilitator turns it off.
  return { canWrite, reason, seesAll: isFacilitator || !privateOn };
}

const lastAnswers = new WeakMap<Doc, AnswerRecord[]>();

/**
 * The answers of a board doc, the same array while they have not changed: the board
 * doc changes on every frame of a drag, and the panel need not render again for that.
 */
export function readAnswersStable(doc: Doc): AnswerRecord[] {
  const next = readAnswers(doc);
  const prev = lastAnswers.get(doc);
  if (
    prev &&
    prev.length === next.length &&
    prev.every((a, i) => {
      const b = next[i]!;
      return a.id === b.id && a.text === b.text && a.author === b.author && a.authorId === b.authorId;
    })
  ) {
    return prev;
  }
  lastAnswers.set(doc, next);
  return next;
}
