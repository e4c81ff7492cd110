/**
 * A participant's group: "Jouw groep: Groep 2" with the way to the group board, or,
 * when the facilitator lets people choose, the groups to pick from (with how many are
 * in each). Nothing before there are groups.
 */
import { useState } from 'react';
import { groupOf } from '../../../../shared/model/meeting/groups.ts';
import { Role } from '../../../../shared/roles.ts';
import { useBoardSelection, useGroups, useIdentity, usePresent } from '../meeting/index.ts';
import { chooseGroup } from '../../base/api/index.ts';
import { groupsTexts } from './i18n.ts';
import { useT } from '../../base/i18n/useT.ts';
import './groups.css';
import './ParticipantGroup.css';

export function ParticipantGroup() {
  const { sessionId, identity } = useIdentity();
  const { boardId, selectBoard } = useBoardSelection();
  const groupsSnapshot = useGroups();
  const present = usePresent();
  const t = useT(groupsTexts);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { groups, members, mode } = groupsSnapshot;
  const me = identity.participantId;
  const mine = groupOf(groupsSnapshot, me);
  if (groups.length === 0) return null;

  const counts = new Map<string, number>();
  for (const gid of Object.values(members)) counts.set(gid, (counts.get(gid) ?? 0) + 1);
  const mates = mine
    ? present.filter((p) => p.role === Role.participant && p.id !== me && members[p.id] === mine.id)
    : [];
  const onBoard = mine !== null && boardId === mine.boardId;

  const pick = async (groupId: string) => {
    setBusy(groupId);
    setError(null);
    try {
      await chooseGroup(sessionId, identity.token, groupId);
    } catch (err) {
      setError(t('chooseError', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="panel groups-panel" aria-labelledby="my-group-title" data-testid="my-group-panel">
      <h2 id="my-group-title" className="panel-title">
        {mode === 'choose' && !mine ? t('chooseTitle') : t('yourGroup')}
      </h2>
      {mine ? (
        <div className="my-group">
          <p className="my-group-name" data-testid="my-group">
            {mine.name}
          </p>
          {mates.length ? (
            <p className="muted">{t('withOthers', { names: mates.map((p) => p.name).join(', ') })}</p>
          ) : null}
          {onBoard ? (
            <p className="my-group-here" data-testid="my-group-here">
              <span aria-hidden="true">✓</span> {t('onBoard')}
            </p>
          ) : (
            <button
              type="button"
              className="button button-primary button-small"
              onClick={() => selectBoard(mine.boardId)}
              data-testid="my-group-board"
            >
              {t('toBoard')}
            </button>
          )}
        </div>
      ) : mode !== 'choose' ? (
        <p className="muted" data-testid="my-group-waiting">
          {t('waiting')}
        </p>
      ) : null}
      {mode === 'choose' ? (
        <>
          {mine ? <h3 className="groups-label">{t('chooseTitle')}</h3> : null}
          <p className="muted">{t('chooseHint')}</p>
          <ul className="groups-choose">
            {groups.map((g) => {
              const chosen = mine?.id === g.id;
              const n = counts.get(g.id) ?? 0;
              return (
                <li key={g.id} className={chosen ? 'groups-choice is-chosen' : 'groups-choice'}>
                  <span className="groups-choice-text">
                    <span className="group-name">{t.name(g.name)}</span>
                    <span className="muted" data-testid="choose-count">
                      {t('members', { n })}
                    </span>
                  </span>
                  <button
                    type="button"
                    className={chosen ? 'button button-small is-chosen' : 'button button-small'}
                    disabled={chosen || busy !== null}
                    aria-pressed={chosen}
                    onClick={() => void pick(g.id)}
                    data-testid="choose-group"
                    data-name={g.name}
                  >
                    {chosen ? t('chosen') : busy === g.id ? '…' : t('choose')}
                  </button>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
