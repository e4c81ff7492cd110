/**
 * What is switched on for everyone (issue 5): spotlight, presenter mode and private mode,
 * as thin banners. Participants get a button back to the spotlighted board or to follow
 * again; the facilitator gets the button that ends it ("Onthullen" for private mode).
 */
import { setPresenter, setPrivateMode, setSpotlight } from '../../../../shared/model/meeting/live.ts';
import { requestFollow } from '../board/index.ts';
import { useBoardSelection, useIdentity, useMeeting } from './MeetingContext.tsx';
import { serverNow } from './serverClock.ts';
import { meetingTexts } from './i18n.ts';
import { useT } from '../../base/i18n/useT.ts';
import './LiveBanners.css';

export function LiveBanners({ floating = false }: { floating?: boolean }) {
  const { isFacilitator, identity, sessionDoc } = useIdentity();
  const { boardId, selectBoard, setView, view } = useBoardSelection();
  const t = useT(meetingTexts);
  const spotlight = useMeeting((s) => s.live.spotlight);
  const presenter = useMeeting((s) => s.live.presenter);
  const privateMode = useMeeting((s) => s.live.privateMode);
  const boards = useMeeting((s) => s.session.boards);
  const presenterName =
    useMeeting((s) => s.present.find((p) => p.id === presenter?.participantId)?.name) ?? t('fx.facilitator');
  if (!spotlight && !presenter?.on && !privateMode.on) return null;
  const boardTitle = (id: string) => t.name(boards.find((b) => b.id === id)?.title ?? '');

  return (
    <div className={floating ? 'live-banners is-floating' : 'live-banners'} data-testid="live-banners">
      {spotlight ? (
        <div className="live-banner is-spotlight" role="status" data-testid="spotlight-banner">
          <span className="live-banner-dot" aria-hidden="true" />
          <span className="live-banner-text">
            {isFacilitator
              ? t('fx.spotlightYou', { board: boardTitle(spotlight.boardId) })
              : t('fx.spotlight', { board: boardTitle(spotlight.boardId) })}
          </span>
          {isFacilitator ? (
            <button type="button" className="live-banner-button" onClick={() => setSpotlight(sessionDoc, null)}>
              {t('fx.end')}
            </button>
          ) : boardId !== spotlight.boardId ? (
            <button type="button" className="live-banner-button" onClick={() => selectBoard(spotlight.boardId)}>
              {t('fx.spotlightGo')}
            </button>
          ) : null}
        </div>
      ) : null}
      {presenter?.on ? (
        <div className="live-banner is-presenter" role="status" data-testid="presenter-banner">
          <span className="live-banner-dot" aria-hidden="true" />
          <span className="live-banner-text">
            {isFacilitator ? t('fx.presenterYou') : t('fx.presenter', { name: presenterName })}
          </span>
          {isFacilitator ? (
            <button type="button" className="live-banner-button" onClick={() => setPresenter(sessionDoc, null)}>
              {t('fx.end')}
            </button>
          ) : (
            <button
              type="button"
              className="live-banner-button"
              onClick={() => {
                if (boardId !== presenter.boardId) selectBoard(presenter.boardId);
                if (view !== 'canvas') setView('canvas');
                requestFollow(presenter.participantId);
              }}
              data-testid="presenter-follow"
            >
              {t('fx.presenterFollow')}
            </button>
          )}
        </div>
      ) : null}
      {privateMode.on ? (
        <div className="live-banner is-private" role="status" data-testid="private-banner">
          <svg className="live-banner-icon" viewBox="0 0 16 16" aria-hidden="true">
            <rect x="3" y="7" width="10" height="7" rx="1.5" fill="currentColor" />
            <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
          </svg>
          {/* What each person can and cannot see (issue 10): the server keeps these promises. */}
          <span className="live-banner-text" data-testid="private-banner-text">
            {isFacilitator ? t('fx.privateYou') : identity.role === 'viewer' ? t('fx.privateViewer') : t('fx.private')}
          </span>
          {isFacilitator ? (
            <button
              type="button"
              className="live-banner-button"
              onClick={() => setPrivateMode(sessionDoc, false, serverNow())}
              data-testid="private-reveal"
            >
              {t('live.reveal')}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
