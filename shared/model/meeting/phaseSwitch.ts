/**
 * A phase switch and what comes with it (issue 12): the timer belongs to a phase, so the
 * timer of the phase left stops (the facilitator may keep it running: `restoreTimer`),
 * and a phase that starts its own timer starts it with its planned minutes; a phase that
 * starts the individual round names the boards it starts on. The session doc's part is
 * one transaction; the boards are other docs, which the facilitator's client writes
 * (`client/src/features/meeting/phaseActions.ts`), as the write rules allow only the facilitator.
 */
import { PLENARY_BOARD_ID } from '../../protocol.ts';
import { Origin, type Doc } from '../doc.ts';
import type { GroupsSnapshot } from './groups.ts';
import { readLive, resetTimer, startTimer, timerRemaining, type TimerState } from './live.ts';
import { readProgram, setCurrentPhase, type Phase } from './program.ts';

export interface PhaseSwitch {
  /** The phase switched to (`null`: none). */
  phase: Phase | null;
  /** The timer that was running or paused with time left, now stopped (`null`: none was). */
  stoppedTimer: TimerState | null;
  /** The new phase started its own timer. */
  startedTimer: boolean;
}

export interface EnterPhaseOptions {
  now?: number;
  origin?: unknown;
}

/**
 * Makes `phaseId` (or none) the current phase, stops the timer of the phase left and
 * starts the new phase's own timer when it has one. `null` when nothing changed (an
 * unknown phase, or the current one).
 */
export function enterPhase(doc: Doc, phaseId: string | null, options: EnterPhaseOptions = {}): PhaseSwitch | null {
  const { now = Date.now(), origin = Origin.local } = options;
  const program = readProgram(doc);
  const phase = phaseId === null ? null : (program.phases.find((p) => p.id === phaseId) ?? null);
  if ((phaseId !== null && !phase) || program.currentPhaseId === phaseId) return null;
  const timer = readLive(doc).timer;
  const hadTime = timer.status !== 'idle' && timerRemaining(timer, now) > 0;
  const startedTimer = phase?.startTimer === true && phase.minutes > 0;
  doc.transact(() => {
    setCurrentPhase(doc, phaseId, now, origin);
    if (startedTimer) startTimer(doc, phase.minutes * 60_000, now, origin);
    else if (timer.status !== 'idle') resetTimer(doc, origin);
  }, origin);
  return { phase, stoppedTimer: hadTime ? timer : null, startedTimer };
}

/**
 * The boards on which a phase starts the individual round: the plenary board for a
 * plenary phase; each group's board for a phase in the groups (the plenary board while
 * there are no groups, where everyone then is). Empty when the phase does not start it.
 */
export function roundBoardsOf(phase: Phase, groups: GroupsSnapshot): string[] {
  if (!phase.startRound) return [];
  if (phase.where === 'groups') {
    const boards = groups.groups.map((g) => g.boardId);
    if (boards.length > 0) return [...new Set(boards)];
  }
  return [PLENARY_BOARD_ID];
}
