/**
 * The programme of a meeting, kept in the session doc (written by the facilitator):
 * the phases of seed 003 (theory, individual round, small groups, plenary, tips,
 * evaluation), each with its questions, and which phase is current.
 *
 * Layout in the session doc:
 *   program: Y.Map {
 *     phases: Phase[]            (plain JSON, replaced whole when edited)
 *     currentPhaseId: string | null
 *     phaseStartedAt: number
 *   }
 */
import { z } from 'zod';
import { Origin, type Doc } from '../doc.ts';

const ID_RE = /^[A-Za-z0-9_-]{1,64}$/;

export const PHASE_KINDS = ['theory', 'round', 'groups', 'plenary', 'tips', 'evaluation', 'other'] as const;
export const PhaseKind = z.enum(PHASE_KINDS);
export type PhaseKind = z.infer<typeof PhaseKind>;

/** Where a phase happens: on each group's board, or on the plenary board. */
export const PhaseWhere = z.enum(['groups', 'plenary']);

/** The method view a phase opens on (the board's tabs; 'canvas' is the free board). */
export const PhaseView = z.enum(['canvas', 'krachtenveld', 'krachten', 'drieB', 'netwerk', 'typologie']);
export type PhaseView = z.infer<typeof PhaseView>;

/** Where a question's answers go in the verslag (seed 003's sections); absent: decided from its words. */
export const ReportSection = z.enum(['lastig', 'tips']);
export type ReportSection = z.infer<typeof ReportSection>;

export const Question = z.object({
  id: z.string().regex(ID_RE),
  text: z.string().max(500),
  section: ReportSection.optional().catch(undefined),
});
export type Question = z.infer<typeof Question>;

export const Phase = z.object({
  id: z.string().regex(ID_RE),
  kind: PhaseKind.catch('other'),
  title: z.string().max(120),
  /** What the facilitator tells the room (shown with the phase). */
  description: z.string().max(2000).catch(''),
  questions: z.array(Question).max(20).catch([]),
  where: PhaseWhere.catch('plenary'),
  view: PhaseView.catch('canvas'),
  /** Minutes planned; shown in the programme and offered to the timer. */
  minutes: z.number().int().min(0).max(600).catch(0),
  /**
   * Switching to this phase starts the individual round of the 3 B's on the boards where
   * it happens (issue 12; `phaseSwitch.ts` says which boards). Absent: off.
   */
  startRound: z.boolean().optional().catch(undefined),
  /** Switching to this phase starts the timer with its planned minutes (issue 12). Absent: off. */
  startTimer: z.boolean().optional().catch(undefined),
});
export type Phase = z.infer<typeof Phase>;
export type PhaseInput = z.input<typeof Phase>;

export const MAX_PHASES = 30;

export interface ProgramSnapshot {
  phases: Phase[];
  currentPhaseId: string | null;
  /** When the current phase was switched to (ms since epoch); 0 if never. */
  phaseStartedAt: number;
}

const programOf = (doc: Doc) => doc.getMap<unknown>('program');

/** Reads the programme; invalid phases are skipped, never thrown. */
export function readProgram(doc: Doc): ProgramSnapshot {
  const map = programOf(doc);
  const raw = map.get('phases');
  const phases: Phase[] = [];
  const seen = new Set<string>();
  if (Array.isArray(raw)) {
    for (const value of raw.slice(0, MAX_PHASES)) {
      const parsed = Phase.safeParse(value);
      if (parsed.success && !seen.has(parsed.data.id)) {
        seen.add(parsed.data.id);
        phases.push(parsed.data);
      }
    }
  }
  const current = map.get('currentPhaseId');
  const startedAt = map.get('phaseStartedAt');
  return {
    phases,
    currentPhaseId: typeof current === 'string' && seen.has(current) ? current : null,
    phaseStartedAt: typeof startedAt === 'number' && Number.isFinite(startedAt) ? startedAt : 0,
  };
}

export function currentPhase(program: ProgramSnapshot): Phase | null {
  return program.phases.find((p) => p.id === program.currentPhaseId) ?? null;
}

/** Replaces the phases (facilitator edits the programme). Invalid input throws: the editor validates first. */
export function setPhases(doc: Doc, phases: readonly PhaseInput[], origin: unknown = Origin.local): void {
  const parsed = z.array(Phase).max(MAX_PHASES).parse(phases);
  const ids = new Set(parsed.map((p) => p.id));
  if (ids.size !== parsed.length) throw new Error('phase ids must be unique');
  doc.transact(() => {
    const map = programOf(doc);
    map.set('phases', parsed);
    const current = map.get('currentPhaseId');
    if (typeof current === 'string' && !ids.has(current)) map.set('currentPhaseId', null);
  }, origin);
}

/** Switches the current phase (or none) for everyone. */
export function setCurrentPhase(
  doc: Doc,
  phaseId: string | null,
  now: number = Date.now(),
  origin: unknown = Origin.local,
): void {
  const program = readProgram(doc);
  if (phaseId !== null && !program.phases.some((p) => p.id === phaseId)) return;
  if (program.currentPhaseId === phaseId) return;
  doc.transact(() => {
    programOf(doc).set('currentPhaseId', phaseId);
    programOf(doc).set('phaseStartedAt', now);
  }, origin);
}

/** All questions of the programme, with their phase (answers are kept per question id). */
export function allQuestions(program: ProgramSnapshot): { phase: Phase; question: Question }[] {
  return program.phases.flatMap((phase) => phase.questions.map((question) => ({ phase, question })));
}

/** Copies the programme (not which phase is current) into another session doc. */
export function copyProgram(from: Doc, to: Doc, origin: unknown = Origin.server): void {
  const { phases } = readProgram(from);
  if (phases.length > 0) setPhases(to, phases, origin);
}
