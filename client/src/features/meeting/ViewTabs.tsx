/** The views of one board: the free canvas and the five method views (tabs; a select on phones). */
import { viewNames, type ViewNameKey } from '../../../../shared/methods/viewNames.ts';
import { useT } from '../../base/i18n/useT.ts';
import { METHOD_VIEWS } from '../../base/views.ts';
import type { BoardView } from '../../base/useBoardView.ts';
import { onTabListKeyDown } from '../../ui/tabKeys.ts';
import './ViewTabs.css';

const VIEWS: readonly BoardView[] = ['canvas', ...METHOD_VIEWS];

export function ViewTabs({ view, onChange }: { view: BoardView; onChange: (v: BoardView) => void }) {
  const t = useT();
  // The views' names from their one home (not the methods' whole dictionary: that loads with the methods).
  const mt = useT(viewNames);
  const label = (v: BoardView) => (v === 'canvas' ? t('views.canvas') : mt(`view.${v}` as ViewNameKey));
  return (
    <>
      <select
        className="mw-select mw-view-select view-select"
        data-testid="method-select"
        value={view}
        aria-label={t('views.label')}
        onChange={(e) => onChange(e.target.value as BoardView)}
      >
        {VIEWS.map((v) => (
          <option key={v} value={v}>
            {label(v)}
          </option>
        ))}
      </select>
      <div className="mw-tabs view-tabs" role="tablist" aria-label={t('views.label')} onKeyDown={onTabListKeyDown}>
        {VIEWS.map((v) => (
          <button
            key={v}
            type="button"
            role="tab"
            aria-selected={v === view}
            className={v === view ? 'mw-tab is-on' : 'mw-tab'}
            data-testid={v === 'canvas' ? 'view-tab-canvas' : `method-tab-${v}`}
            onClick={() => onChange(v)}
          >
            {label(v)}
          </button>
        ))}
      </div>
    </>
  );
}
