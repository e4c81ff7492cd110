/**
 * The programme editor's working copy (pure, no React): phases as the form holds them
 * (minutes as typed), checked before they go to `setPhases`, which throws on bad input.
 */
import { newItemId } from '../../../../shared/model/board/ids.ts';
import {
  MAX_PHASES,
  Phase,
  type PhaseInput,
  type PhaseKind,
  type PhaseView,
  type ReportSection,
} from '../../../../shared/model/meeting/program.ts';
import type { MeetingKey } from './i18n.ts';

export const MAX_QUESTIONS = 20;
const MAX_TITLE = 120;
const MAX_DESCRIPTION = 2000;
const MAX_QUESTION = 500;

/**
 * A name the app made, shown translated in the field (issue 12): while the field still
 * holds `shown`, saving keeps `stored` (the Dutch default), so it stays translatable.
 */
export interface ShownDefault {
  shown: string;
  stored: string;
}

export interface DraftQuestion {
  id: string;
  text: string;
  /** Set when `text` started as a translated default. */
  default?: ShownDefault;
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
  /** Title and description that started as translated defaults. */
  defaults?: { title?: ShownDefault; description?: ShownDefault };
}

/** `stored` as the field shows it, remembering the default when the two differ. */
function shownField(stored: string, show: (stored: string) => string): { text: string; default?: ShownDefault } {
  const shown = show(stored);
  return shown === stored ? { text: stored } : { text: shown, default: { shown, stored } };
}

/** What to store for a field: the default while the field still shows it untouched, else what was typed. */
function storedText(typed: string, d: ShownDefault | undefined): string {
  return d && typed === d.shown ? d.stored : typed;
}

/**
 * The form's copy of the programme; `show` gives a stored name as the reader sees it
 * (`t.name`: the app's own defaults in the reader's language).
 */
export function toDraft(phases: readonly Phase[], show: (stored: string) => string = (s) => s): DraftPhase[] {
  return phases.map((p) => {
    const title = shownField(p.title, show);
    const description = shownField(p.description, show);
    const phase: DraftPhase = {
      id: p.id,
      kind: p.kind,
      title: title.text,
      description: description.text,
      where: p.where,
      view: p.view,
      minutes: String(p.minutes),
      questions: p.questions.map((q) => {
        const text = shownField(q.text, show);
        return text.default ? { ...q, text: text.text, default: text.default } : { ...q };
      }),
      startRound: p.startRound === true,
      startTimer: p.startTimer === true,
    };
    if (title.default || description.default) {
      phase.defaults = {
        ...(title.default ? { title: title.default } : {}),
        ...(description.default ? { description: description.default } : {}),
      };
    }
    return phase;
  });
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
    const title = storedText(p.title, p.defaults?.title).trim();
    if (!title) errors[`${p.id}.title`] = 'edit.err.title';
    else if (title.length > MAX_TITLE) errors[`${p.id}.title`] = 'edit.err.titleLong';
    const description = storedText(p.description, p.defaults?.description).trim();
    if (description.length > MAX_DESCRIPTION) errors[`${p.id}.description`] = 'edit.err.description';
    const minutesText = p.minutes.trim();
    const minutes = minutesText === '' ? 0 : Number(minutesText);
    if (!/^\d{0,3}$/.test(minutesText) || !Number.isInteger(minutes) || minutes < 0 || minutes > 600)
      errors[`${p.id}.minutes`] = 'edit.err.minutes';
    const questions = p.questions.slice(0, MAX_QUESTIONS).map((q) => {
      const text = storedText(q.text, q.default).trim();
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
