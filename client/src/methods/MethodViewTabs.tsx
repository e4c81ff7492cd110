/** The five method views as tabs. */
import { useMT, type MethodsKey } from './i18n.ts';
import { METHOD_VIEWS, type MethodView } from './views.ts';

export function MethodViewTabs({ view, onChange }: { view: MethodView; onChange: (v: MethodView) => void }) {
  const t = useMT();
  return (
    <>
      {/* Phones: one select instead of five tabs that do not fit. */}
      <select
        className="mw-select mw-view-select"
        data-testid="method-select"
        value={view}
        aria-label={t('view.tabsLabel')}
        onChange={(e) => onChange(e.target.value as MethodView)}
      >
        {METHOD_VIEWS.map((v) => (
          <option key={v} value={v}>
            {t(`view.${v}` as MethodsKey)}
          </option>
        ))}
      </select>
      <div className="mw-tabs" role="tablist" aria-label={t('view.tabsLabel')}>
        {METHOD_VIEWS.map((v) => (
          <button
            key={v}
            type="button"
            role="tab"
            aria-selected={v === view}
            className={v === view ? 'mw-tab is-on' : 'mw-tab'}
            data-testid={`method-tab-${v}`}
            onClick={() => onChange(v)}
          >
            {t(`view.${v}` as MethodsKey)}
          </button>
        ))}
      </div>
    </>
  );
}
