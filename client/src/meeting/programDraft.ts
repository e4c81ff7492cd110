/**
 * The programme editor's working copy (pure, no React): phases as the form holds them
 * (minutes as typed), checked before they go to `setPhases`, which throws on bad input.
 */
import { newItemId } from '../../../shared/model/board/ids.ts';
import {
  MAX_PHASES,
  Phase,
  type PhaseInput,
  type PhaseKind,
  type PhaseView,
  type ReportSection,
} from '../../../shared/model/meeting/program.ts';
import type { MeetingKey } from './i18n.ts';

export const MAX_QUESTIONS = 20;
const MAX_TITLE = 120;
const MAX_DESCRIPTION = 2000;
const MAX_QUESTION = 500;

export interface DraftQuestion {
  id: string;
  text: string;
  /** The verslag's section from the template; kept as it is when the text is edited. */
  section?: ReportSection;
}

export interface DraftPhase {
  id: string;
  kind: PhaseKind;
  title: string;
  description: string;
  where: 'groups' | 'plenary';
  view: PhaseView;
  /** As typed in the field. */
  minutes: string;
  questions: DraftQuestion[];
  /** Switching to the phase starts the individual round on its boards (issue 12). */
  startRound: boolean;
  /** Switching to the phase starts the timer with its planned minutes (issue 12). */
  startTimer: boolean;
}

export function toDraft(phases: readonly Phase[]): DraftPhase[] {
  return phases.map((p) => ({
    id: p.id,
    kind: p.kind,
    title: p.title,
    description: p.description,
    where: p.where,
    view: p.view,
    minutes: String(p.minutes),
    questions: p.questions.map((q) => ({ ...q })),
    startRound: p.startRound === true,
    startTimer: p.startTimer === true,
  }));
}

export function newDraftPhase(title: string): DraftPhase {
  return {
    id: newItemId(),
    kind: 'other',
    title,
    description: '',
    where: 'plenary',
    view: 'canvas',
    minutes: '10',
    questions: [],
    startRound: false,
    startTimer: false,
  };
}

export function newDraftQuestion(): DraftQuestion {
  return { id: newItemId(), text: '' };
}

/** Field keys: `<phaseId>.title`, `<phaseId>.description`, `<phaseId>.minutes`, `<phaseId>.q.<questionId>`. */
export type DraftErrors = Record<string, MeetingKey>;

export function validateDraft(draft: readonly DraftPhase[]): { errors: DraftErrors; phases: PhaseInput[] | null } {
  const errors: DraftErrors = {};
  const phases: PhaseInput[] = [];
  for (const p of draft.slice(0, MAX_PHASES)) {
    const title = p.title.trim();
    if (!title) errors[`${p.id}.title`] = 'edit.err.title';
    else if (title.length > MAX_TITLE) errors[`${p.id}.title`] = 'edit.err.titleLong';
    const description = p.description.trim();
    if (description.length > MAX_DESCRIPTION) errors[`${p.id}.description`] = 'edit.err.description';
    const minutesText = p.minutes.trim();
    const minutes = minutesText === '' ? 0 : Number(minutesText);
    if (!/^\d{0,3}$/.test(minutesText) || !Number.isInteger(minutes) || minutes < 0 || minutes > 600)
      errors[`${p.id}.minutes`] = 'edit.err.minutes';
    const questions = p.questions.slice(0, MAX_QUESTIONS).map((q) => {
      const text = q.text.trim();
      if (!text) errors[`${p.id}.q.${q.id}`] = 'edit.err.question';
      else if (text.length > MAX_QUESTION) errors[`${p.id}.q.${q.id}`] = 'edit.err.questionLong';
      return q.section ? { id: q.id, text, section: q.section } : { id: q.id, text };
    });
    const phase: PhaseInput = {
      id: p.id,
      kind: p.kind,
      title,
      description,
      where: p.where,
      view: p.view,
      minutes,
      questions,
    };
    // Stored only when on: a programme without them reads as before.
    if (p.startRound) phase.startRound = true;
    if (p.startTimer && minutes > 0) phase.startTimer = true;
    phases.push(phase);
  }
  if (Object.keys(errors).length > 0) return { errors, phases: null };
  // The model's own schema has the last word (ids, limits).
  const ok = phases.every((p) => Phase.safeParse(p).success);
  return { errors, phases: ok ? phases : null };
}

/** Moves the element at `from` by `delta` places (clamped). */
export function move<T>(list: readonly T[], from: number, delta: number): T[] {
  const to = Math.max(0, Math.min(list.length - 1, from + delta));
  const next = [...list];
  const [item] = next.splice(from, 1);
  if (item !== undefined) next.splice(to, 0, item);
  return next;
}
