/**
 * The facilitator's switches of the open board (in the board's toolbar): locked for
 * participants, and a group's board open to everyone. Apart from the facilitator's panel,
 * which loads after the first view (issue 14).
 */
import type { Doc } from '../../../../shared/model/doc.ts';
import { setBoardLocked, setBoardOpen } from '../../../../shared/model/sessionDoc.ts';
import { useT } from '../../base/i18n/useT.ts';
import { Switch } from '../../ui/Switch.tsx';

/** Locks or unlocks the open board for participants (the server enforces it). */
export function LockToggle({ sessionDoc, boardId, locked }: { sessionDoc: Doc; boardId: string; locked: boolean }) {
  const t = useT();
  return (
    <Switch
      on={locked}
      onChange={(on) => setBoardLocked(sessionDoc, boardId, on)}
      label={t('facilitator.lockLabel')}
      title={locked ? t('facilitator.lockedText') : t('facilitator.unlockedText')}
      testId="lock-toggle"
    />
  );
}

/**
 * Opens a group's board to every participant, or back to the group only (issue 10; the
 * server's write rules follow it). Shown for boards that belong to a group.
 */
export function OpenToggle({ sessionDoc, boardId, open }: { sessionDoc: Doc; boardId: string; open: boolean }) {
  const t = useT();
  return (
    <Switch
      on={open}
      onChange={(on) => setBoardOpen(sessionDoc, boardId, on)}
      label={t('facilitator.openLabel')}
      title={open ? t('facilitator.openText') : t('facilitator.groupOnlyText')}
      testId="open-toggle"
    />
  );
}
