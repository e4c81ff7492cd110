/**
 * One board's field now against the previous meeting's: an arrow from each moved
 * actor's old place to its new one, new actors marked "nieuw", actors that dropped out
 * as an outline marked "weg"; beside it the same in lists, in words.
 */
import type { CSSProperties } from 'react';
import { axisUnit, COMPARE_AXES, type FieldComparison } from '../../../../shared/methods/compare.ts';
import type { BoardSettings } from '../../../../shared/model/board/actorSchema.ts';
import { useT } from '../../base/i18n/useT.ts';
import { methodsTexts } from '../methods/i18n.ts';
import { CompareField, type FieldArrow, type FieldLabel, type FieldMark } from './CompareField.tsx';
import { compareTexts, type CompareKey } from './i18n.ts';
import { useCompareField } from './useCompareField.ts';
import { quadrantOf } from './words.ts';
import './compareParts.css';
import './PreviousField.css';

const COLOR = { now: '#0e5a63', before: '#6f7e84', appeared: '#2b8a3e', gone: '#b3261e' } as const;

/** The legend: a swatch like the field's mark (filled, or an outline) and its words. */
const LEGEND: { swatch: string; style: CSSProperties; text: CompareKey }[] = [
  { swatch: 'cmp-swatch is-hollow', style: { borderColor: COLOR.before }, text: 'prev.legendBefore' },
  { swatch: 'cmp-swatch', style: { background: COLOR.now }, text: 'prev.legendNow' },
  { swatch: 'cmp-swatch', style: { background: COLOR.appeared }, text: 'prev.legendNew' },
  { swatch: 'cmp-swatch is-hollow is-dashed', style: { borderColor: COLOR.gone }, text: 'prev.legendGone' },
];

type Actorish = FieldComparison['appeared'][number];
const placed = (a: Actorish): a is Actorish & { houding: number; invloed: number } =>
  a.houding !== null && a.invloed !== null;

/** The key of an actor that came (`new`), went (`gone`) or stayed (`same`). */
const keyOf = (status: string, a: Actorish) => `${status}:${a.id}`;

interface ChangeChipsProps {
  status: 'new' | 'gone';
  actors: readonly Actorish[];
  words: { title: string; none: string; badge: string };
  /** Said after an actor that is not on the field (the new ones only). */
  notPlaced?: string;
  /** `<testId>-list` and `<testId>-item`. */
  testId: string;
  highlight: string | null;
  onToggle: (key: string) => void;
  hoverProps: (key: string) => { onMouseEnter: () => void; onMouseLeave: () => void };
}

/** The actors that came or went since the previous meeting: a chip each, with its badge. */
function ChangeChips({ status, actors, words, notPlaced, testId, highlight, onToggle, hoverProps }: ChangeChipsProps) {
  return (
    <section className="cmp-section">
      <h3 className="cmp-section-title">{words.title}</h3>
      {actors.length === 0 ? (
        <p className="muted cmp-none">{words.none}</p>
      ) : (
        <ul className="wrap-list" data-testid={`${testId}-list`}>
          {actors.map((a) => {
            const key = keyOf(status, a);
            return (
              <li key={a.id}>
                <button
                  type="button"
                  className={`cmp-chip is-${status}${highlight === key ? ' is-on' : ''}`}
                  data-testid={`${testId}-item`}
                  data-name={a.name}
                  onClick={() => onToggle(key)}
                  {...hoverProps(key)}
                >
                  <span className={`cmp-badge is-${status}`}>{words.badge}</span>
                  {a.name}
                  {notPlaced && !placed(a) ? <span className="muted"> ({notPlaced})</span> : null}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

interface PreviousFieldProps {
  comparison: FieldComparison;
  /** The board's actors now (for the ones that stayed where they were). */
  nowActors: readonly Actorish[];
  settings: BoardSettings | null;
  loading: boolean;
}

export function PreviousField({ comparison, nowActors, settings, loading }: PreviousFieldProps) {
  const t = useT(compareTexts);
  const mt = useT(methodsTexts);
  const { axes, highlight, selected, toggle, hoverProps, fieldProps } = useCompareField(settings?.axes);
  const { moved, appeared, droppedOut, unchanged } = comparison;

  const marks: FieldMark[] = [];
  const labels: FieldLabel[] = [];
  const arrows: FieldArrow[] = [];
  const points: { key: string; name: string; status: string; a: Actorish }[] = [];

  for (const m of moved) {
    const { before: b, after: a } = m;
    if (placed(b)) {
      marks.push({ ...b, id: `was:${b.id}`, actorKey: m.key, color: COLOR.before, hollow: true, dashed: !placed(a) });
    }
    if (placed(a)) marks.push({ ...a, id: `now:${a.id}`, actorKey: m.key, color: COLOR.now });
    if (placed(a) && placed(b)) arrows.push({ actorKey: m.key, from: b, to: a });
    const at = placed(a) ? a : placed(b) ? b : null;
    if (at) labels.push({ actorKey: m.key, name: m.name, at });
    points.push({ key: m.key, name: m.name, status: 'moved', a });
  }
  for (const a of appeared) {
    const key = keyOf('new', a);
    if (placed(a)) {
      marks.push({ ...a, id: key, actorKey: key, color: COLOR.appeared });
      labels.push({ actorKey: key, name: a.name, at: a, badge: t('prev.badgeNew'), badgeColor: COLOR.appeared });
    }
    points.push({ key, name: a.name, status: 'new', a });
  }
  for (const a of droppedOut) {
    const key = keyOf('gone', a);
    if (placed(a)) {
      marks.push({ ...a, id: key, actorKey: key, color: COLOR.gone, hollow: true, dashed: true });
      labels.push({ actorKey: key, name: a.name, at: a, badge: t('prev.badgeGone'), badgeColor: COLOR.gone });
    }
    points.push({ key, name: a.name, status: 'gone', a });
  }
  const stayed = nowActors.filter((a) => unchanged.includes(a.name));
  for (const a of stayed) {
    const key = keyOf('same', a);
    if (placed(a)) {
      marks.push({ ...a, id: key, actorKey: key, color: COLOR.now });
      labels.push({ actorKey: key, name: a.name, at: a });
    }
    points.push({ key, name: a.name, status: 'same', a });
  }

  const describe = (m: FieldComparison['moved'][number]): string => {
    const { before: b, after: a } = m;
    if (!placed(b) && placed(a)) return t('prev.nowPlaced');
    if (placed(b) && !placed(a)) return t('prev.offField');
    const parts: string[] = [];
    for (const axis of COMPARE_AXES) {
      const bv = b[axis];
      const av = a[axis];
      if (bv === null || av === null) continue;
      const d = axisUnit(axis, av) - axisUnit(axis, bv);
      if (Math.abs(d) >= 0.1) parts.push(`${axes[axis].name} ${t(d > 0 ? `axis.${axis}.more` : `axis.${axis}.less`)}`);
    }
    if (placed(a) && placed(b)) {
      const q0 = quadrantOf(b.houding, b.invloed);
      const q1 = quadrantOf(a.houding, a.invloed);
      if (q0 !== q1) parts.push(`${mt(`kv.q.${q0}`)} → ${mt(`kv.q.${q1}`)}`);
    }
    return parts.join(' · ');
  };
  return (
    <div className="cmp-body">
      <section className="cmp-main" aria-label={t('prev.title')}>
        <ul className="cmp-legend" data-testid="prev-legend">
          {LEGEND.map(({ swatch, style, text }) => (
            <li key={text}>
              <span className={swatch} style={style} aria-hidden="true" />
              {t(text)}
            </li>
          ))}
        </ul>
        <CompareField
          testId="prev-field"
          marks={marks}
          labels={labels}
          arrows={arrows}
          {...fieldProps}
          empty={loading ? t('loading') : marks.length === 0 ? t('prev.empty') : null}
        />
        <ul
          className="visually-hidden"
          data-testid="carry-points"
          aria-label={t('prev.chartLabel', { n: points.length })}
        >
          {points.map((p) => (
            <li
              key={p.key}
              data-name={p.name}
              data-status={p.status}
              data-houding={p.a.houding ?? ''}
              data-invloed={p.a.invloed ?? ''}
            >
              {p.name}: {p.status}
            </li>
          ))}
        </ul>
      </section>

      <aside className="cmp-side">
        <section className="cmp-section">
          <h3 className="cmp-section-title">{t('prev.moved')}</h3>
          {moved.length === 0 ? (
            <p className="muted cmp-none">{t('prev.movedNone')}</p>
          ) : (
            <ol className="stack-list cmp-list" data-testid="moved-list">
              {moved.map((m) => (
                <li
                  key={m.key}
                  className={`cmp-item${highlight === m.key ? ' is-on' : ''}`}
                  data-testid="moved-item"
                  data-name={m.name}
                  {...hoverProps(m.key)}
                >
                  <button
                    type="button"
                    className="cmp-item-head"
                    aria-pressed={selected === m.key}
                    onClick={() => toggle(m.key)}
                  >
                    <span className="cmp-item-name">{m.name}</span>
                  </button>
                  <p className="cmp-axes">{describe(m)}</p>
                </li>
              ))}
            </ol>
          )}
        </section>
        <ChangeChips
          status="new"
          actors={appeared}
          words={{ title: t('prev.appeared'), none: t('prev.appearedNone'), badge: t('prev.badgeNew') }}
          notPlaced={t('prev.notPlaced')}
          testId="appeared"
          highlight={highlight}
          onToggle={toggle}
          hoverProps={hoverProps}
        />
        <ChangeChips
          status="gone"
          actors={droppedOut}
          words={{ title: t('prev.dropped'), none: t('prev.droppedNone'), badge: t('prev.badgeGone') }}
          testId="dropped"
          highlight={highlight}
          onToggle={toggle}
          hoverProps={hoverProps}
        />
        {unchanged.length > 0 ? (
          <p className="muted cmp-note" data-testid="unchanged">
            {t('prev.unchanged', { names: unchanged.join(', ') })}
          </p>
        ) : null}
      </aside>
    </div>
  );
}
