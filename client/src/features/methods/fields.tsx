/** Small form controls shared by the actor card, the table and the views. */
import type { Actor } from '../../../../shared/model/board/actorSchema.ts';
import { updateActor } from '../../../../shared/model/board/actors.ts';
import { classifyActor, TYPE_TEXTS } from '../../../../shared/methods/typology.ts';
import { wordUndoRef } from '../../ui/wordUndo.ts';
import { useMethods } from './context.ts';
import { ENUM_FIELDS, type EnumField } from './enumFields.ts';
import './controls.css';
import './fields.css';

/** A select for one of the actor's enumerated fields; "—" clears it. */
export function EnumSelect({
  actor,
  field,
  id,
  compact,
}: {
  actor: Actor;
  field: EnumField;
  id?: string;
  compact?: boolean;
}) {
  const { doc, editable, t } = useMethods();
  const def = ENUM_FIELDS[field];
  return (
    <select
      id={id}
      className={compact ? 'mw-select is-compact' : 'mw-select'}
      value={actor[field] ?? ''}
      disabled={!editable}
      aria-label={compact ? t(def.label) : undefined}
      data-testid={`actor-${field}`}
      onChange={(e) => updateActor(doc, actor.id, { [field]: e.target.value === '' ? null : e.target.value })}
    >
      <option value="">{t('field.notSet')}</option>
      {def.values.map((v) => (
        <option key={v} value={v}>
          {t(def.key(v))}
        </option>
      ))}
    </select>
  );
}

/** A plain text field of an actor (name, organisation), written as you type. */
export function ActorInput({
  actor,
  field,
  id,
  label,
  testId,
}: {
  actor: Actor;
  field: 'name' | 'organisation';
  id?: string;
  label?: string;
  testId?: string;
}) {
  const { doc, editable } = useMethods();
  return (
    <input
      ref={editable ? wordUndoRef : undefined}
      id={id}
      className="mw-input"
      value={actor[field]}
      maxLength={200}
      readOnly={!editable}
      aria-label={label}
      data-testid={testId}
      onChange={(e) => updateActor(doc, actor.id, { [field]: e.target.value })}
    />
  );
}

/** The type from the typology, as a small label; nothing while not judged. */
export function TypeBadge({ actor }: { actor: Pick<Actor, 'inhoud' | 'vertrouwen'> }) {
  const { lang, t } = useMethods();
  const type = classifyActor(actor.inhoud, actor.vertrouwen);
  if (!type) return <span className="mw-type is-none">{t('ty.notJudged')}</span>;
  return (
    <span className={`mw-type is-${type}`} data-testid="actor-type" data-type={type}>
      {TYPE_TEXTS[lang][type].label}
    </span>
  );
}

/** A range input with its label and the two end labels. */
export function LabeledRange({
  label,
  low,
  high,
  min,
  max,
  step,
  value,
  unset,
  onChange,
  testId,
}: {
  label: string;
  low: string;
  high: string;
  min: number;
  max: number;
  step: number;
  value: number;
  /** Not judged yet: shown faded at `value`. */
  unset?: boolean;
  onChange: (v: number) => void;
  testId?: string;
}) {
  const { editable } = useMethods();
  return (
    <label className={unset ? 'mw-range is-unset' : 'mw-range'}>
      <span className="mw-range-label">{label}</span>
      <input
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        disabled={!editable}
        data-testid={testId}
        onChange={(e) => onChange(Number(e.target.value))}
      />
      <span className="mw-range-ends" aria-hidden="true">
        <span>{low}</span>
        <span>{high}</span>
      </span>
    </label>
  );
}
