/** "Hebben we iedereen?" (seed 003): roles and levels present, and the 3-to-5 organisations tip. */
import { LEVELS, ROLE_CATEGORIES } from '../../../../shared/model/board/actorSchema.ts';
import { completeness } from '../../../../shared/methods/completeness.ts';
import { useMethods } from './context.ts';
import { CATEGORY_COLORS } from '../../../../shared/methods/palette.ts';
import './controls.css';
import './actors.css';
import './CompletenessCheck.css';

export function CompletenessCheck() {
  const { data, t } = useMethods();
  const c = completeness(data.actors);
  const warnings = c.missingCategories.length;
  if (data.actors.length === 0) {
    return (
      <section className="mw-complete is-start" data-testid="completeness">
        <h3 className="mw-complete-title">{t('complete.title')}</h3>
        <p className="mw-tip">{t('complete.start')}</p>
      </section>
    );
  }
  return (
    <details className="mw-complete" data-testid="completeness" open={warnings > 0 || undefined}>
      <summary>
        <span>{t('complete.title')}</span>
        {warnings > 0 ? (
          <span className="mw-warn-count" data-testid="completeness-warnings">
            {warnings}
          </span>
        ) : (
          <span className="mw-ok-mark" aria-hidden="true">
            ✓
          </span>
        )}
      </summary>
      <div className="mw-complete-body">
        <p className="mw-complete-head">{t('complete.categories')}</p>
        <ul className="mw-chips">
          {ROLE_CATEGORIES.map((cat) => (
            <li key={cat} className={c.byCategory[cat] === 0 ? 'mw-chip is-missing' : 'mw-chip'} data-category={cat}>
              <span className="mw-dot" style={{ background: CATEGORY_COLORS[cat] }} />
              {t(`cat.${cat}`)} <strong>{c.byCategory[cat]}</strong>
            </li>
          ))}
        </ul>
        <p className="mw-complete-head">{t('complete.levels')}</p>
        <ul className="mw-chips">
          {LEVELS.map((l) => (
            <li key={l} className={c.byLevel[l] === 0 ? 'mw-chip is-missing' : 'mw-chip'}>
              {t(`level.${l}`)} <strong>{c.byLevel[l]}</strong>
            </li>
          ))}
        </ul>
        {c.missingCategories.map((cat) => (
          <p key={cat} className="mw-warning" role="status" data-testid="missing-category">
            <span aria-hidden="true">⚠</span> {t('complete.missing', { what: t(`cat.${cat}`).toLowerCase() })}
          </p>
        ))}
        {c.missingLevels.map((l) => (
          <p key={l} className="mw-warning is-soft">
            <span aria-hidden="true">⚠</span> {t('complete.missingLevel', { what: t(`level.${l}`).toLowerCase() })}
          </p>
        ))}
        {warnings === 0 ? <p className="mw-okline">{t('complete.ok')}</p> : null}
        {c.unclassified > 0 ? <p className="muted">{t('complete.unclassified', { n: c.unclassified })}</p> : null}
        <p className="mw-tip">
          {t('complete.orgs', { n: c.organisations })} {t(`complete.orgs.${c.organisationHint}`)}
        </p>
      </div>
    </details>
  );
}
