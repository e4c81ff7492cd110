/** Beside the network map: the figures, the selected relation's editor and a form to add one. */
import { useState } from 'react';
import { RELATION_TYPES, type RelationRecord } from '../../../../shared/model/board/actorSchema.ts';
import { addRelation, deleteRelation, updateRelation } from '../../../../shared/model/board/actors.ts';
import { networkFigures } from '../../../../shared/methods/network.ts';
import { useMethods } from './context.ts';
import { RELATION_TYPE_STYLE, type RelationType } from '../../../../shared/methods/palette.ts';
import { wordUndoRef } from '../../ui/wordUndo.ts';
import './NetworkSide.css';
import './controls.css';
import './actors.css';

/** A short sample of a relation type's line, as in the map. */
export function LineSample({ type }: { type: RelationType }) {
  const s = RELATION_TYPE_STYLE[type];
  return (
    <svg className="mw-line-sample" viewBox="0 0 36 10" aria-hidden="true">
      <line
        x1="1"
        y1="5"
        x2={s.arrow ? 28 : 35}
        y2="5"
        stroke={s.color}
        strokeWidth="2.5"
        strokeDasharray={s.dash ? s.dash.map((d) => d / 2).join(' ') : undefined}
      />
      {s.arrow ? <path d="M27 1 L35 5 L27 9 Z" fill={s.color} /> : null}
    </svg>
  );
}

export function NetworkFiguresPanel() {
  const { data, t, select } = useMethods();
  const f = networkFigures(
    data.actors.map((a) => a.id),
    data.relations,
  );
  const name = (id: string) => data.actorsById.get(id)?.name || t('actors.unnamed');
  const perActor = [...f.degree.entries()].sort((a, b) => b[1] - a[1]);
  return (
    <section className="panel-small mw-side-box" data-testid="network-figures">
      <h3>{t('nw.figures')}</h3>
      <p>
        <strong data-testid="network-total">{t('nw.total', { n: data.relations.length })}</strong>
      </p>
      <ul className="mw-type-counts">
        {RELATION_TYPES.map((type) => (
          <li key={type}>
            <LineSample type={type} /> {t(`reltype.${type}`)} <strong>{f.byType[type]}</strong>
          </li>
        ))}
      </ul>
      {f.mostConnected.length > 0 ? (
        <p>
          {t('nw.most')}: <strong>{f.mostConnected.map(name).join(', ')}</strong>
        </p>
      ) : null}
      {f.isolated.length > 0 ? (
        <div className="mw-warning" data-testid="network-isolated">
          <span aria-hidden="true">⚠</span> {t('nw.isolated')}: {f.isolated.map(name).join(', ')}
        </div>
      ) : data.actors.length > 0 ? (
        <p className="mw-okline">{t('nw.noneIsolated')}</p>
      ) : null}
      <details className="mw-degree">
        <summary>{t('nw.perActor')}</summary>
        <ul>
          {perActor.map(([id, n]) => (
            <li key={id}>
              <button type="button" className="mw-link" onClick={() => select(id)}>
                {name(id)}
              </button>
              <strong>{n}</strong>
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}

function TypeSelect({
  value,
  onChange,
  id,
}: {
  value: RelationType;
  onChange: (v: RelationType) => void;
  id?: string;
}) {
  const { editable, t } = useMethods();
  return (
    <select
      id={id}
      className="mw-select"
      value={value}
      disabled={!editable}
      onChange={(e) => onChange(e.target.value as RelationType)}
    >
      {RELATION_TYPES.map((type) => (
        <option key={type} value={type}>
          {t(`reltype.${type}`)}
        </option>
      ))}
    </select>
  );
}

/** A relation's type and its label, in the editor of the selected relation and in the form for a new one. */
function RelationFields(p: {
  type: RelationType;
  onType: (type: RelationType) => void;
  label: string;
  onLabel: (label: string) => void;
  readOnly?: boolean;
  labelTestId?: string;
}) {
  const { t } = useMethods();
  return (
    <>
      <label className="mw-form-row">
        <span>{t('nw.type')}</span>
        <TypeSelect value={p.type} onChange={p.onType} />
      </label>
      <label className="mw-form-row">
        <span>{t('nw.label')}</span>
        <input
          ref={wordUndoRef}
          className="mw-input"
          value={p.label}
          maxLength={200}
          readOnly={p.readOnly}
          placeholder={t('nw.labelPlaceholder')}
          data-testid={p.labelTestId}
          onChange={(e) => p.onLabel(e.target.value)}
        />
      </label>
    </>
  );
}

export function RelationEditor({ relation, onClose }: { relation: RelationRecord; onClose: () => void }) {
  const { doc, data, editable, t, stopCapturing, notifyUndoable } = useMethods();
  const name = (id: string) => data.actorsById.get(id)?.name || t('actors.unnamed');
  return (
    <section className="panel-small mw-side-box is-selected" data-testid="relation-editor">
      <h3>{t('nw.selected')}</h3>
      <p>
        <strong>{name(relation.from)}</strong> → <strong>{name(relation.to)}</strong>
      </p>
      <RelationFields
        type={relation.type}
        onType={(type) => updateRelation(doc, relation.id, { type })}
        label={relation.label}
        onLabel={(label) => updateRelation(doc, relation.id, { label })}
        readOnly={!editable}
        labelTestId="relation-label"
      />
      {editable ? (
        <button
          type="button"
          className="button button-small mw-danger"
          onClick={() => {
            stopCapturing();
            deleteRelation(doc, relation.id);
            notifyUndoable(t('ws.relationDeleted'));
            onClose();
          }}
        >
          {t('nw.delete')}
        </button>
      ) : null}
    </section>
  );
}

export function AddRelationForm({ type, onAdded }: { type: RelationType; onAdded: (id: string) => void }) {
  const { doc, data, editable, t } = useMethods();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [kind, setKind] = useState<RelationType>(type);
  const [label, setLabel] = useState('');
  if (!editable || data.actors.length < 2) return null;
  const actorOptions = data.actors.map((a) => (
    <option key={a.id} value={a.id}>
      {a.name || t('actors.unnamed')}
    </option>
  ));
  return (
    <details className="panel-small mw-side-box">
      <summary>{t('nw.add')}</summary>
      <form
        className="mw-relation-form"
        onSubmit={(e) => {
          e.preventDefault();
          const id = from && to ? addRelation(doc, { from, to, type: kind, label: label.trim().slice(0, 200) }) : null;
          if (id) {
            setLabel('');
            onAdded(id);
          }
        }}
      >
        <label className="mw-form-row">
          <span>{t('nw.from')}</span>
          <select
            className="mw-select"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            data-testid="relation-from"
          >
            <option value="">{t('field.notSet')}</option>
            {actorOptions}
          </select>
        </label>
        <label className="mw-form-row">
          <span>{t('nw.to')}</span>
          <select className="mw-select" value={to} onChange={(e) => setTo(e.target.value)} data-testid="relation-to">
            <option value="">{t('field.notSet')}</option>
            {actorOptions}
          </select>
        </label>
        <RelationFields type={kind} onType={setKind} label={label} onLabel={setLabel} />
        <button
          type="submit"
          className="button button-small button-primary"
          disabled={!from || !to || from === to}
          data-testid="relation-add"
        >
          {t('nw.add')}
        </button>
      </form>
    </details>
  );
}
