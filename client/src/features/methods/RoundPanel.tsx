/**
 * The individual round of the 3 B's: the facilitator's overview (who has which actor,
 * assign or distribute) and a participant's own card (pick an actor, fill in the 3 B's),
 * made for a phone.
 */
import { useId, useState } from 'react';
import { assignActor, clearRound } from '../../../../shared/model/board/round.ts';
import { addNamedActor } from './AddActorForm.tsx';
import { CollabTextarea } from './CollabTextarea.tsx';
import { useMethods, type Person } from './context.ts';
import { B_FIELDS, distribute, filledCount, useWorkingOn } from './bees.ts';
import type { MethodsKey } from './i18n.ts';
import { actorFill } from '../../../../shared/methods/palette.ts';
import { wordUndoRef } from '../../ui/wordUndo.ts';
import './controls.css';
import './actors.css';
import './RoundPanel.css';

export function RoundOverview() {
  const { doc, data, editable, me, participants, t } = useMethods();
  const people = new Map<string, Person>();
  for (const p of participants) if (p.id && p.id !== me.id) people.set(p.id, p);
  for (const a of data.round.assignments)
    if (!people.has(a.participantId)) people.set(a.participantId, { id: a.participantId, name: a.name });
  const list = [...people.values()];
  return (
    <section className="mw-round-overview" data-testid="round-overview">
      <div className="mw-round-head">
        <h3>{t('db.overview')}</h3>
        {editable ? (
          <>
            <button
              type="button"
              className="button button-small button-primary"
              data-testid="round-distribute"
              disabled={list.length === 0 || data.actors.length === 0}
              onClick={() => {
                for (const [pid, aid] of distribute(data, list))
                  assignActor(doc, pid, aid, people.get(pid)?.name ?? '');
              }}
            >
              {t('db.distribute')}
            </button>
            <button type="button" className="button button-small" onClick={() => clearRound(doc)}>
              {t('db.clear')}
            </button>
          </>
        ) : null}
      </div>
      {list.length === 0 ? <p className="muted">{t('db.noParticipants')}</p> : null}
      <ul className="mw-round-list">
        {list.map((p) => {
          const mine = data.round.byParticipant.get(p.id);
          const actor = mine ? data.actorsById.get(mine.actorId) : undefined;
          return (
            <li key={p.id} data-testid="round-person">
              <span className="mw-round-name">{p.name}</span>
              <select
                className="mw-select is-compact"
                value={mine?.actorId ?? ''}
                disabled={!editable}
                aria-label={`${t('db.actor')}: ${p.name}`}
                onChange={(e) => assignActor(doc, p.id, e.target.value || null, p.name)}
              >
                <option value="">{t('db.notAssigned')}</option>
                {data.actors.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name || t('actors.unnamed')}
                  </option>
                ))}
              </select>
              {actor ? <span className="mw-progress">{t('db.filled', { n: filledCount(actor) })}</span> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Picker({ onPicked }: { onPicked: () => void }) {
  const { doc, data, editable, me, t } = useMethods();
  const workingOn = useWorkingOn();
  return (
    <section className="mw-round-card" data-testid="round-picker">
      <h3>{t('db.pick')}</h3>
      <p className="muted">{t('db.pickText')}</p>
      {data.actors.length === 0 && !editable ? <p className="muted">{t('db.noActors')}</p> : null}
      <ul className="mw-pick-list">
        {data.actors.map((a) => {
          const others = workingOn(a.id).filter((n) => n !== me.name);
          return (
            <li key={a.id}>
              <button
                type="button"
                className="mw-pick"
                data-testid="round-pick"
                onClick={() => {
                  assignActor(doc, me.id || me.name, a.id, me.name);
                  onPicked();
                }}
              >
                <span className="mw-dot is-big" style={{ background: actorFill(a, data.settings.colorBy) }} />
                <span className="mw-list-text">
                  <span className="mw-list-name">{a.name || t('actors.unnamed')}</span>
                  <span className="mw-list-org">
                    {[a.organisation, others.length ? t('db.takenBy', { names: others.join(', ') }) : '']
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      <OwnActor onPicked={onPicked} />
    </section>
  );
}

/**
 * Seed 003: "apply the 3 B's to one actor in your network". Not every partner is on the
 * board yet: the participant adds their own and takes it at once (issue 12).
 */
function OwnActor({ onPicked }: { onPicked: () => void }) {
  const { doc, data, editable, me, t } = useMethods();
  const [name, setName] = useState('');
  const inputId = useId();
  if (!editable) return null;
  const submit = () => {
    const id = addNamedActor(doc, data.actors.length, name);
    if (!id) return;
    assignActor(doc, me.id || me.name, id, me.name);
    setName('');
    onPicked();
  };
  return (
    <form
      className="mw-add mw-round-own"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label htmlFor={inputId} className="mw-round-b">
        {data.actors.length > 0 ? t('db.own') : t('db.ownOnly')}
      </label>
      <input
        ref={wordUndoRef}
        id={inputId}
        className="mw-input"
        value={name}
        maxLength={200}
        placeholder={t('db.ownPlaceholder')}
        data-testid="round-own-name"
        onChange={(e) => setName(e.target.value)}
      />
      <button type="submit" className="button button-small button-primary" data-testid="round-own-add">
        {t('db.ownAdd')}
      </button>
    </form>
  );
}

export function RoundCard() {
  const { data, me, t } = useMethods();
  const [picking, setPicking] = useState(false);
  const mine = data.round.byParticipant.get(me.id || me.name);
  const actor = mine ? data.actorsById.get(mine.actorId) : undefined;
  if (!actor || picking) return <Picker onPicked={() => setPicking(false)} />;
  return (
    <section className="mw-round-card" data-testid="round-card" data-actor-id={actor.id}>
      <p className="mw-round-kicker">{t('db.yourActor')}</p>
      <h3 className="mw-round-actor">
        <span className="mw-dot is-big" style={{ background: actorFill(actor, data.settings.colorBy) }} />
        {actor.name || t('actors.unnamed')}
      </h3>
      {actor.organisation || actor.category ? (
        <p className="mw-list-org">
          {[actor.organisation, actor.category ? t(`cat.${actor.category}`) : ''].filter(Boolean).join(' · ')}
        </p>
      ) : null}
      {B_FIELDS.map((f) => (
        <label key={f} className="mw-round-field">
          <span className="mw-round-b">{t(`b.${f}`)}</span>
          <span className="mw-question">{t(`b.${f}.q` as MethodsKey)}</span>
          <CollabTextarea
            className="mw-textarea is-large"
            actorId={actor.id}
            field={f}
            value={actor[f]}
            data-testid={`round-${f}`}
          />
        </label>
      ))}
      <button type="button" className="mw-link" onClick={() => setPicking(true)}>
        {t('db.change')}
      </button>
    </section>
  );
}
