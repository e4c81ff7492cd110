/**
 * The facilitator's "Vergelijken" screen (issue 5), made to be projected too: the
 * plenary comparison of the groups' fields ("Groepen vergelijken") and the comparison
 * with the previous meeting ("Vorige bijeenkomst"). Loaded when first opened.
 */
import { useRef, useState, type KeyboardEvent } from 'react';
import { CarryForward } from './CarryForward.tsx';
import { GroupsCompare } from './GroupsCompare.tsx';
import { compareTexts } from './i18n.ts';
import { useT } from '../../base/i18n/useT.ts';
import './CompareScreen.css';

const TABS = ['groups', 'previous'] as const;
type Tab = (typeof TABS)[number];

export function CompareScreen() {
  const t = useT(compareTexts);
  const [tab, setTab] = useState<Tab>('groups');
  const root = useRef<HTMLDivElement>(null);
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ groups: null, previous: null });

  // Arrow keys move between the tabs (WAI-ARIA tabs pattern).
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    e.preventDefault();
    const next = TABS[(TABS.indexOf(tab) + (e.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length]!;
    setTab(next);
    tabRefs.current[next]?.focus();
  };

  return (
    <div className="cmp-root" ref={root} data-testid="compare-screen">
      <div className="screen-bar">
        <div className="cmp-tabs" role="tablist" aria-label={t('tabs.label')} onKeyDown={onKey}>
          {TABS.map((id) => (
            <button
              key={id}
              ref={(el) => {
                tabRefs.current[id] = el;
              }}
              type="button"
              role="tab"
              id={`cmp-tab-${id}`}
              aria-selected={tab === id}
              aria-controls={`cmp-panel-${id}`}
              tabIndex={tab === id ? 0 : -1}
              className={`cmp-tab${tab === id ? ' is-on' : ''}`}
              onClick={() => setTab(id)}
              data-testid={`compare-tab-${id}`}
            >
              {t(id === 'groups' ? 'tabs.groups' : 'tabs.previous')}
            </button>
          ))}
        </div>
      </div>
      <div className="cmp-panel" role="tabpanel" id={`cmp-panel-${tab}`} aria-labelledby={`cmp-tab-${tab}`}>
        {tab === 'groups' ? <GroupsCompare /> : <CarryForward />}
      </div>
    </div>
  );
}
