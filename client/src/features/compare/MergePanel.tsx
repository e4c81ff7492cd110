/**
 * Merging near-duplicate names ("Huisarts" / "Huisartsen"): suggestions from
 * `suggestMerges`, a merge by hand, and the merges so far with "ongedaan maken".
 * Merges are written to the session doc (`setMerge`), so every screen sees them.
 */
import { useState, type FormEvent } from 'react';
import type { MergeSuggestion } from '../../../../shared/methods/compare.ts';
import { setMerge } from '../../../../shared/model/meeting/live.ts';
import { useIdentity, useMeeting } from '../meeting/index.ts';
import { compareTexts } from './i18n.ts';
import { useT } from '../../base/i18n/useT.ts';
import './compareParts.css';
import './MergePanel.css';

interface MergePanelProps {
  suggestions: readonly MergeSuggestion[];
  nameOfGroup(id: string): string;
  /** Normalized name -> a name as a group wrote it. */
  displayNames: ReadonlyMap<string, string>;
  /** Merged key -> the actor's shown name: what can be merged by hand. */
  clusters: ReadonlyMap<string, string>;
}

export function MergePanel({ suggestions, nameOfGroup, displayNames, clusters }: MergePanelProps) {
  const { sessionDoc } = useIdentity();
  const allMerges = useMeeting((s) => s.live.merges);
  const t = useT(compareTexts);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const [alias, setAlias] = useState('');
  const [canonical, setCanonical] = useState('');
  const [manualError, setManualError] = useState<string | null>(null);
  const shown = suggestions.filter((s) => !dismissed.has(`${s.aliasKey}\n${s.canonicalKey}`));
  const merges = Object.entries(allMerges);
  const nameOf = (key: string) => displayNames.get(key) ?? key;
  const options = [...clusters.entries()].sort((a, b) => a[1].localeCompare(b[1]));

  function mergeByHand(e: FormEvent) {
    e.preventDefault();
    if (!alias || !canonical || alias === canonical) {
      setManualError(t('merge.manualSame'));
      return;
    }
    setMerge(sessionDoc, alias, canonical);
    setAlias('');
    setCanonical('');
    setManualError(null);
  }

  return (
    <section className="cmp-section" aria-labelledby="cmp-merge">
      <h3 id="cmp-merge" className="cmp-section-title">
        {t('merge.title')}
      </h3>
      <p className="muted cmp-note">{t('merge.hint')}</p>

      <h4 className="cmp-subtitle">{t('merge.suggestions')}</h4>
      {shown.length === 0 ? (
        <p className="muted cmp-none" data-testid="merge-no-suggestions">
          {t('merge.noSuggestions')}
        </p>
      ) : (
        <ul className="stack-list cmp-list" data-testid="merge-suggestions">
          {shown.map((s) => (
            <li
              key={`${s.aliasKey}\n${s.canonicalKey}`}
              className="cmp-merge"
              data-testid="merge-suggestion"
              data-alias={s.alias}
              data-canonical={s.canonical}
            >
              <div className="cmp-merge-text">
                <strong>{t('merge.suggestion', { alias: s.alias, canonical: s.canonical })}</strong>
                <span className="muted">
                  {t(s.reason === 'similar' ? 'merge.similar' : 'merge.contains')} ·{' '}
                  {s.groups.map(nameOfGroup).join(', ')}
                </span>
              </div>
              <div className="cmp-merge-actions">
                <button
                  type="button"
                  className="button button-small button-primary"
                  data-testid="merge-accept"
                  aria-label={t('merge.acceptLabel', { alias: s.alias, canonical: s.canonical })}
                  onClick={() => setMerge(sessionDoc, s.aliasKey, s.canonicalKey)}
                >
                  {t('merge.accept')}
                </button>
                <button
                  type="button"
                  className="button button-small"
                  data-testid="merge-dismiss"
                  onClick={() => setDismissed((d) => new Set([...d, `${s.aliasKey}\n${s.canonicalKey}`]))}
                >
                  {t('merge.dismiss')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}

      <h4 className="cmp-subtitle">{t('merge.manual')}</h4>
      <form className="cmp-manual" onSubmit={mergeByHand} noValidate>
        <ActorSelect
          label={t('merge.manualAlias')}
          none={t('merge.choose')}
          options={options}
          value={alias}
          onChange={setAlias}
          testId="merge-manual-alias"
        />
        <ActorSelect
          label={t('merge.manualCanonical')}
          none={t('merge.choose')}
          options={options}
          value={canonical}
          onChange={setCanonical}
          testId="merge-manual-canonical"
        />
        <button type="submit" className="button button-small" disabled={options.length < 2}>
          {t('merge.accept')}
        </button>
        {manualError ? (
          <p className="form-error" role="alert">
            {manualError}
          </p>
        ) : null}
      </form>

      <h4 className="cmp-subtitle">{t('merge.done')}</h4>
      {merges.length === 0 ? (
        <p className="muted cmp-none">{t('merge.none')}</p>
      ) : (
        <ul className="stack-list cmp-list" data-testid="merge-list">
          {merges.map(([a, c]) => (
            <li key={a} className="cmp-merge" data-testid="merge-item" data-alias={a} data-canonical={c}>
              <div className="cmp-merge-text">
                <strong>{t('merge.item', { alias: nameOf(a), canonical: nameOf(c) })}</strong>
              </div>
              <button
                type="button"
                className="button button-small"
                data-testid="merge-undo"
                aria-label={t('merge.undoLabel', { alias: nameOf(a), canonical: nameOf(c) })}
                onClick={() => setMerge(sessionDoc, a, null)}
              >
                {t('merge.undo')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

interface ActorSelectProps {
  label: string;
  /** The first, empty choice ("Kies…"). */
  none: string;
  /** Merged key and shown name of each actor. */
  options: readonly (readonly [string, string])[];
  value: string;
  onChange: (key: string) => void;
  testId: string;
}

/** A labelled choice of one actor, by merged key. */
function ActorSelect({ label, none, options, value, onChange, testId }: ActorSelectProps) {
  return (
    <label>
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">{none}</option>
        {options.map(([key, name]) => (
          <option key={key} value={key}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}
