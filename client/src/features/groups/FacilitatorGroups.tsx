/**
 * The facilitator's groups: create N groups at once (each gets a board cloned from the
 * template board), choose how people are put in them (divided automatically, by hand,
 * or they choose), move people, rename or remove a group, open a group's board.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { balanceMembers, MAX_GROUPS, setGroupMode, type GroupMode } from '../../../../shared/model/meeting/groups.ts';
import { TEMPLATE_BOARD_ID } from '../../../../shared/model/templates/meetingTemplates.ts';
import { useGroups, useIdentity, useMeeting, usePresent } from '../meeting/index.ts';
import { createGroups } from '../../base/api/index.ts';
import { GroupCard, MemberRow } from './GroupCard.tsx';
import { groupsTexts } from './i18n.ts';
import { useT } from '../../base/i18n/useT.ts';
import { useKnownParticipants, type KnownParticipant } from './people.ts';
import './FacilitatorGroups.css';
import './groups.css';

const MODES: GroupMode[] = ['auto', 'hand', 'choose'];

export function FacilitatorGroups() {
  const { info, sessionDoc } = useIdentity();
  const present = usePresent();
  const t = useT(groupsTexts);
  const people = useKnownParticipants(present, info);
  const { groups, members, mode } = useGroups();
  const doc = sessionDoc;

  // Divided automatically: whoever comes in later goes to the smallest group.
  useEffect(() => {
    if (mode !== 'auto' || groups.length === 0) return;
    const newcomers = people.filter((p) => p.online && !members[p.id]).map((p) => p.id);
    if (newcomers.length) balanceMembers(doc, newcomers);
  }, [mode, groups.length, people, members, doc]);

  const changeMode = (next: GroupMode) => {
    setGroupMode(doc, next);
    if (next === 'auto')
      balanceMembers(
        doc,
        people.map((p) => p.id),
      );
  };

  const byGroup = new Map<string, KnownParticipant[]>(groups.map((g) => [g.id, []]));
  const unassigned: KnownParticipant[] = [];
  for (const p of people) {
    const list = byGroup.get(members[p.id] ?? '');
    if (list) list.push(p);
    else unassigned.push(p);
  }

  return (
    <section className="panel groups-panel" aria-labelledby="groups-title" data-testid="groups-panel">
      <h2 id="groups-title" className="panel-title">
        {t('title')}
        {groups.length ? <span className="count">{groups.length}</span> : null}
      </h2>
      {groups.length === 0 ? (
        <>
          <p className="groups-text">{t('intro')}</p>
          <CreateGroupsForm existing={0} participants={people.length} />
        </>
      ) : (
        <>
          <fieldset className="groups-modes">
            <legend className="groups-label">{t('modeLabel')}</legend>
            {MODES.map((md) => (
              <label key={md} className={md === mode ? 'groups-mode is-on' : 'groups-mode'}>
                <input
                  type="radio"
                  name="groups-mode"
                  value={md}
                  checked={md === mode}
                  onChange={() => changeMode(md)}
                  data-testid={`groups-mode-${md}`}
                />
                {t(`mode.${md}`)}
              </label>
            ))}
          </fieldset>
          <p className="muted groups-hint">{t(`hint.${mode}`)}</p>
          {mode === 'auto' ? (
            <div className="groups-actions">
              {unassigned.length ? (
                <button
                  type="button"
                  className="button button-small"
                  onClick={() =>
                    balanceMembers(
                      doc,
                      people.map((p) => p.id),
                    )
                  }
                  data-testid="groups-balance"
                >
                  {t('balance')}
                </button>
              ) : null}
              <button
                type="button"
                className="button button-small"
                disabled={people.length === 0}
                title={t('reshuffleHint')}
                onClick={() =>
                  balanceMembers(
                    doc,
                    people.map((p) => p.id),
                    { reshuffle: true },
                  )
                }
                data-testid="groups-reshuffle"
              >
                {t('reshuffle')}
              </button>
            </div>
          ) : null}
          <ul className="groups-list">
            {groups.map((g) => (
              <GroupCard key={g.id} group={g} members={byGroup.get(g.id) ?? []} />
            ))}
          </ul>
          <div className="groups-unassigned" data-testid="groups-unassigned">
            <h3 className="groups-label">
              {t('unassigned')} <span className="count">{unassigned.length}</span>
            </h3>
            {people.length === 0 ? (
              <p className="muted">{t('noParticipants')}</p>
            ) : unassigned.length ? (
              <ul className="groups-members">
                {unassigned.map((p) => (
                  <MemberRow key={p.id} person={p} groupId={null} />
                ))}
              </ul>
            ) : null}
          </div>
          <CreateGroupsForm existing={groups.length} participants={people.length} />
        </>
      )}
    </section>
  );
}

/** The number of groups and the button; first the big "Groepen maken", later "Groepen erbij". */
function CreateGroupsForm({ existing, participants }: { existing: number; participants: number }) {
  const { sessionId, identity } = useIdentity();
  const hasTemplate = useMeeting((s) => s.session.boards.some((b) => b.id === TEMPLATE_BOARD_ID));
  const t = useT(groupsTexts);
  const room = MAX_GROUPS - existing;
  // A suggestion until the facilitator types: about four people per group.
  const suggested = existing ? 1 : Math.min(room, Math.max(2, Math.round(participants / 4)));
  const [typed, setTyped] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const value = typed ?? String(suggested);
  const count = Number(value);
  const valid = Number.isInteger(count) && count >= 1 && count <= room;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!valid || busy) return;
    setBusy(true);
    setError(null);
    try {
      await createGroups(sessionId, identity.token, count);
      setTyped(null);
    } catch (err) {
      setError(t('createError', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  };

  if (room <= 0) return <p className="muted">{t('maxReached', { max: MAX_GROUPS })}</p>;
  const inputId = existing ? 'groups-add-count' : 'groups-count';
  return (
    <form className={existing ? 'groups-create is-more' : 'groups-create'} onSubmit={submit}>
      <label htmlFor={inputId} className="groups-label">
        {existing ? t('addLabel') : t('countLabel')}
      </label>
      <div className="groups-create-row">
        <input
          id={inputId}
          className="groups-number"
          type="number"
          inputMode="numeric"
          min={1}
          max={room}
          value={value}
          onChange={(e) => setTyped(e.target.value)}
          data-testid="groups-count"
        />
        <button
          type="submit"
          className={existing ? 'button button-small' : 'button button-primary button-small'}
          disabled={!valid || busy}
          aria-busy={busy}
          data-testid="groups-create"
        >
          {busy ? t('busy') : existing ? t('add') : t('create')}
        </button>
      </div>
      {existing ? null : <p className="muted">{hasTemplate ? t('cloneNote') : t('cloneNoteEmpty')}</p>}
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
