/**
 * The facilitator's screens in the header: the boards, the control room, the plenary
 * comparison and the results (votes, evaluation).
 */
import type { SessionScreen } from './MeetingContext.tsx';
import { useScreen } from './MeetingContext.tsx';
import { meetingTexts } from './i18n.ts';
import { useT } from '../../base/i18n/useT.ts';
import './ScreenTabs.css';

const SCREENS: SessionScreen[] = ['board', 'control', 'compare', 'results'];

export function ScreenTabs() {
  const { screen, setScreen } = useScreen();
  const t = useT(meetingTexts);
  return (
    <nav className="screen-tabs" aria-label={t('screen.label')}>
      {SCREENS.map((s) => (
        <button
          key={s}
          type="button"
          className={s === screen ? 'screen-tab is-active' : 'screen-tab'}
          aria-current={s === screen ? 'page' : undefined}
          onClick={() => setScreen(s)}
          data-testid={`screen-${s}`}
        >
          {t(`screen.${s}`)}
        </button>
      ))}
    </nav>
  );
}
