/**
 * "Programma bewerken" (issue 5): the facilitator edits the phases of the meeting
 * (from the meeting template, or from nothing), in a modal dialog. The form works on a
 * copy; "Opslaan" checks every field and writes the programme in one change.
 */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { MAX_PHASES, PHASE_KINDS, setPhases, type PhaseView } from '../../../../shared/model/meeting/program.ts';
import { wordUndoRef } from '../../ui/wordUndo.ts';
import { useT } from '../../base/i18n/useT.ts';
import { methodsTexts, type MethodsKey } from '../methods/i18n.ts';
import { METHOD_VIEWS } from '../../base/views.ts';
import { useIdentity, useProgram } from './MeetingContext.tsx';
import { meetingTexts, type MeetingKey } from './i18n.ts';
import {
  MAX_QUESTIONS,
  move,
  newDraftPhase,
  newDraftQuestion,
  toDraft,
  validateDraft,
  type DraftErrors,
  type DraftPhase,
} from './programDraft.ts';
import './barControls.css';
import './ProgramEditor.css';

const VIEWS: readonly PhaseView[] = ['canvas', ...METHOD_VIEWS];

export function ProgramEditor({ onClose }: { onClose: () => void }) {
  const { sessionDoc } = useIdentity();
  const program = useProgram();
  const t = useT(meetingTexts);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [draft, setDraft] = useState<DraftPhase[]>(() => toDraft(program.phases, t.name));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [focusId, setFocusId] = useState<string | null>(null);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  // A newly added phase gets the focus on its title.
  useEffect(() => {
    if (!focusId) return;
    dialog.current?.querySelector<HTMLInputElement>(`[data-focus-id="${focusId}"]`)?.focus();
    setFocusId(null);
  }, [focusId]);

  const update = (id: string, patch: Partial<DraftPhase>) =>
    setDraft((d) => d.map((p) => (p.id === id ? { ...p, ...patch } : p)));
  const add = () => {
    const phase = newDraftPhase(t('edit.newPhase'));
    setDraft((d) => [...d, phase]);
    setFocusId(phase.id);
  };
  const save = () => {
    const result = validateDraft(draft);
    setErrors(result.errors);
    if (!result.phases) {
      requestAnimationFrame(() => dialog.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setPhases(sessionDoc, result.phases);
    dialog.current?.close();
  };

  return (
    <dialog
      ref={dialog}
      className="sheet-dialog pe-dialog"
      aria-labelledby={titleId}
      onClose={onClose}
      data-testid="program-editor"
    >
      <form
        className="pe-form"
        method="dialog"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <header className="sheet-dialog-head pe-head">
          <h2 id={titleId}>{t('edit.title')}</h2>
          <p className="muted">{t('edit.intro')}</p>
        </header>
        <div className="pe-body">
          {draft.length === 0 ? <p className="pe-empty">{t('edit.empty')}</p> : null}
          <ol className="pe-phases">
            {draft.map((phase, i) => (
              <PhaseFields
                key={phase.id}
                phase={phase}
                index={i}
                count={draft.length}
                isCurrent={phase.id === program.currentPhaseId}
                errors={errors}
                onChange={(patch) => update(phase.id, patch)}
                onMove={(delta) => setDraft((d) => move(d, i, delta))}
                onRemove={() => setDraft((d) => d.filter((p) => p.id !== phase.id))}
              />
            ))}
          </ol>
          <button
            type="button"
            className="button pe-add"
            onClick={add}
            disabled={draft.length >= MAX_PHASES}
            data-testid="program-add-phase"
          >
            + {t('edit.add')}
          </button>
          {draft.length >= MAX_PHASES ? <p className="mb-hint">{t('edit.maxPhases', { n: MAX_PHASES })}</p> : null}
        </div>
        <footer className="pe-foot">
          {Object.keys(errors).length > 0 ? (
            <p className="form-error" role="alert">
              {t('edit.errors')}
            </p>
          ) : null}
          <button type="button" className="button" onClick={() => dialog.current?.close()}>
            {t('edit.cancel')}
          </button>
          <button type="submit" className="button button-primary" data-testid="program-save">
            {t('edit.save')}
          </button>
        </footer>
      </form>
    </dialog>
  );
}

interface PhaseFieldsProps {
  phase: DraftPhase;
  index: number;
  count: number;
  isCurrent: boolean;
  errors: DraftErrors;
  onChange(patch: Partial<DraftPhase>): void;
  onMove(delta: number): void;
  onRemove(): void;
}

function PhaseFields({ phase, index, count, isCurrent, errors, onChange, onMove, onRemove }: PhaseFieldsProps) {
  const t = useT(meetingTexts);
  const ct = useT();
  const mt = useT(methodsTexts);
  const id = useId();
  const err = (key: string): MeetingKey | undefined => errors[`${phase.id}.${key}`];
  const viewLabel = (v: PhaseView) => (v === 'canvas' ? ct('views.canvas') : mt(`view.${v}` as MethodsKey));
  const setQuestion = (qid: string, text: string) =>
    onChange({ questions: phase.questions.map((q) => (q.id === qid ? { ...q, text } : q)) });

  return (
    <li className="pe-phase" data-testid="program-phase">
      <div className="pe-phase-head">
        <span className="pe-phase-n">{t('edit.phase', { n: index + 1 })}</span>
        {isCurrent ? <span className="badge">{t('edit.current')}</span> : null}
        <span className="pe-phase-tools">
          <button type="button" className="button button-small" onClick={() => onMove(-1)} disabled={index === 0}>
            <span aria-hidden="true">↑</span> {t('edit.up')}
          </button>
          <button
            type="button"
            className="button button-small"
            onClick={() => onMove(1)}
            disabled={index === count - 1}
          >
            <span aria-hidden="true">↓</span> {t('edit.down')}
          </button>
          <button
            type="button"
            className="button button-small pe-remove"
            aria-label={t('edit.removeLabel', { title: phase.title })}
            onClick={onRemove}
            data-testid="program-remove-phase"
          >
            {t('edit.remove')}
          </button>
        </span>
      </div>
      <div className="pe-grid">
        <Field id={`${id}-title`} label={t('edit.phaseTitle')} error={err('title')} wide>
          <input
            ref={wordUndoRef}
            id={`${id}-title`}
            value={phase.title}
            maxLength={200}
            data-focus-id={phase.id}
            aria-invalid={err('title') ? true : undefined}
            onChange={(e) => onChange({ title: e.target.value })}
            data-testid="program-phase-title"
          />
        </Field>
        <Field id={`${id}-minutes`} label={t('edit.minutes')} error={err('minutes')}>
          <input
            id={`${id}-minutes`}
            inputMode="numeric"
            value={phase.minutes}
            aria-invalid={err('minutes') ? true : undefined}
            onChange={(e) => onChange({ minutes: e.target.value })}
            data-testid="program-phase-minutes"
          />
        </Field>
        <Field id={`${id}-kind`} label={t('edit.kind')}>
          <select
            id={`${id}-kind`}
            value={phase.kind}
            onChange={(e) => onChange({ kind: e.target.value as DraftPhase['kind'] })}
          >
            {PHASE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind.${k}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={`${id}-where`} label={t('edit.where')}>
          <select
            id={`${id}-where`}
            value={phase.where}
            onChange={(e) => onChange({ where: e.target.value === 'groups' ? 'groups' : 'plenary' })}
            data-testid="program-phase-where"
          >
            <option value="plenary">{t('edit.where.plenary')}</option>
            <option value="groups">{t('edit.where.groups')}</option>
          </select>
        </Field>
        <Field id={`${id}-view`} label={t('edit.view')}>
          <select
            id={`${id}-view`}
            value={phase.view}
            onChange={(e) => onChange({ view: e.target.value as PhaseView })}
            data-testid="program-phase-view"
          >
            {VIEWS.map((v) => (
              <option key={v} value={v}>
                {viewLabel(v)}
              </option>
            ))}
          </select>
        </Field>
        <fieldset className="pe-options is-wide">
          <legend>{t('edit.options')}</legend>
          <label className="pe-check">
            <input
              type="checkbox"
              checked={phase.startRound}
              aria-describedby={`${id}-round-hint`}
              onChange={(e) => onChange({ startRound: e.target.checked })}
              data-testid="program-phase-start-round"
            />
            {t('edit.startRound')}
          </label>
          <span id={`${id}-round-hint`} className="mb-hint">
            {t('edit.startRoundHint')}
          </span>
          <label className="pe-check">
            <input
              type="checkbox"
              // A timer needs the planned minutes.
              checked={phase.startTimer && Number(phase.minutes) > 0}
              disabled={!(Number(phase.minutes) > 0)}
              onChange={(e) => onChange({ startTimer: e.target.checked })}
              data-testid="program-phase-start-timer"
            />
            {t('edit.startTimer')}
          </label>
        </fieldset>
        <Field id={`${id}-desc`} label={t('edit.description')} error={err('description')} wide>
          <textarea
            id={`${id}-desc`}
            rows={2}
            value={phase.description}
            aria-invalid={err('description') ? true : undefined}
            onChange={(e) => onChange({ description: e.target.value })}
          />
        </Field>
      </div>
      <fieldset className="pe-questions">
        <legend>{t('edit.questions')}</legend>
        {phase.questions.length === 0 ? <p className="mb-hint">{t('edit.noQuestions')}</p> : null}
        <ol>
          {phase.questions.map((q, qi) => {
            const qErr = err(`q.${q.id}`);
            return (
              <li key={q.id} className="pe-question">
                <input
                  ref={wordUndoRef}
                  aria-label={t('edit.question', { n: qi + 1 })}
                  value={q.text}
                  maxLength={600}
                  data-focus-id={q.id}
                  aria-invalid={qErr ? true : undefined}
                  onChange={(e) => setQuestion(q.id, e.target.value)}
                  data-testid="program-question"
                />
                <button
                  type="button"
                  className="button button-small"
                  aria-label={t('edit.removeQuestion', { n: qi + 1 })}
                  onClick={() => onChange({ questions: phase.questions.filter((x) => x.id !== q.id) })}
                >
                  ×
                </button>
                {qErr ? <span className="field-error">{t(qErr)}</span> : null}
              </li>
            );
          })}
        </ol>
        <button
          type="button"
          className="button button-small"
          disabled={phase.questions.length >= MAX_QUESTIONS}
          title={phase.questions.length >= MAX_QUESTIONS ? t('edit.maxQuestions', { n: MAX_QUESTIONS }) : undefined}
          onClick={() => onChange({ questions: [...phase.questions, newDraftQuestion()] })}
          data-testid="program-add-question"
        >
          + {t('edit.addQuestion')}
        </button>
      </fieldset>
    </li>
  );
}

function Field({
  id,
  label,
  error,
  wide,
  children,
}: {
  id: string;
  label: string;
  error?: MeetingKey | undefined;
  wide?: boolean;
  children: ReactNode;
}) {
  const t = useT(meetingTexts);
  return (
    <div className={`pe-field${wide ? ' is-wide' : ''}${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {error ? <span className="field-error">{t(error)}</span> : null}
    </div>
  );
}
