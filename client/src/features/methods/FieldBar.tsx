/**
 * Above a method chart: the colour legend with the "colour by" switch (a board
 * setting), the size legend of the krachtenveld and the facilitator's axis editor.
 */
import { useState } from 'react';
import {
  DEFAULT_AXES,
  RELATIONS,
  ROLE_CATEGORIES,
  type AxisLabels,
  type BoardSettings,
} from '../../../../shared/model/board/actorSchema.ts';
import { updateSettings } from '../../../../shared/model/board/actors.ts';
import { useMethods } from './context.ts';
import { tooltipDismiss } from './iconTool.ts';
import { CATEGORY_COLORS, RELATION_COLORS } from '../../../../shared/methods/palette.ts';
import './tools.css';
import './views.css';
import './controls.css';
import './FieldBar.css';

export function ColorLegend() {
  const { doc, data, settingsEditable, t } = useMethods();
  const colorBy = data.settings.colorBy;
  const entries =
    colorBy === 'category'
      ? ROLE_CATEGORIES.map((c) => ({ key: c, color: CATEGORY_COLORS[c], label: t(`cat.${c}`) }))
      : RELATIONS.map((r) => ({ key: r, color: RELATION_COLORS[r], label: t(`rel.${r}`) }));
  return (
    <div className="mw-legend">
      <div className="segmented mw-seg is-small" role="group" aria-label={t('kv.colorBy')}>
        <span className="mw-seg-label">{t('kv.colorBy')}</span>
        {(['category', 'relation'] as const).map((m) => (
          <button
            key={m}
            type="button"
            className={m === colorBy ? 'is-on' : ''}
            aria-pressed={m === colorBy}
            disabled={!settingsEditable}
            data-testid={`color-by-${m}`}
            onClick={() => updateSettings(doc, { colorBy: m })}
          >
            {t(m === 'category' ? 'kv.colorBy.category' : 'kv.colorBy.relation')}
          </button>
        ))}
      </div>
      <ul className="mw-legend-items">
        {entries.map((e) => (
          <li key={e.key}>
            <span className="mw-dot" style={{ background: e.color }} />
            {e.label}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function SizeLegend({ axis }: { axis: AxisLabels }) {
  const { t } = useMethods();
  const text = t('kv.size', { name: axis.name, low: axis.low, high: axis.high });
  return (
    // The title: on a laptop only the axis name shows (issue 12).
    <p className="mw-size-legend" title={text}>
      <svg viewBox="0 0 36 20" aria-hidden="true">
        <circle cx="6" cy="10" r="4" fill="#7a8a90" />
        <circle cx="24" cy="10" r="9" fill="#7a8a90" />
      </svg>
      <span className="visually-hidden-laptop">{text}</span>
      <span className="mw-size-legend-short" aria-hidden="true">
        {axis.name}
      </span>
    </p>
  );
}

type AxisKey = keyof BoardSettings['axes'];

const AXIS_KEYS: AxisKey[] = ['houding', 'invloed', 'betrokkenheid'];

/** Names and end labels of the three axes; the three-axis structure itself stays. */
export function AxesEditor() {
  const { doc, data, t } = useMethods();
  const [open, setOpen] = useState(false);
  const axes = data.settings.axes;
  const set = (key: AxisKey, part: keyof AxisLabels, value: string) =>
    updateSettings(doc, { axes: { ...axes, [key]: { ...axes[key], [part]: value.slice(0, 60) } } });
  return (
    <div className="mw-popover-anchor">
      {/* In a narrow bar only the icon shows, its name in a tooltip (issue 12, views.css). */}
      <button
        type="button"
        className="button button-small mw-icon-tool"
        aria-expanded={open}
        data-testid="axes-edit"
        data-tip={t('kv.editAxes')}
        {...tooltipDismiss}
        onClick={() => setOpen((o) => !o)}
      >
        <svg className="mw-tool-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
          <path d="M4 3v13h13M4 3 2.5 5M4 3l1.5 2M17 16l-2-1.5M17 16l-2 1.5M8 12l3-4 2.5 2L16 6" />
        </svg>
        <span className="visually-hidden-laptop">{t('kv.editAxes')}</span>
      </button>
      {open ? (
        <div className="mw-popover" role="dialog" aria-label={t('kv.axesTitle')}>
          <h3>{t('kv.axesTitle')}</h3>
          {AXIS_KEYS.map((key) => (
            <fieldset key={key} className="mw-axis-row">
              <legend>{t(`kv.axis.${key}`)}</legend>
              {(['name', 'low', 'high'] as const).map((part) => (
                <label key={part}>
                  <span>{t(`kv.axis.${part}`)}</span>
                  <input
                    className="mw-input"
                    value={axes[key][part]}
                    maxLength={60}
                    data-testid={`axis-${key}-${part}`}
                    onChange={(e) => set(key, part, e.target.value)}
                  />
                </label>
              ))}
            </fieldset>
          ))}
          <div className="mw-popover-actions">
            <button
              type="button"
              className="button button-small"
              onClick={() => updateSettings(doc, { axes: DEFAULT_AXES })}
            >
              {t('kv.axis.reset')}
            </button>
            <button type="button" className="button button-small button-primary" onClick={() => setOpen(false)}>
              {t('kv.done')}
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
