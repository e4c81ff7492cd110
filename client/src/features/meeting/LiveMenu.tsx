/**
 * The facilitator's "Live" menu in the meeting bar (issue 5): bring everyone to my
 * board, presenter mode (participants follow my view), spotlight on one group's board,
 * private mode. What these do on participants' screens is MeetingEffects' work.
 */
import { useState } from 'react';
import { setPresenter, setPrivateMode, setSpotlight, summonTo } from '../../../../shared/model/meeting/live.ts';
import { useBoardSelection, useGroups, useIdentity, useMeeting, useSessionSnapshot } from './MeetingContext.tsx';
import { serverNow } from './serverClock.ts';
import { meetingTexts } from './i18n.ts';
import { useT } from '../../base/i18n/useT.ts';
import { usePopover } from '../../ui/usePopover.ts';
import './barControls.css';
import './LiveMenu.css';

function Switch({
  on,
  label,
  onChange,
  testId,
  disabled,
}: {
  on: boolean;
  label: string;
  onChange: (on: boolean) => void;
  testId: string;
  disabled?: boolean;
}) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      className={on ? 'switch is-on' : 'switch'}
      onClick={() => onChange(!on)}
      disabled={disabled}
      data-testid={testId}
    >
      <span className="switch-track" aria-hidden="true">
        <span className="switch-thumb" />
      </span>
      {label}
    </button>
  );
}

export function LiveMenu() {
  const { sessionDoc, identity } = useIdentity();
  const { boardId } = useBoardSelection();
  const presenter = useMeeting((s) => s.live.presenter);
  const spotlight = useMeeting((s) => s.live.spotlight);
  const privateOn = useMeeting((s) => s.live.privateMode.on);
  const groups = useGroups();
  const session = useSessionSnapshot();
  const t = useT(meetingTexts);
  const pop = usePopover();
  const [sent, setSent] = useState<string | null>(null);
  const boardTitle = (id: string) => t.name(session.boards.find((b) => b.id === id)?.title ?? id);
  const here = boardTitle(boardId);
  const presenting = presenter?.on === true;
  // Participants never see the template board: nobody can be brought there.
  const onTemplate = session.boards.find((b) => b.id === boardId)?.kind === 'template';
  const canPresent = identity.participantId !== '';
  const anyOn = presenting || spotlight !== null || privateOn;

  return (
    <div className="mb-pop" ref={pop.root}>
      <button
        type="button"
        className={anyOn ? 'mb-button is-live' : 'mb-button'}
        aria-haspopup="dialog"
        aria-expanded={pop.open}
        onClick={() => {
          setSent(null);
          pop.toggle();
        }}
        data-testid="live-menu"
      >
        {anyOn ? <span className="mb-live-dot" aria-hidden="true" /> : null}
        {t('live.menu')}
      </button>
      {pop.open ? (
        <div className="mb-popover mb-live-popover" role="dialog" aria-label={t('live.menu')}>
          <section className="mb-live-section">
            <button
              type="button"
              className="button button-small button-primary mb-pop-wide"
              disabled={onTemplate}
              onClick={() => {
                summonTo(sessionDoc, boardId, serverNow());
                setSent(here);
              }}
              data-testid="live-summon"
            >
              {t('live.summon')}
            </button>
            <p className="mb-hint" role={sent ? 'status' : undefined}>
              {onTemplate
                ? t('live.onTemplate')
                : sent
                  ? t('live.summoned', { board: sent })
                  : t('live.summonHint', { board: here })}
            </p>
          </section>
          <section className="mb-live-section">
            <Switch
              on={presenting}
              label={t('live.presenter')}
              disabled={(!canPresent || onTemplate) && !presenting}
              onChange={(on) =>
                setPresenter(sessionDoc, on ? { participantId: identity.participantId, boardId } : null)
              }
              testId="live-presenter"
            />
            <p className="mb-hint">{canPresent ? t('live.presenterHint') : t('live.presenterNoId')}</p>
          </section>
          <section className="mb-live-section">
            <h3 className="mb-live-title">{t('live.spotlight')}</h3>
            {groups.groups.length === 0 ? (
              <p className="mb-hint">{t('live.spotlightNone')}</p>
            ) : (
              <ul className="wrap-list">
                {groups.groups.map((g) => {
                  const on = spotlight?.boardId === g.boardId;
                  return (
                    <li key={g.id}>
                      <button
                        type="button"
                        className={on ? 'mb-spot is-on' : 'mb-spot'}
                        aria-pressed={on}
                        onClick={() => setSpotlight(sessionDoc, on ? null : g.boardId, serverNow())}
                        data-testid="live-spotlight"
                        data-board-id={g.boardId}
                      >
                        {t.name(g.name)}
                      </button>
                    </li>
                  );
                })}
              </ul>
            )}
            {spotlight ? (
              <button
                type="button"
                className="button button-small"
                onClick={() => setSpotlight(sessionDoc, null)}
                data-testid="live-spotlight-off"
              >
                {t('live.spotlightOff')}
              </button>
            ) : null}
          </section>
          <section className="mb-live-section">
            <Switch
              on={privateOn}
              label={t('live.private')}
              onChange={(on) => setPrivateMode(sessionDoc, on, serverNow())}
              testId="live-private"
            />
            <p className="mb-hint">{t('live.privateHint')}</p>
          </section>
        </div>
      ) : null}
    </div>
  );
}
