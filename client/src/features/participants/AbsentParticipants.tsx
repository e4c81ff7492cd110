/**
 * "Niet verbonden": participants who joined this meeting but are not connected now,
 * for the facilitator, with the same "Beheren" as the presence list. The list comes
 * from the server and is fetched again when people come and go.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Participant } from '../../../../shared/api.ts';
import { Role } from '../../../../shared/roles.ts';
import { useIdentity, usePresent } from '../meeting/index.ts';
import { knownParticipants } from '../../base/api/index.ts';
import { participantsTexts } from './i18n.ts';
import { useT } from '../../base/i18n/useT.ts';
import { ParticipantActions } from './ParticipantActions.tsx';
import './AbsentParticipants.css';

export function AbsentParticipants() {
  const t = useT(participantsTexts);
  const { sessionId, identity } = useIdentity();
  const present = usePresent();
  const [known, setKnown] = useState<Participant[]>([]);
  const presentIds = present.map((p) => p.id).join(' ');
  const refresh = useCallback(() => {
    knownParticipants(sessionId, identity.token).then(setKnown, () => undefined);
  }, [sessionId, identity.token]);
  // Fetched again (a little later) when someone connects or leaves.
  useEffect(() => {
    const timer = setTimeout(refresh, 300);
    return () => clearTimeout(timer);
  }, [refresh, presentIds]);

  const here = new Set(presentIds.split(' '));
  const absent = known.filter((p) => p.role === Role.participant && !here.has(p.id));
  if (!absent.length) return null;
  return (
    <section className="panel pa-absent" aria-labelledby="pa-absent-title" data-testid="absent-participants">
      <h2 id="pa-absent-title" className="panel-title">
        {t('absentTitle', { n: absent.length })}
      </h2>
      <p className="muted pa-hint">{t('absentHint')}</p>
      <ul className="stack-list presence-list">
        {absent.map((p) => (
          <li key={p.id} className="presence-item is-absent" data-testid="absent-participant" data-name={p.name}>
            <span className="presence-dot pa-dot-absent" aria-hidden="true" />
            <span className="presence-text">
              <span className="presence-name">{p.name}</span>
            </span>
            <ParticipantActions sessionId={sessionId} token={identity.token} participant={p} onChanged={refresh} />
          </li>
        ))}
      </ul>
    </section>
  );
}
