/** One group in the facilitator's panel (name, members, board, rename, remove) and one member's row. */
import { useId, useState, type FormEvent } from 'react';
import {
  assignMember,
  removeGroup,
  renameGroup,
  setGroupMode,
  type GroupRecord,
} from '../../../../shared/model/meeting/groups.ts';
import { renameBoard } from '../../../../shared/model/sessionDoc.ts';
import { wordUndoRef } from '../../ui/wordUndo.ts';
import { useBoardSelection, useGroups, useIdentity, useScreen } from '../meeting/index.ts';
import { groupsTexts } from './i18n.ts';
import { useT } from '../../base/i18n/useT.ts';
import type { KnownParticipant } from './people.ts';
import './groups.css';
import './GroupCard.css';

export function GroupCard({ group, members }: { group: GroupRecord; members: KnownParticipant[] }) {
  const { sessionDoc } = useIdentity();
  const { boardId, selectBoard } = useBoardSelection();
  const { screen, setScreen } = useScreen();
  const t = useT(groupsTexts);
  const [renaming, setRenaming] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const open = screen === 'board' && boardId === group.boardId;

  const openBoard = () => {
    selectBoard(group.boardId);
    setScreen('board');
  };

  return (
    <li
      className={open ? 'group-card is-open' : 'group-card'}
      data-testid="group-card"
      data-group-id={group.id}
      data-name={group.name}
    >
      {renaming ? (
        <RenameForm group={group} onDone={() => setRenaming(false)} />
      ) : (
        <div className="group-head">
          <h3 className="group-name" data-testid="group-name" title={t.name(group.name)}>
            {t.name(group.name)}
          </h3>
          <span className="count" title={t('membersCount', { n: members.length })}>
            {members.length}
          </span>
        </div>
      )}
      {members.length ? (
        <ul className="groups-members">
          {members.map((p) => (
            <MemberRow key={p.id} person={p} groupId={group.id} />
          ))}
        </ul>
      ) : (
        <p className="muted group-empty">{t('empty')}</p>
      )}
      {confirming ? (
        <div className="group-confirm" role="alertdialog" aria-label={t('removeOf', { name: t.name(group.name) })}>
          <p>{t('removeConfirm', { name: t.name(group.name) })}</p>
          <div className="groups-actions">
            <button
              type="button"
              className="button button-small group-danger"
              onClick={() => removeGroup(sessionDoc, group.id)}
              data-testid="group-remove-yes"
            >
              {t('removeYes')}
            </button>
            <button type="button" className="button button-small" onClick={() => setConfirming(false)} autoFocus>
              {t('cancel')}
            </button>
          </div>
        </div>
      ) : renaming ? null : (
        <div className="group-tools">
          <button
            type="button"
            className="group-tool is-primary"
            onClick={openBoard}
            aria-label={t('openBoardOf', { name: t.name(group.name) })}
            aria-current={open ? 'true' : undefined}
            data-testid="group-open-board"
          >
            {t('openBoard')}
          </button>
          <button
            type="button"
            className="group-tool"
            onClick={() => setRenaming(true)}
            aria-label={t('renameOf', { name: t.name(group.name) })}
            data-testid="group-rename"
          >
            {t('rename')}
          </button>
          <button
            type="button"
            className="group-tool is-danger"
            onClick={() => setConfirming(true)}
            aria-label={t('removeOf', { name: t.name(group.name) })}
            data-testid="group-remove"
          >
            {t('remove')}
          </button>
        </div>
      )}
    </li>
  );
}

function RenameForm({ group, onDone }: { group: GroupRecord; onDone: () => void }) {
  const { sessionDoc } = useIdentity();
  const t = useT(groupsTexts);
  const [name, setName] = useState(group.name);
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const clean = name.trim();
    if (clean) {
      renameGroup(sessionDoc, group.id, clean);
      // The board was named after the group: keep the tab and the group alike.
      renameBoard(sessionDoc, group.boardId, clean);
    }
    onDone();
  };
  return (
    <form className="group-rename" onSubmit={submit}>
      <label htmlFor={id} className="visually-hidden">
        {t('renameLabel')}
      </label>
      <input
        ref={wordUndoRef}
        id={id}
        value={name}
        maxLength={80}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onDone();
        }}
        autoFocus
        data-testid="group-rename-input"
      />
      <button type="submit" className="button button-small" disabled={!name.trim()}>
        {t('save')}
      </button>
      <button type="button" className="button button-small" onClick={onDone}>
        {t('cancel')}
      </button>
    </form>
  );
}

/** A participant with the select that moves them to another group (or out of every group). */
export function MemberRow({ person, groupId }: { person: KnownParticipant; groupId: string | null }) {
  const { sessionDoc } = useIdentity();
  const groups = useGroups();
  const t = useT(groupsTexts);
  const id = useId();
  const move = (value: string) => {
    assignMember(sessionDoc, person.id, value || null);
    // A move by hand ends the automatic division (it would put people back otherwise).
    if (groups.mode === 'auto') setGroupMode(sessionDoc, 'hand');
  };
  return (
    <li className="group-member" data-testid="group-member" data-participant-id={person.id} data-name={person.name}>
      <span
        className={person.online ? 'group-dot' : 'group-dot is-away'}
        style={{ borderColor: person.color, backgroundColor: person.online ? person.color : 'transparent' }}
        aria-hidden="true"
      />
      <span className="group-member-name" title={person.name}>
        {person.name}
        {person.online ? null : <span className="visually-hidden"> ({t('away')})</span>}
      </span>
      <label htmlFor={id} className="visually-hidden">
        {t('moveLabel', { name: person.name })}
      </label>
      <select
        id={id}
        className="group-select"
        value={groupId ?? ''}
        onChange={(e) => move(e.target.value)}
        data-testid="group-move"
      >
        <option value="">{t('noGroup')}</option>
        {groups.groups.map((g) => (
          <option key={g.id} value={g.id}>
            {t.name(g.name)}
          </option>
        ))}
      </select>
    </li>
  );
}
