import type { ReactNode } from 'react';
import type { Room } from '../base/sync/Room.ts';
import { usePresence, type PresentPerson } from '../base/sync/usePresence.ts';
import { useT, type MessageKey } from '../base/i18n/useT.ts';
import type { Role } from '../../../shared/roles.ts';
import './PresenceList.css';

const ROLE_LABEL: Record<Role, MessageKey> = {
  facilitator: 'role.facilitator',
  participant: 'role.participant',
  viewer: 'role.viewer',
};

/**
 * "Aanwezig": everyone connected to the session, from the session room's awareness.
 * `actions` adds controls to a row (the facilitator's "Beheren" for participants).
 */
export function PresenceList({ room, actions }: { room: Room; actions?: (person: PresentPerson) => ReactNode }) {
  const t = useT();
  const people = usePresence(room);
  return (
    <section className="panel presence" aria-labelledby="presence-title">
      <h2 id="presence-title" className="panel-title">
        {t('presence.title')}{' '}
        <span className="count" data-testid="presence-count">
          {people.length}
        </span>
      </h2>
      {people.length === 0 ? (
        <p className="muted">{t('presence.empty')}</p>
      ) : (
        <ul className="stack-list presence-list" data-testid="presence-list">
          {people.map((p) => (
            <li
              key={p.key}
              className={p.isSelf ? 'presence-item is-self' : 'presence-item'}
              data-testid="presence-item"
              data-role={p.role}
              data-self={p.isSelf ? 'true' : undefined}
            >
              <span className="presence-dot" style={{ backgroundColor: p.color }} aria-hidden="true" />
              <span className="presence-text">
                <span className="presence-line">
                  <span className="presence-name" data-testid="presence-name">
                    {p.name}
                  </span>
                  {p.isSelf ? <span className="presence-you">({t('presence.you')})</span> : null}
                </span>
                <span className={`role-label role-${p.role}`}>{t(ROLE_LABEL[p.role])}</span>
              </span>
              {actions && !p.isSelf ? actions(p) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
