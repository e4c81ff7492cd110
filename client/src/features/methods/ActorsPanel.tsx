/**
 * The actors panel: add, search, the completeness check, and the actors as a list
 * (a card opens for the selected one) or as a table. Beside the view on a desktop; a
 * tab of its own on a phone (MethodsWorkspace decides).
 */
import { useMemo, useState } from 'react';
import type { Actor } from '../../../../shared/model/board/actorSchema.ts';
import { ActorCard } from './ActorCard.tsx';
import { ActorsTable } from './ActorsTable.tsx';
import { AddActorForm } from './AddActorForm.tsx';
import { CompletenessCheck } from './CompletenessCheck.tsx';
import { useMethods } from './context.ts';
import { TypeBadge } from './fields.tsx';
import { actorFill } from '../../../../shared/methods/palette.ts';
import './ActorsPanel.css';
import './tools.css';
import './controls.css';
import './actors.css';

export type PanelMode = 'list' | 'table';

function matches(actor: Actor, query: string): boolean {
  const q = query.trim().toLowerCase();
  return !q || actor.name.toLowerCase().includes(q) || actor.organisation.toLowerCase().includes(q);
}

function ActorList({ actors }: { actors: readonly Actor[] }) {
  const { data, select, t } = useMethods();
  return (
    <ul className="mw-list">
      {actors.map((a) => (
        <li key={a.id}>
          <button type="button" className="mw-list-item" data-testid="actor-item" onClick={() => select(a.id)}>
            <span className="mw-dot is-big" style={{ background: actorFill(a, data.settings.colorBy) }} />
            <span className="mw-list-text">
              <span className="mw-list-name">{a.name || t('actors.unnamed')}</span>
              <span className="mw-list-meta">
                <span className="mw-list-org">
                  {[a.organisation, a.category ? t(`cat.${a.category}`) : ''].filter(Boolean).join(' · ')}
                </span>
                <TypeBadge actor={a} />
              </span>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

interface ActorsPanelProps {
  mode: PanelMode;
  onModeChange: (m: PanelMode) => void;
  /** Folded to a narrow strip (a projector wants the whole width for the view). */
  collapsed: boolean;
  onCollapsedChange: (collapsed: boolean) => void;
}

export function ActorsPanel({ mode, onModeChange, collapsed, onCollapsedChange }: ActorsPanelProps) {
  const { data, cardId, select, t } = useMethods();
  const [query, setQuery] = useState('');
  const selected = cardId ? data.actorsById.get(cardId) : undefined;
  const filtered = useMemo(() => data.actors.filter((a) => matches(a, query)), [data.actors, query]);

  if (collapsed) {
    return (
      <section className="mw-panel is-collapsed" data-testid="actors-panel" aria-label={t('actors.title')}>
        <button
          type="button"
          className="mw-panel-open"
          title={t('actors.show')}
          data-testid="actors-expand"
          onClick={() => onCollapsedChange(false)}
        >
          <span aria-hidden="true">«</span>
          <span className="mw-panel-open-text">
            {t('actors.title')} ({data.actors.length})
          </span>
        </button>
      </section>
    );
  }

  return (
    <section className="mw-panel" data-testid="actors-panel" aria-label={t('actors.title')}>
      <div className="mw-panel-head">
        <h2 className="mw-panel-title">
          {t('actors.title')} <span className="count">{data.actors.length}</span>
        </h2>
        <div className="mw-panel-actions">
          <div className="segmented mw-seg" role="group" aria-label={t('actors.title')}>
            {(['list', 'table'] as const).map((m) => (
              <button
                key={m}
                type="button"
                className={m === mode ? 'is-on' : ''}
                aria-pressed={m === mode}
                data-testid={`actors-mode-${m}`}
                onClick={() => onModeChange(m)}
              >
                {t(m === 'list' ? 'actors.list' : 'actors.table')}
              </button>
            ))}
          </div>
          <button
            type="button"
            className="mw-x mw-collapse"
            title={t('actors.hide')}
            aria-label={t('actors.hide')}
            data-testid="actors-collapse"
            onClick={() => {
              onModeChange('list');
              onCollapsedChange(true);
            }}
          >
            »
          </button>
        </div>
      </div>
      {selected && mode === 'list' ? (
        <div className="mw-panel-scroll">
          <button type="button" className="mw-back" data-testid="actor-back" onClick={() => select(null)}>
            ← {t('actors.back')}
          </button>
          <ActorCard key={selected.id} actor={selected} />
        </div>
      ) : (
        <div className="mw-panel-scroll">
          <AddActorForm />
          {data.actors.length > 4 ? (
            <input
              type="search"
              className="mw-input mw-search"
              value={query}
              placeholder={t('actors.searchPlaceholder')}
              aria-label={t('actors.search')}
              data-testid="actor-search"
              onChange={(e) => setQuery(e.target.value)}
            />
          ) : null}
          {mode === 'list' ? <ActorList actors={filtered} /> : <ActorsTable actors={filtered} />}
          {filtered.length === 0 && data.actors.length > 0 ? <p className="muted">{t('actors.none')}</p> : null}
          {mode === 'list' ? <CompletenessCheck /> : null}
        </div>
      )}
    </section>
  );
}
