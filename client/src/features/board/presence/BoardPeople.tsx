/**
 * Who is on this board (issue 3, "a list of who is on this board, follow a person's
 * viewport"): an avatar with initials in each person's colour, their name, and a
 * "Volgen" toggle. While I follow someone a line says so, with a button to stop.
 *
 *   const presence = useBoardPresence(board.room, me, { selection, viewport });
 *   const follow = useFollow(presence.peers, size);
 *   <BoardPeople peers={presence.peers} follow={follow} me={me} />
 *
 * Place it over a corner of the board (it is a compact, absolutely positionable box;
 * give it a `className` to place it).
 */
import { useState } from 'react';
import type { AwarenessUser } from '../../../base/sync/Room.ts';
import type { Follow } from '../../../base/presence/useFollow.ts';
import { initials, type PeerPresence } from '../../../base/presence/presenceState.ts';
import { usePresenceT, type PresenceTranslate } from '../../../base/presence/messages.ts';
import './BoardPeople.css';
import './presence.css';

export interface BoardPeopleProps {
  /** From `useBoardPresence(...).peers`. */
  peers: readonly PeerPresence[];
  /** From `useFollow(peers, size)`. */
  follow: Follow;
  /** Me, shown first (optional). */
  me?: AwarenessUser | null;
  /** People shown before "+N meer"; default 5. */
  collapsedCount?: number;
  className?: string;
}

interface Person {
  key: string;
  user: AwarenessUser;
  /** The tab to follow: the first of this person's tabs that shares a view. */
  tab: PeerPresence;
}

/** One entry per person (someone with two tabs open is listed once). */
function people(peers: readonly PeerPresence[]): Person[] {
  const byKey = new Map<string, Person>();
  for (const peer of peers) {
    const key = peer.user.id || `client:${peer.clientId}`;
    const known = byKey.get(key);
    if (!known) byKey.set(key, { key, user: peer.user, tab: peer });
    else if (!known.tab.viewport && peer.viewport) known.tab = peer;
  }
  return [...byKey.values()];
}

function Avatar({ user }: { user: AwarenessUser }) {
  return (
    <span className="people-avatar" style={{ backgroundColor: user.color }} aria-hidden="true">
      {initials(user.name)}
    </span>
  );
}

function PersonRow({ person, follow, t }: { person: Person; follow: Follow; t: PresenceTranslate }) {
  const { user, tab } = person;
  const f = follow.following;
  const isActive = f !== null && (f.clientId === tab.clientId || (user.id !== '' && f.user.id === user.id));
  const canFollow = Boolean(tab.viewport) || isActive;
  const label = isActive
    ? t('people.stopLabel', { name: user.name })
    : canFollow
      ? t('people.followLabel', { name: user.name })
      : t('people.noView', { name: user.name });
  return (
    <li className="people-item" data-testid="board-person" data-client-id={tab.clientId} data-role={user.role}>
      <Avatar user={user} />
      <span className="people-text">
        <span className="people-name" data-testid="board-person-name" title={user.name}>
          {user.name}
        </span>
        <span className="people-role">{t(`role.${user.role}`)}</span>
      </span>
      <button
        type="button"
        className={isActive ? 'outline-button people-follow is-on' : 'outline-button people-follow'}
        aria-pressed={isActive}
        aria-label={label}
        title={label}
        disabled={!canFollow}
        data-testid="board-person-follow"
        onClick={() => (isActive ? follow.stop() : follow.start(tab.clientId))}
      >
        {isActive ? t('people.following') : t('people.follow')}
      </button>
    </li>
  );
}

export function BoardPeople({ peers, follow, me, collapsedCount = 5, className }: BoardPeopleProps) {
  const t = usePresenceT();
  const [expanded, setExpanded] = useState(false);
  const list = people(peers);
  const shown = expanded ? list : list.slice(0, collapsedCount);
  const hidden = list.length - shown.length;
  return (
    <section
      className={className ? `board-people ${className}` : 'board-people'}
      aria-label={t('people.title')}
      data-testid="board-people"
    >
      <ul className="people-list">
        {me ? (
          <li className="people-item is-self" data-testid="board-person-self">
            <Avatar user={me} />
            <span className="people-text">
              <span className="people-name" title={me.name}>
                {me.name} <span className="people-you">({t('people.you')})</span>
              </span>
            </span>
          </li>
        ) : null}
        {shown.map((p) => (
          <PersonRow key={p.key} person={p} follow={follow} t={t} />
        ))}
      </ul>
      {list.length === 0 && !me ? <p className="people-alone">{t('people.alone')}</p> : null}
      {hidden > 0 || expanded ? (
        <button
          type="button"
          className="outline-button people-more"
          onClick={() => setExpanded((e) => !e)}
          aria-expanded={expanded}
        >
          {expanded ? t('people.less') : t('people.more', { count: hidden })}
        </button>
      ) : null}
      {follow.following ? (
        <p
          className="people-following"
          role="status"
          data-testid="board-following"
          style={{ borderColor: follow.following.user.color }}
        >
          <span>{t('people.followingBanner', { name: follow.following.user.name })}</span>
          <button type="button" className="outline-button people-stop" onClick={follow.stop}>
            {t('people.stop')}
          </button>
        </p>
      ) : null}
    </section>
  );
}
