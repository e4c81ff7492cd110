/**
 * What the facilitator's live controls do on a participant's screen (issue 5):
 *
 * - a phase switch takes you to your group's board (a phase "in de groepen") or the
 *   plenary board, on the phase's view;
 * - "Iedereen hierheen" takes you to that board;
 * - a spotlight shows that group's board until it ends, then you are back where you were;
 * - presenter mode takes you to the presenter's board and follows their view.
 *
 * Only CHANGES move people: what was handled is kept per tab (sessionStorage), so a
 * reload stays put, while someone arriving mid-phase lands where the phase is (or on
 * the board of a summon that came after it). Nothing happens before the session doc
 * came from the server (the offline copy may be old). The facilitator is never moved;
 * while presenting, their board switches take the presenter mode along.
 */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { z } from 'zod';
import { PLENARY_BOARD_ID } from '../../../../shared/protocol.ts';
import { groupOf, type GroupsSnapshot } from '../../../../shared/model/meeting/groups.ts';
import { setPresenter, type LiveSnapshot } from '../../../../shared/model/meeting/live.ts';
import { currentPhase, type Phase, type ProgramSnapshot } from '../../../../shared/model/meeting/program.ts';
import { requestFollow } from '../board/index.ts';
import { isMethodView } from '../../base/views.ts';
import type { BoardView } from '../../base/useBoardView.ts';
import { LiveBanners } from './LiveBanners.tsx';
import {
  useBoardSelection,
  useGroups,
  useIdentity,
  useMeetingDerived,
  useMeetingStore,
  useProgram,
} from './MeetingContext.tsx';
import { meetingTexts, type MeetingKey } from './i18n.ts';
import { useT } from '../../base/i18n/useT.ts';
import { usePhoneLayout } from './usePhoneLayout.ts';
import './barControls.css';
import './MeetingEffects.css';

interface Place {
  boardId: string;
  view: BoardView;
}

const PlaceSchema = z.object({
  boardId: z.string().max(64),
  view: z.string().transform((v): BoardView => (isMethodView(v) ? v : 'canvas')),
});

/** What this tab has already acted on. */
const Handled = z.object({
  phase: z.string().nullable(),
  summonAt: z.number(),
  spotlight: z.string().nullable(),
  /** Where to go back to when the spotlight ends. */
  returnTo: PlaceSchema.nullable(),
  presenter: z.string().nullable(),
});
type Handled = z.infer<typeof Handled>;

const storageKey = (sessionId: string) => `veldwerk:meeting-moves:${sessionId}`;

function loadHandled(sessionId: string): Handled | null {
  try {
    const raw = sessionStorage.getItem(storageKey(sessionId));
    const parsed = raw ? Handled.safeParse(JSON.parse(raw)) : null;
    return parsed?.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function saveHandled(sessionId: string, handled: Handled): void {
  try {
    sessionStorage.setItem(storageKey(sessionId), JSON.stringify(handled));
  } catch {
    // Storage disabled: moves are remembered for this page only.
  }
}

/** Where a phase happens for this participant. */
export function phasePlace(phase: Phase, groups: GroupsSnapshot, participantId: string): Place {
  const group = phase.where === 'groups' ? groupOf(groups, participantId) : null;
  return { boardId: group?.boardId ?? PLENARY_BOARD_ID, view: phase.view };
}

interface Move {
  dest: Place | { boardId: string; view?: undefined } | null;
  notice: { key: MeetingKey; vars: Record<string, string> } | null;
  follow: { userId: string; on: boolean } | null;
  handled: Handled;
}

/**
 * Pure: what to do, given what is on the session doc now and what was handled before
 * (`before` null: this tab arrives in the meeting).
 */
export function planMove(
  before: Handled | null,
  program: ProgramSnapshot,
  groups: GroupsSnapshot,
  live: Pick<LiveSnapshot, 'summon' | 'spotlight' | 'presenter'>,
  participantId: string,
  here: Place,
  justLoaded: boolean,
): Move {
  const h: Handled = before
    ? { ...before }
    : { phase: null, summonAt: 0, spotlight: null, returnTo: null, presenter: null };
  let dest: Move['dest'] = null;
  let notice: Move['notice'] = null;
  let follow: Move['follow'] = null;

  // Phase and summon: the later of the new ones wins (on arrival, the later of both).
  const phase = currentPhase(program);
  const target = phase ? phasePlace(phase, groups, participantId) : null;
  const phaseKey = phase && target ? `${phase.id}@${program.phaseStartedAt}>${target.boardId}` : null;
  const phaseNew = target !== null && phaseKey !== h.phase;
  const summon = live.summon;
  const summonNew = summon !== null && summon.at !== h.summonAt;
  const summonWins = summonNew && (!phaseNew || summon.at > program.phaseStartedAt);
  if (summonWins) {
    // On the phase's own board, the phase's view; elsewhere the view stays.
    dest = target?.boardId === summon.boardId ? target : { boardId: summon.boardId };
    if (before) notice = { key: 'fx.summoned', vars: {} };
  } else if (phaseNew && phase && target) {
    dest = target;
    if (before) notice = { key: 'fx.phaseMoved', vars: { title: phase.title } };
  }
  h.phase = phaseKey;
  if (summon) h.summonAt = summon.at;

  // Spotlight: go and look, come back when it ends. A phase switch meanwhile waits for its end.
  const spot = live.spotlight;
  const spotKey = spot ? `${spot.boardId}@${spot.at}` : null;
  const destPlace = (): Place | null => (dest ? { boardId: dest.boardId, view: dest.view ?? here.view } : null);
  if (spotKey !== h.spotlight) {
    if (spot) {
      h.returnTo = h.returnTo ?? destPlace() ?? here;
      dest = { boardId: spot.boardId };
      notice = null;
    } else if (h.returnTo) {
      dest = dest ?? h.returnTo;
      h.returnTo = null;
    }
    h.spotlight = spotKey;
  } else if (spot && dest && !summonWins) {
    h.returnTo = destPlace();
    dest = null;
    notice = null;
  }

  // Presenter mode: to their board, on the free canvas, following their view.
  const pres = live.presenter?.on ? live.presenter : null;
  const presKey = pres ? `${pres.participantId}@${pres.boardId}` : null;
  if (presKey !== h.presenter) {
    if (pres) {
      dest = { boardId: pres.boardId, view: 'canvas' };
      follow = { userId: pres.participantId, on: true };
      notice = null;
    } else if (h.presenter) {
      follow = { userId: h.presenter.slice(0, h.presenter.lastIndexOf('@')), on: false };
    }
    h.presenter = presKey;
  } else if (pres && justLoaded) {
    follow = { userId: pres.participantId, on: true };
  }
  return { dest, notice, follow, handled: h };
}

export function MeetingEffects() {
  const { sessionId, sessionRoom, sessionDoc, isFacilitator, identity } = useIdentity();
  const { boardId, view, selectBoard, setView } = useBoardSelection();
  const program = useProgram();
  const groups = useGroups();
  // What moves people (not the timer): a timer change does not run the plan again.
  const live = useMeetingDerived((s) => ({
    summon: s.live.summon,
    spotlight: s.live.spotlight,
    presenter: s.live.presenter,
  }));
  const store = useMeetingStore();
  const t = useT(meetingTexts);
  const phone = usePhoneLayout();
  const status = useSyncExternalStore(sessionRoom.subscribe, sessionRoom.getStatus);
  const [ready, setReady] = useState(false);
  if (!ready && status.connection === 'connected') setReady(true);
  const [notice, setNotice] = useState<string | null>(null);

  const here = useRef<Place>({ boardId, view });
  here.current = { boardId, view };
  const handled = useRef<Handled | null | undefined>(undefined);

  useEffect(() => {
    if (!ready || isFacilitator) return;
    const justLoaded = handled.current === undefined;
    if (justLoaded) handled.current = loadHandled(sessionId);
    const before = handled.current ?? null;
    const move = planMove(before, program, groups, live, identity.participantId, here.current, justLoaded);
    handled.current = move.handled;
    saveHandled(sessionId, move.handled);
    const { dest } = move;
    if (dest) {
      const boardChanges = dest.boardId !== here.current.boardId;
      if (boardChanges) selectBoard(dest.boardId);
      if (dest.view && dest.view !== here.current.view) setView(dest.view);
      if (move.notice && boardChanges) {
        const title = store.getState().session.boards.find((b) => b.id === dest.boardId)?.title ?? '';
        const vars = Object.fromEntries(Object.entries(move.notice.vars).map(([k, v]) => [k, t.name(v)]));
        setNotice(t(move.notice.key, { ...vars, board: t.name(title) }));
      }
    }
    if (move.follow) requestFollow(move.follow.userId, move.follow.on);
    // The session snapshot only names the board in the notice; it need not trigger a run.
  }, [ready, isFacilitator, program, groups, live, identity.participantId, sessionId, selectBoard, setView, t, store]);

  // The facilitator presents: switching boards takes presenter mode along.
  useEffect(() => {
    const p = live.presenter;
    if (!isFacilitator || !p?.on || p.participantId !== identity.participantId || p.boardId === boardId) return;
    setPresenter(sessionDoc, { participantId: p.participantId, boardId });
  }, [isFacilitator, live.presenter, identity.participantId, boardId, sessionDoc]);

  useEffect(() => {
    if (notice === null) return;
    const timer = setTimeout(() => setNotice(null), 6000);
    return () => clearTimeout(timer);
  }, [notice]);

  const phoneParticipant = phone && !isFacilitator;
  if (!notice && !phoneParticipant) return null;
  return (
    <div className={phoneParticipant ? 'notices meeting-notices is-phone' : 'notices meeting-notices'}>
      {phoneParticipant ? <LiveBanners floating /> : null}
      {notice ? (
        <div className="notice" role="status" data-testid="meeting-notice">
          <span>{notice}</span>
          <button type="button" className="notice-close" aria-label={t('fx.close')} onClick={() => setNotice(null)}>
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}
