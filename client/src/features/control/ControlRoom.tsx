/**
 * The facilitator's control room (issue 5): one card per group board and the plenary
 * board, each with a live picture of the board (redrawn at most once a second), who is
 * on it now, which members are elsewhere, and how far the group is (actors placed,
 * questions answered, last change). From a card: open the board, lock it, or put it in
 * the spotlight for everyone. Loaded only when opened.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { GroupRecord } from '../../../../shared/model/meeting/groups.ts';
import { setSpotlight } from '../../../../shared/model/meeting/live.ts';
import { currentPhase, type ProgramSnapshot, type Question } from '../../../../shared/model/meeting/program.ts';
import { setBoardLocked } from '../../../../shared/model/sessionDoc.ts';
import { PLENARY_BOARD_ID } from '../../../../shared/protocol.ts';
import { personColor } from '../../base/colors.ts';
import { useKnownParticipants } from '../groups/index.ts';
import {
  useBoardSelection,
  useGroups,
  useIdentity,
  useMeeting,
  usePresent,
  useProgram,
  useScreen,
  useSessionSnapshot,
} from '../meeting/index.ts';
import { serverNow } from '../meeting/index.ts';
import { BoardCard, type CardPerson } from './BoardCard.tsx';
import { controlTexts } from './i18n.ts';
import { useT } from '../../base/i18n/useT.ts';
import type { ThumbKind } from './useBoardWatch.ts';
import './ControlRoom.css';
import './control.css';

const NO_QUESTIONS: readonly Question[] = [];

/** The questions a board's answers count against: the current phase's if it happens there, else its kind's phase. */
export function questionsFor(program: ProgramSnapshot, where: 'groups' | 'plenary'): readonly Question[] {
  const current = currentPhase(program);
  if (current && current.where === where && current.questions.length) return current.questions;
  const kind = where === 'groups' ? 'groups' : 'plenary';
  return program.phases.find((p) => p.kind === kind && p.questions.length)?.questions ?? NO_QUESTIONS;
}

/** A clock for "2 min geleden" that ticks every `ms`. */
function useNow(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}

export function ControlRoom() {
  const { sessionId, identity, info, sessionDoc } = useIdentity();
  const { boardId: viewing, selectBoard } = useBoardSelection();
  const { setScreen } = useScreen();
  const present = usePresent();
  const program = useProgram();
  const session = useSessionSnapshot();
  const spotlightOn = useMeeting((s) => s.live.spotlight);
  const t = useT(controlTexts);
  const now = useNow(15_000);
  const people = useKnownParticipants(present, info);
  const phase = currentPhase(program);
  const [picked, setPicked] = useState<ThumbKind | null>(null);
  const thumbKind: ThumbKind = picked ?? (phase?.view === 'canvas' ? 'canvas' : 'field');
  const { groups, members } = useGroups();
  const doc = sessionDoc;

  const onOpen = useCallback(
    (boardId: string) => {
      selectBoard(boardId);
      setScreen('board');
    },
    [selectBoard, setScreen],
  );
  const onLock = useCallback((boardId: string, locked: boolean) => setBoardLocked(doc, boardId, locked), [doc]);
  const onSpotlight = useCallback(
    (boardId: string, on: boolean) => setSpotlight(doc, on ? boardId : null, serverNow()),
    [doc],
  );

  const boardTitle = useMemo(() => new Map(session.boards.map((b) => [b.id, t.name(b.title)])), [session.boards]);
  const lockedBoards = useMemo(
    () => new Set(session.boards.filter((b) => b.locked).map((b) => b.id)),
    [session.boards],
  );
  const hereOn = (boardId: string): CardPerson[] =>
    present
      .filter((p) => !p.isSelf && p.where?.boardId === boardId)
      .map((p) => ({ key: p.key, name: p.name, color: p.color }));
  const elsewhereOf = (g: GroupRecord): CardPerson[] =>
    people
      .filter((p) => members[p.id] === g.id && p.boardId !== g.boardId)
      .map((p) => ({
        key: p.id,
        name: p.name,
        color: p.color,
        where: p.online ? (boardTitle.get(p.boardId ?? '') ?? '?') : null,
      }));

  const assignedOnline = people.filter((p) => p.online && members[p.id]);
  const onOwnBoard = assignedOnline.filter(
    (p) => groups.find((g) => g.id === members[p.id])?.boardId === p.boardId,
  ).length;
  const { participantId, name: myName, role } = identity;
  // As the session page shows us (same colour key).
  const me = useMemo(
    () => ({ id: participantId, name: myName, role, color: personColor(participantId || myName) }),
    [participantId, myName, role],
  );
  const common = {
    me,
    sessionId,
    token: identity.token,
    thumbKind,
    now,
    onOpen,
    onLock,
    onSpotlight,
  };
  const groupQuestions = questionsFor(program, 'groups');
  const plenaryQuestions = questionsFor(program, 'plenary');
  const spotlight = spotlightOn?.boardId ?? null;

  return (
    <div className="control-room" data-testid="control-room">
      <header className="control-head">
        <div>
          <h2 className="control-title">{t('title')}</h2>
          <p className="muted">{t('lead')}</p>
        </div>
        {groups.length && assignedOnline.length ? (
          <p className="control-summary" data-testid="control-summary">
            {t('onBoards', { n: onOwnBoard, m: assignedOnline.length })}
          </p>
        ) : null}
        <div className="control-picker" role="radiogroup" aria-label={t('picture')}>
          <span className="control-label">{t('picture')}</span>
          {(['field', 'canvas'] as const).map((k) => (
            <button
              key={k}
              type="button"
              role="radio"
              aria-checked={thumbKind === k}
              className={thumbKind === k ? 'control-pick is-on' : 'control-pick'}
              onClick={() => setPicked(k)}
              data-testid={`control-picture-${k}`}
            >
              {t(`picture.${k}`)}
            </button>
          ))}
        </div>
      </header>

      {groups.length === 0 ? (
        <div className="control-empty" data-testid="control-empty">
          <h3>{t('emptyTitle')}</h3>
          <p>{t('emptyText')}</p>
        </div>
      ) : null}

      <ul className="control-grid">
        {groups.map((g) => (
          <BoardCard
            key={g.id}
            {...common}
            boardId={g.boardId}
            name={t.name(g.name)}
            isGroup
            questions={groupQuestions}
            here={hereOn(g.boardId)}
            elsewhere={elsewhereOf(g)}
            locked={lockedBoards.has(g.boardId)}
            spotlighted={spotlight === g.boardId}
            isOpenBoard={viewing === g.boardId}
          />
        ))}
        <BoardCard
          {...common}
          boardId={PLENARY_BOARD_ID}
          name={boardTitle.get(PLENARY_BOARD_ID) ?? t('plenary')}
          isGroup={false}
          questions={plenaryQuestions}
          here={hereOn(PLENARY_BOARD_ID)}
          elsewhere={[]}
          locked={lockedBoards.has(PLENARY_BOARD_ID)}
          spotlighted={false}
          isOpenBoard={viewing === PLENARY_BOARD_ID}
        />
      </ul>
    </div>
  );
}
