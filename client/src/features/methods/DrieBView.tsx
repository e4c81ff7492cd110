/**
 * View 3, the 3 B's: one row per actor with bedoeling, belang and bijdrage, typed in
 * together. During the individual round (a board setting the facilitator switches on)
 * each participant sees the one actor they were given, or picked, as a card.
 */
import { useState } from 'react';
import type { Actor } from '../../../../shared/model/board/actorSchema.ts';
import { updateSettings } from '../../../../shared/model/board/actors.ts';
import { B_FIELDS, useWorkingOn } from './bees.ts';
import { CollabTextarea } from './CollabTextarea.tsx';
import { useMethods } from './context.ts';
import type { MethodsKey } from './i18n.ts';
import { actorFill } from '../../../../shared/methods/palette.ts';
import { RoundCard, RoundOverview } from './RoundPanel.tsx';
import './tools.css';
import './views.css';
import './DrieBView.css';
import './controls.css';
import './actors.css';

function ActorCell({ actor, working }: { actor: Actor; working: string[] }) {
  const { data, select, t } = useMethods();
  return (
    <th scope="row" className="mw-bees-actor">
      <button type="button" className="mw-bees-name" onClick={() => select(actor.id)}>
        <span className="mw-dot is-big" style={{ background: actorFill(actor, data.settings.colorBy) }} />
        <span>
          <strong>{actor.name || t('actors.unnamed')}</strong>
          {actor.organisation ? <span className="mw-list-org">{actor.organisation}</span> : null}
        </span>
      </button>
      {working.length > 0 ? <span className="mw-working">{t('db.working', { names: working.join(', ') })}</span> : null}
    </th>
  );
}

function BeesTable() {
  const { data, t } = useMethods();
  const workingOn = useWorkingOn();
  if (data.actors.length === 0) return <p className="muted mw-pad">{t('db.noActors')}</p>;
  return (
    <div className="mw-table-wrap mw-bees-wrap">
      <table className="mw-bees" data-testid="bees-table">
        <thead>
          <tr>
            <th scope="col">{t('db.actor')}</th>
            {B_FIELDS.map((f) => (
              <th scope="col" key={f}>
                {t(`b.${f}`)}
                <span className="mw-question">{t(`b.${f}.q` as MethodsKey)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {data.actors.map((a) => (
            <tr key={a.id} data-testid="bees-row" data-actor-id={a.id}>
              <ActorCell actor={a} working={data.round.assignments.length ? workingOn(a.id) : []} />
              {B_FIELDS.map((f) => (
                <td key={f} data-label={t(`b.${f}`)}>
                  <CollabTextarea
                    className="mw-textarea"
                    actorId={a.id}
                    field={f}
                    value={a[f]}
                    aria-label={`${t(`b.${f}`)}: ${a.name}`}
                    data-testid={`bees-${f}`}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function DrieBView() {
  const { doc, data, editable, settingsEditable, isFacilitator, t } = useMethods();
  const round = data.settings.individualRound;
  // Participants see their card during the round; everyone may look at the whole table.
  const [showTable, setShowTable] = useState(false);
  const participantCard = round && !isFacilitator && editable;
  return (
    <div className="mw-view mw-bees-view" data-testid="view-drieB">
      <div className="mw-view-bar">
        {settingsEditable ? (
          <button
            type="button"
            className={round ? 'switch is-on' : 'switch'}
            role="switch"
            aria-checked={round}
            data-testid="round-toggle"
            onClick={() => updateSettings(doc, { individualRound: !round })}
          >
            <span className="switch-track">
              <span className="switch-thumb" />
            </span>
            {t('db.round')}
          </button>
        ) : round ? (
          <span className="badge">{t('db.roundOn')}</span>
        ) : null}
        <p className="mw-hint">{t('db.roundIntro')}</p>
        {participantCard ? (
          <button type="button" className="button button-small" onClick={() => setShowTable((s) => !s)}>
            {showTable ? t('db.showCard') : t('db.showTable')}
          </button>
        ) : null}
      </div>
      <div className="mw-view-scroll">
        {round && isFacilitator ? <RoundOverview /> : null}
        {participantCard && !showTable ? <RoundCard /> : <BeesTable />}
      </div>
    </div>
  );
}
