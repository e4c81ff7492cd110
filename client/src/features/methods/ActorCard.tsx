/** Everything recorded about one actor, editable: the card in the actors panel. */
import { ACTOR_COLORS, ACTOR_TEXT_FIELDS, type Actor } from '../../../../shared/model/board/actorSchema.ts';
import { updateActor } from '../../../../shared/model/board/actors.ts';
import { isPlaced } from '../../../../shared/methods/geometry.ts';
import { classifyActor, TYPE_TEXTS } from '../../../../shared/methods/typology.ts';
import { CollabTextarea } from './CollabTextarea.tsx';
import { useMethods } from './context.ts';
import { displayAxes } from '../../../../shared/methods/labels.ts';
import { ActorInput, EnumSelect, LabeledRange, TypeBadge } from './fields.tsx';
import { ENUM_FIELD_NAMES, ENUM_FIELDS } from './enumFields.ts';
import type { Doc } from '../../../../shared/model/doc.ts';
import type { MethodsKey } from './i18n.ts';
import './controls.css';
import './ActorCard.css';
import './actors.css';

/** Sets one typology judgement; the other takes the slider's visible default if not given yet. */
export function judge(doc: Doc, actor: Actor, patch: { inhoud?: number; vertrouwen?: number }): void {
  updateActor(doc, actor.id, {
    inhoud: patch.inhoud ?? actor.inhoud ?? 0,
    vertrouwen: patch.vertrouwen ?? actor.vertrouwen ?? 0.5,
  });
}

/** The two judgements of the typology; `short` labels for the typology view's list. */
export function TypologySliders({ actor, short = false }: { actor: Actor; short?: boolean }) {
  const { doc, t } = useMethods();
  return (
    <div className="mw-sliders">
      <LabeledRange
        label={short ? t('ty.x') : t('field.inhoud')}
        low={t('ty.xLow')}
        high={t('ty.xHigh')}
        min={-1}
        max={1}
        step={0.05}
        value={actor.inhoud ?? 0}
        unset={actor.inhoud === null}
        testId="slider-inhoud"
        onChange={(v) => judge(doc, actor, { inhoud: v })}
      />
      <LabeledRange
        label={short ? t('ty.y') : t('field.vertrouwen')}
        low={t('ty.yLow')}
        high={t('ty.yHigh')}
        min={0}
        max={1}
        step={0.05}
        value={actor.vertrouwen ?? 0.5}
        unset={actor.vertrouwen === null}
        testId="slider-vertrouwen"
        onChange={(v) => judge(doc, actor, { vertrouwen: v })}
      />
    </div>
  );
}

/** The suggested approach for the actor's type, or nothing while not judged. */
export function Approach({ actor }: { actor: Actor }) {
  const { lang, t } = useMethods();
  const type = classifyActor(actor.inhoud, actor.vertrouwen);
  if (!type) return null;
  const text = TYPE_TEXTS[lang][type];
  return (
    <div className={`mw-approach is-${type}`} data-testid="actor-approach">
      <p>
        <strong>{text.label}</strong>: {text.meaning}
      </p>
      <p>
        <span className="mw-approach-label">{t('ty.approach')}:</span> {text.approach}
      </p>
    </div>
  );
}

export function ActorCard({ actor }: { actor: Actor }) {
  const { doc, editable, data, lang, t, requestDeleteActor } = useMethods();
  const axes = displayAxes(data.settings.axes, lang);
  const id = (f: string) => `actor-${actor.id}-${f}`;
  const placed = isPlaced(actor);
  return (
    <div className="mw-card" data-testid="actor-card" data-actor-id={actor.id}>
      <div className="mw-form-row">
        <label htmlFor={id('name')}>{t('field.name')}</label>
        <ActorInput actor={actor} field="name" id={id('name')} testId="actor-name" />
      </div>
      <div className="mw-form-row">
        <label htmlFor={id('organisation')}>{t('field.organisation')}</label>
        <ActorInput actor={actor} field="organisation" id={id('organisation')} testId="actor-organisation" />
      </div>
      <div className="mw-form-grid">
        {ENUM_FIELD_NAMES.map((f) => (
          <div className="mw-form-row" key={f}>
            <label htmlFor={id(f)}>{t(ENUM_FIELDS[f].label)}</label>
            <EnumSelect actor={actor} field={f} id={id(f)} />
          </div>
        ))}
      </div>
      <fieldset className="mw-colors" disabled={!editable}>
        <legend>{t('field.color')}</legend>
        {ACTOR_COLORS.map((c) => (
          <button
            key={c}
            type="button"
            className={c === actor.color ? 'mw-swatch is-on' : 'mw-swatch'}
            style={{ background: c }}
            aria-label={c}
            aria-pressed={c === actor.color}
            onClick={() => updateActor(doc, actor.id, { color: c })}
          />
        ))}
      </fieldset>

      <h3 className="mw-card-head">{t('field.position')}</h3>
      {/* The position by keyboard or on a phone, as well as by dragging on the field. */}
      <div className="mw-sliders">
        <LabeledRange
          label={axes.houding.name}
          low={axes.houding.low}
          high={axes.houding.high}
          min={-1}
          max={1}
          step={0.05}
          value={actor.houding ?? 0}
          unset={!placed}
          testId="slider-houding"
          onChange={(v) => updateActor(doc, actor.id, { houding: v, invloed: actor.invloed ?? 0.5 })}
        />
        <LabeledRange
          label={axes.invloed.name}
          low={axes.invloed.low}
          high={axes.invloed.high}
          min={0}
          max={1}
          step={0.05}
          value={actor.invloed ?? 0.5}
          unset={!placed}
          testId="slider-invloed"
          onChange={(v) => updateActor(doc, actor.id, { invloed: v, houding: actor.houding ?? 0 })}
        />
      </div>
      <LabeledRange
        label={axes.betrokkenheid.name}
        low={axes.betrokkenheid.low}
        high={axes.betrokkenheid.high}
        min={0}
        max={1}
        step={0.05}
        value={actor.betrokkenheid}
        testId="slider-betrokkenheid"
        onChange={(v) => updateActor(doc, actor.id, { betrokkenheid: v })}
      />
      {placed ? (
        editable ? (
          <button
            type="button"
            className="mw-link"
            onClick={() => updateActor(doc, actor.id, { houding: null, invloed: null })}
          >
            {t('field.unplace')}
          </button>
        ) : null
      ) : (
        <p className="muted">{t('actors.notPlaced')}</p>
      )}

      <h3 className="mw-card-head">
        {t('view.typologie')} <TypeBadge actor={actor} />
      </h3>
      <TypologySliders actor={actor} />
      <Approach actor={actor} />

      {ACTOR_TEXT_FIELDS.map((f) => (
        <div className="mw-form-row" key={f}>
          <label htmlFor={id(f)}>{f === 'notities' ? t('field.notities') : t(`b.${f}` as MethodsKey)}</label>
          {f === 'notities' ? null : <span className="mw-question">{t(`b.${f}.q` as MethodsKey)}</span>}
          <CollabTextarea
            id={id(f)}
            className="mw-textarea"
            actorId={actor.id}
            field={f}
            value={actor[f]}
            data-testid={`card-${f}`}
          />
        </div>
      ))}

      {editable ? (
        <button
          type="button"
          className="button button-small mw-danger"
          data-testid="actor-delete"
          onClick={() => requestDeleteActor(actor.id)}
        >
          {t('field.delete')}
        </button>
      ) : null}
    </div>
  );
}
