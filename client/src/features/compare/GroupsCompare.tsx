/**
 * "Groepen vergelijken": every group board's krachtenveld on one field (a colour per
 * group, the same actor's places joined), the actors the groups disagree on most with
 * the differences in words, the actors only one group placed, and merging names that
 * mean the same actor. Live: follows the group boards as the groups work.
 */
import { useMemo } from 'react';
import {
  axisDifferences,
  groupPlacements,
  suggestMerges,
  type GroupSpread,
} from '../../../../shared/methods/compare.ts';
import { actorKey as matchKey, mergedKey } from '../../../../shared/model/meeting/live.ts';
import { useLang, useT } from '../../base/i18n/useT.ts';
import { useBoardSelection, useGroups, useIdentity, useMeeting } from '../meeting/index.ts';
import { CompareField, type FieldLabel, type FieldMark } from './CompareField.tsx';
import { compareTexts } from './i18n.ts';
import { MergePanel } from './MergePanel.tsx';
import { useBoardsMethods } from './useBoardsMethods.ts';
import { useCompareField } from './useCompareField.ts';
import { formatNumber } from '../../../../shared/i18n/format.ts';
import { describeAxis, groupColor, spreadSize } from './words.ts';
import './compareParts.css';
import './GroupsCompare.css';

/** The other spellings worth mentioning: not those that differ only in case or punctuation. */
const otherNames = (s: GroupSpread) => s.names.filter((n) => matchKey(n) !== matchKey(s.name));

export function GroupsCompare() {
  const { sessionId, identity } = useIdentity();
  const { boardRoom } = useBoardSelection();
  const groups = useGroups();
  const t = useT(compareTexts);
  const lang = useLang();

  const boardIds = useMemo(() => groups.groups.map((g) => g.boardId), [groups.groups]);
  const boards = useBoardsMethods(sessionId, boardIds, identity.token, boardRoom);
  const merges = useMeeting((s) => s.live.merges);

  const groupList = groups.groups.map((g, i) => {
    const data = boards.get(g.boardId);
    return {
      ...g,
      index: i,
      color: groupColor(i),
      actors: data?.actors ?? [],
      loading: !data || (data.connection !== 'connected' && data.actors.length === 0),
    };
  });
  const byId = new Map(groupList.map((g) => [g.id, g]));
  const nameOf = (id: string) => byId.get(id)?.name ?? '?';
  const input = groupList.map((g) => ({ group: g.id, actors: g.actors }));
  const all = groupPlacements(input, { merges });
  const multi = all.filter((s) => s.placements.length >= 2);
  const disputed = multi.filter((s) => spreadSize(s.spread) !== 'small');
  const agreed = multi.filter((s) => spreadSize(s.spread) === 'small');
  const single = all.filter((s) => s.placements.length === 1);
  const suggestions = suggestMerges(
    groupList.map((g) => ({ group: g.id, actors: g.actors.filter((a) => a.name.trim()) })),
    { merges },
  );

  // Display names of the keys the merges speak of (they are stored normalized).
  const displayNames = new Map<string, string>();
  for (const g of groupList) {
    for (const a of g.actors) {
      const k = matchKey(a.name);
      if (k && !displayNames.has(k)) displayNames.set(k, a.name.trim());
    }
  }
  const clusters = new Map<string, string>();
  for (const g of groupList) {
    for (const a of g.actors) {
      const k = mergedKey(merges, a.name);
      if (!k) continue;
      if (!clusters.has(k) || matchKey(a.name) === k) clusters.set(k, a.name.trim());
    }
  }

  const firstSettings = groupList.map((g) => boards.get(g.boardId)?.settings).find(Boolean);
  const { axes, highlight, selected, toggle, hoverProps, fieldProps } = useCompareField(firstSettings?.axes);

  const marks: FieldMark[] = [];
  const labels: FieldLabel[] = [];
  const joins: { actorKey: string; points: GroupSpread['placements'] }[] = [];
  for (const s of all) {
    for (const p of s.placements) {
      const g = byId.get(p.group);
      marks.push({
        id: `${s.key}\n${p.group}`,
        actorKey: s.key,
        houding: p.houding,
        invloed: p.invloed,
        betrokkenheid: p.betrokkenheid,
        color: g?.color ?? '#6f7e84',
        tag: g ? String(g.index + 1) : undefined,
      });
    }
    // The name at every dot: on a projector nobody has to follow a line to read it.
    for (const p of s.placements) {
      labels.push({ id: `${s.key}\n${p.group}`, actorKey: s.key, name: s.name, at: p });
    }
    const n = s.placements.length;
    if (n >= 2) joins.push({ actorKey: s.key, points: s.placements });
  }

  if (groupList.length === 0) {
    return (
      <div className="cmp-empty" data-testid="compare-no-groups">
        <p>{t('groups.none')}</p>
      </div>
    );
  }

  const withNames = (s: GroupSpread) => ({
    placements: s.placements.map((p) => ({ ...p, group: nameOf(p.group) })),
  });
  const itemProps = (key: string) => ({
    ...hoverProps(key),
    className: `cmp-item${highlight === key ? ' is-on' : ''}`,
  });

  return (
    <div className="cmp-body">
      <section className="cmp-main" aria-label={t('groups.title')}>
        <ul className="cmp-legend" aria-label={t('groups.legend')} data-testid="compare-legend">
          {groupList.map((g) => (
            <li key={g.id} data-testid="compare-legend-group" data-group={g.name}>
              <span className="cmp-swatch" style={{ background: g.color }} aria-hidden="true">
                {g.index + 1}
              </span>
              <span className="cmp-legend-name">{t.name(g.name)}</span>
              <span className="muted">
                {g.loading
                  ? t('groups.loading')
                  : t('groups.placed', { n: all.filter((s) => s.placements.some((p) => p.group === g.id)).length })}
              </span>
            </li>
          ))}
        </ul>
        <CompareField
          testId="compare-field"
          marks={marks}
          labels={labels}
          joins={joins}
          {...fieldProps}
          empty={all.length === 0 && !groupList.some((g) => g.loading) ? t('groups.noActors') : null}
        />
        <p className="cmp-hint muted">{t('groups.lineHint')}</p>
        <ul
          className="visually-hidden"
          data-testid="compare-points"
          aria-label={t('groups.chartLabel', { n: all.length })}
        >
          {all.flatMap((s) =>
            s.placements.map((p) => (
              <li
                key={`${s.key}\n${p.group}`}
                data-key={s.key}
                data-name={s.name}
                data-group={nameOf(p.group)}
                data-houding={p.houding}
                data-invloed={p.invloed}
              >
                {t('groups.point', {
                  name: s.name,
                  group: t.name(nameOf(p.group)),
                  x: axes.houding.name,
                  xv: t.number(p.houding, 2),
                  y: axes.invloed.name,
                  yv: t.number(p.invloed, 2),
                  size: axes.betrokkenheid.name,
                  sv: t.number(p.betrokkenheid, 2),
                })}
              </li>
            )),
          )}
        </ul>
      </section>

      <aside className="cmp-side">
        <section className="cmp-section" aria-labelledby="cmp-disagree">
          <h3 id="cmp-disagree" className="cmp-section-title">
            {t('disagree.title')}
          </h3>
          {disputed.length === 0 ? (
            <p className="muted cmp-none" data-testid="disagree-none">
              {t('disagree.none')}
            </p>
          ) : (
            <ol className="stack-list cmp-list" data-testid="disagree-list">
              {disputed.map((s) => {
                const size = spreadSize(s.spread);
                const diffs = axisDifferences(withNames(s));
                return (
                  <li
                    key={s.key}
                    {...itemProps(s.key)}
                    data-testid="disagree-item"
                    data-key={s.key}
                    data-name={s.name}
                    data-spread={s.spread.toFixed(3)}
                  >
                    <button
                      type="button"
                      className="cmp-item-head"
                      aria-pressed={selected === s.key}
                      onClick={() => toggle(s.key)}
                    >
                      <span className="cmp-item-name">{s.name}</span>
                      {/* Words with the number, as the verslag says it (issue 15). */}
                      <span className={`cmp-size is-${size}`}>
                        {t(`disagree.${size}`)} ({formatNumber(lang, s.spread, 2)})
                      </span>
                    </button>
                    <div className="cmp-meter" aria-hidden="true">
                      <span style={{ width: `${Math.min(100, (s.spread / 1.2) * 100)}%` }} />
                    </div>
                    <div className="cmp-item-groups">
                      {s.placements.map((p) => {
                        const g = byId.get(p.group);
                        return (
                          <span
                            key={p.group}
                            className="cmp-swatch is-small"
                            style={{ background: g?.color }}
                            title={g?.name}
                          >
                            {g ? g.index + 1 : '?'}
                          </span>
                        );
                      })}
                      <span className="muted">{t('disagree.groups', { n: s.placements.length })}</span>
                    </div>
                    <ul className="cmp-axes" data-testid="disagree-axes">
                      {diffs.map((d) => (
                        <li key={d.axis}>{describeAxis(d, axes[d.axis].name, t)}</li>
                      ))}
                    </ul>
                    {otherNames(s).length > 0 ? (
                      <p className="muted cmp-aka">{t('disagree.alsoNamed', { names: otherNames(s).join(', ') })}</p>
                    ) : null}
                  </li>
                );
              })}
            </ol>
          )}
          {agreed.length > 0 ? (
            <div className="cmp-agree" data-testid="agree-list">
              <span className="muted">{t('disagree.agree')}:</span>
              {agreed.map((s) => (
                <button
                  key={s.key}
                  type="button"
                  className={`cmp-chip${highlight === s.key ? ' is-on' : ''}`}
                  data-testid="agree-item"
                  data-key={s.key}
                  aria-pressed={selected === s.key}
                  {...hoverProps(s.key)}
                  onClick={() => toggle(s.key)}
                >
                  {s.name}
                </button>
              ))}
            </div>
          ) : null}
        </section>

        <section className="cmp-section" aria-labelledby="cmp-single">
          <h3 id="cmp-single" className="cmp-section-title">
            {t('single.title')}
          </h3>
          {single.length === 0 ? (
            <p className="muted cmp-none">{t('single.none')}</p>
          ) : (
            <ul className="wrap-list" data-testid="single-list">
              {single.map((s) => {
                const g = byId.get(s.placements[0]!.group);
                return (
                  <li key={s.key}>
                    <button
                      type="button"
                      className={`cmp-chip${highlight === s.key ? ' is-on' : ''}`}
                      data-testid="single-item"
                      data-key={s.key}
                      aria-pressed={selected === s.key}
                      {...hoverProps(s.key)}
                      onClick={() => toggle(s.key)}
                    >
                      <span className="cmp-swatch is-small" style={{ background: g?.color }} aria-hidden="true">
                        {g ? g.index + 1 : '?'}
                      </span>
                      {s.name}
                      <span className="visually-hidden"> ({g?.name})</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </section>

        <MergePanel suggestions={suggestions} nameOfGroup={nameOf} displayNames={displayNames} clusters={clusters} />
      </aside>
    </div>
  );
}
