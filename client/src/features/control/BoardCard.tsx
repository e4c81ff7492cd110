/** One board in the control room: live picture, who is here, members elsewhere, progress, actions. */
import { memo } from 'react';
import type { Question } from '../../../../shared/model/meeting/program.ts';
import type { AwarenessUser } from '../../base/sync/Room.ts';
import { controlTexts } from './i18n.ts';
import { useT } from '../../base/i18n/useT.ts';
import { useBoardWatch, type ThumbKind } from './useBoardWatch.ts';
import './control.css';
import './BoardCard.css';

export interface CardPerson {
  key: string;
  name: string;
  color: string;
  /** Elsewhere: the title of the board they have open; `null` when not connected. */
  where?: string | null;
}

export interface BoardCardProps {
  sessionId: string;
  token: string;
  boardId: string;
  name: string;
  isGroup: boolean;
  /** The questions this board answers (current phase or the groups' phase). */
  questions: readonly Question[];
  here: readonly CardPerson[];
  elsewhere: readonly CardPerson[];
  locked: boolean;
  spotlighted: boolean;
  isOpenBoard: boolean;
  me: AwarenessUser;
  thumbKind: ThumbKind;
  now: number;
  onOpen(boardId: string): void;
  onLock(boardId: string, locked: boolean): void;
  onSpotlight(boardId: string, on: boolean): void;
}

export const BoardCard = memo(function BoardCard(p: BoardCardProps) {
  const t = useT(controlTexts);
  const watch = useBoardWatch(p.sessionId, p.boardId, p.token, p.thumbKind, p.isOpenBoard, p.me);
  const answered = watch ? p.questions.filter((q) => watch.answered.has(q.id)).length : 0;
  const empty = watch ? (p.thumbKind === 'field' ? watch.placed === 0 : watch.canvasItems === 0) : false;

  const ago = (at: number): string => {
    if (!at) return t('noActivity');
    const s = Math.max(0, (p.now - at) / 1000);
    if (s < 60) return t('justNow');
    if (s < 3600) return t('minutesAgo', { n: Math.floor(s / 60) });
    return t('hoursAgo', { n: Math.floor(s / 3600) });
  };

  return (
    <li
      className={`control-card${p.spotlighted ? ' is-spotlight' : ''}${p.isGroup ? '' : ' is-plenary'}`}
      data-testid="control-card"
      data-board-id={p.boardId}
      data-name={p.name}
      data-actors={watch?.actors ?? ''}
      data-placed={watch?.placed ?? ''}
      data-notes={watch?.notes ?? ''}
      data-answered={answered}
      aria-labelledby={`control-name-${p.boardId}`}
    >
      <div className="control-card-head">
        <h3 className="control-name" id={`control-name-${p.boardId}`}>
          {p.name}
        </h3>
        {p.locked ? <span className="control-badge is-locked">{t('locked')}</span> : null}
        {p.spotlighted ? <span className="control-badge is-spot">{t('inSpotlight')}</span> : null}
      </div>
      <button
        type="button"
        className="control-thumb"
        onClick={() => p.onOpen(p.boardId)}
        aria-label={t('openBoardOf', { name: p.name })}
        tabIndex={-1}
      >
        {watch ? (
          <img src={watch.thumb} alt={t('thumbAlt', { name: p.name })} data-testid="control-thumb" draggable={false} />
        ) : (
          <span className="control-thumb-note">{t('loading')}</span>
        )}
        {empty ? (
          <span className="control-thumb-note">{p.thumbKind === 'field' ? t('emptyField') : t('emptyCanvas')}</span>
        ) : null}
      </button>

      <div className="control-people">
        <span className="control-label">{t('here')}</span>
        {p.here.length ? (
          <ul className="control-dots" data-testid="control-here">
            {p.here.map((x) => (
              <li key={x.key} className="control-person" data-testid="control-here-person">
                <span className="control-dot" style={{ backgroundColor: x.color }} aria-hidden="true" />
                {x.name}
              </li>
            ))}
          </ul>
        ) : (
          <span className="muted">{t('nobodyHere')}</span>
        )}
      </div>
      {p.elsewhere.length ? (
        <div className="control-people">
          <span className="control-label">{t('elsewhere')}</span>
          <ul className="control-dots is-elsewhere" data-testid="control-elsewhere">
            {p.elsewhere.map((x) => (
              <li key={x.key} className="control-person" data-testid="control-elsewhere-person">
                <span
                  className="control-dot"
                  style={{ backgroundColor: x.where === null ? 'transparent' : x.color, borderColor: x.color }}
                  aria-hidden="true"
                />
                {x.name}
                <span className="muted"> ({x.where ?? t('away')})</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      <div className="control-progress">
        <dl className="control-progress-list">
          <div>
            <dt>{t('actorsPlaced')}</dt>
            <dd data-testid="control-actors">
              {watch && watch.actors ? t('ofN', { n: watch.placed, m: watch.actors }) : t('none')}
            </dd>
            <Bar value={watch?.placed ?? 0} max={watch?.actors ?? 0} />
          </div>
          {p.questions.length ? (
            <div>
              <dt>{t('questions')}</dt>
              <dd data-testid="control-answers">{t('ofN', { n: answered, m: p.questions.length })}</dd>
              <Bar value={answered} max={p.questions.length} />
            </div>
          ) : null}
        </dl>
        <div className="control-facts">
          <span>
            {t('notes')}: <strong data-testid="control-notes">{watch?.notes ?? 0}</strong>
          </span>
          <span>
            {t('lastActivity')}: <strong data-testid="control-activity">{ago(watch?.lastActivity ?? 0)}</strong>
          </span>
        </div>
      </div>

      <div className="control-actions">
        <button
          type="button"
          className="button button-small"
          onClick={() => p.onOpen(p.boardId)}
          aria-label={t('openBoardOf', { name: p.name })}
          data-testid="control-open"
        >
          {t('openBoard')}
        </button>
        <ToggleButton
          on={p.locked}
          label={p.locked ? t('unlock') : t('lock')}
          title={p.locked ? t('unlockOf', { name: p.name }) : t('lockOf', { name: p.name })}
          onToggle={() => p.onLock(p.boardId, !p.locked)}
          testId="control-lock"
        />
        {p.isGroup ? (
          <ToggleButton
            on={p.spotlighted}
            label={p.spotlighted ? t('spotlightOff') : t('spotlight')}
            title={p.spotlighted ? t('spotlightOffOf', { name: p.name }) : t('spotlightOf', { name: p.name })}
            onToggle={() => p.onSpotlight(p.boardId, !p.spotlighted)}
            testId="control-spotlight"
          />
        ) : null}
      </div>
    </li>
  );
});

function Bar({ value, max }: { value: number; max: number }) {
  const pct = max > 0 ? Math.round((value / max) * 100) : 0;
  return (
    // A dd, as a dl's groups may hold nothing else (WCAG 1.3.1, issue 12).
    <dd className="control-bar" aria-hidden="true">
      <span style={{ width: `${pct}%` }} />
    </dd>
  );
}

/** A small on/off button of a card (lock, spotlight). */
function ToggleButton(p: { on: boolean; label: string; title: string; onToggle: () => void; testId: string }) {
  return (
    <button
      type="button"
      className={p.on ? 'button button-small is-on' : 'button button-small'}
      aria-pressed={p.on}
      title={p.title}
      onClick={p.onToggle}
      data-testid={p.testId}
    >
      {p.label}
    </button>
  );
}
