/**
 * View 2, positive and negative forces (Lewin's force-field analysis): the goal in the
 * middle, driving forces on the left pushing towards it, restraining forces on the right
 * pushing back; arrow length = strength (1-5). Totals and the balance update live.
 */
import { useState } from 'react';
import type { FORCE_SIDES, ForceRecord } from '../../../../shared/model/board/actorSchema.ts';
import { addForce, deleteForce, updateForce, updateSettings } from '../../../../shared/model/board/actors.ts';
import { forcesBalance } from '../../../../shared/methods/forces.ts';
import { useMethods } from './context.ts';
import { wordUndoRef } from '../../ui/wordUndo.ts';
import './views.css';
import './controls.css';
import './ForcesView.css';

type Side = (typeof FORCE_SIDES)[number];

/** An arrow towards the goal; its length shows the strength. */
function ForceArrow({ side, strength }: { side: Side; strength: number }) {
  const len = 20 + (strength / 5) * 80;
  const toRight = side === 'bevorderend';
  const x0 = 100 - len;
  const color = toRight ? '#2e7d32' : '#b42318';
  return (
    <svg
      className="mw-arrow"
      viewBox="0 0 100 24"
      preserveAspectRatio="none"
      aria-hidden="true"
      style={{ transform: toRight ? undefined : 'scaleX(-1)' }}
    >
      <rect x={x0} y={8} width={len - 14} height={8} rx={2} fill={color} />
      <path d="M86 2 L100 12 L86 22 Z" fill={color} />
    </svg>
  );
}

function StrengthPicker({ force }: { force: ForceRecord }) {
  const { doc, editable, t } = useMethods();
  return (
    <div className="mw-pips" role="radiogroup" aria-label={t('fo.strength')}>
      {[1, 2, 3, 4, 5].map((n) => (
        <button
          key={n}
          type="button"
          role="radio"
          aria-checked={n === force.strength}
          aria-label={t('fo.strengthN', { n })}
          className={n <= force.strength ? 'mw-pip is-on' : 'mw-pip'}
          disabled={!editable}
          onClick={() => updateForce(doc, force.id, { strength: n })}
        />
      ))}
      <span className="mw-pips-n">{force.strength}</span>
    </div>
  );
}

function ForceRow({ force }: { force: ForceRecord }) {
  const { doc, data, editable, t, stopCapturing, notifyUndoable } = useMethods();
  return (
    <li className={`mw-force is-${force.side}`} data-testid="force" data-strength={force.strength}>
      <div className="mw-force-card">
        <textarea
          className="mw-force-text"
          value={force.text}
          maxLength={1000}
          rows={1}
          readOnly={!editable}
          aria-label={t('fo.text')}
          onChange={(e) => updateForce(doc, force.id, { text: e.target.value })}
        />
        <div className="mw-force-meta">
          <StrengthPicker force={force} />
          <select
            className="mw-select is-compact"
            value={force.actorId ?? ''}
            disabled={!editable}
            aria-label={t('fo.actor')}
            onChange={(e) => updateForce(doc, force.id, { actorId: e.target.value || null })}
          >
            <option value="">{t('fo.noActor')}</option>
            {data.actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name || t('actors.unnamed')}
              </option>
            ))}
          </select>
          {editable ? (
            <button
              type="button"
              className="mw-x"
              aria-label={t('fo.delete')}
              title={t('fo.delete')}
              onClick={() => {
                stopCapturing();
                deleteForce(doc, force.id);
                notifyUndoable(t('ws.forceDeleted'));
              }}
            >
              ×
            </button>
          ) : null}
        </div>
      </div>
      <ForceArrow side={force.side} strength={force.strength} />
    </li>
  );
}

function AddForce({ side }: { side: Side }) {
  const { doc, editable, t } = useMethods();
  const [text, setText] = useState('');
  if (!editable) return null;
  return (
    <form
      className="mw-add"
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) return;
        addForce(doc, { side, text: text.trim().slice(0, 1000), strength: 3 });
        setText('');
      }}
    >
      <input
        ref={wordUndoRef}
        className="mw-input"
        value={text}
        maxLength={1000}
        placeholder={t(`fo.addPlaceholder.${side}`)}
        aria-label={t(`fo.addPlaceholder.${side}`)}
        data-testid={`force-add-${side}`}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit" className="button button-small" data-testid={`force-add-${side}-submit`}>
        {t('fo.add')}
      </button>
    </form>
  );
}

export function ForcesView() {
  const { doc, data, settingsEditable, t } = useMethods();
  const b = forcesBalance(data.forces);
  const max = Math.max(1, b.bevorderend.total + b.belemmerend.total);
  const side = (s: Side) => (
    <section className={`mw-side is-${s}`} aria-label={t(`fo.${s}`)}>
      <header className="mw-side-head">
        <h3>{t(`fo.${s}`)}</h3>
        <p className="mw-total">
          <strong data-testid={`forces-total-${s}`}>{b[s].total}</strong>
          <span>{t('fo.total', { total: b[s].total, count: b[s].count })}</span>
        </p>
      </header>
      <ol className="mw-forces-list">
        {data.forces
          .filter((f) => f.side === s)
          .map((f) => (
            <ForceRow key={f.id} force={f} />
          ))}
      </ol>
      {b[s].count === 0 ? <p className="muted">{t('fo.empty')}</p> : null}
      <AddForce side={s} />
    </section>
  );
  return (
    <div className="mw-view mw-forces" data-testid="view-krachten">
      <div className="mw-forces-grid">
        {side('bevorderend')}
        <section className="mw-goal-col">
          <label className="mw-goal">
            <span className="mw-goal-label">{t('fo.goal')}</span>
            <textarea
              className="mw-goal-text"
              value={data.settings.goal}
              maxLength={300}
              rows={3}
              readOnly={!settingsEditable}
              placeholder={settingsEditable ? t('fo.goalPlaceholder') : t('fo.noGoal')}
              data-testid="goal"
              onChange={(e) => updateSettings(doc, { goal: e.target.value.slice(0, 300) })}
            />
          </label>
          <div className={`mw-balance is-${b.verdict}`} data-testid="forces-balance" data-balance={b.balance}>
            <p className="mw-balance-label">{t('fo.balance')}</p>
            <p className="mw-balance-n">{b.balance > 0 ? `+${b.balance}` : b.balance}</p>
            <div className="mw-balance-bar" aria-hidden="true">
              <span className="is-plus" style={{ width: `${(b.bevorderend.total / max) * 100}%` }} />
              <span className="is-minus" style={{ width: `${(b.belemmerend.total / max) * 100}%` }} />
            </div>
            <p className="mw-balance-totals">
              <span>{b.bevorderend.total}</span>
              <span>{b.belemmerend.total}</span>
            </p>
            <p className="mw-verdict">{t(`fo.verdict.${b.verdict}`)}</p>
          </div>
        </section>
        {side('belemmerend')}
      </div>
    </div>
  );
}
