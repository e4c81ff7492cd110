/**
 * The live controls of the meeting, kept in the session doc (written by the
 * facilitator): the timer, "bring everyone here", presenter mode, spotlight, private
 * mode, and the names the facilitator merged for the plenary comparison.
 *
 * Layout in the session doc:
 *   live: Y.Map {
 *     timer:     TimerState
 *     summon:    { boardId, at }          (a new `at` moves every participant)
 *     presenter: { on, participantId, boardId }
 *     spotlight: { boardId } | null       (one group's board shown to all)
 *     privateMode: { on, revealedAt }     (others' notes hidden until revealed)
 *     merges:    Record<alias, canonical> (normalized actor names)
 *   }
 *
 * Times are the facilitator's clock (ms since epoch). Clients correct for their own
 * clock with the server's time (see the client's serverClock).
 */
import { z } from 'zod';
import { BOARD_ID_RE } from '../../protocol.ts';
import { Origin, type Doc } from '../doc.ts';

const liveOf = (doc: Doc) => doc.getMap<unknown>('live');
const MAX_TIMER_MS = 6 * 3600 * 1000;

export const TimerState = z.discriminatedUnion('status', [
  z.object({ status: z.literal('idle') }),
  z.object({
    status: z.literal('running'),
    durationMs: z.number().int().min(0).max(MAX_TIMER_MS),
    endsAt: z.number(),
  }),
  z.object({
    status: z.literal('paused'),
    durationMs: z.number().int().min(0).max(MAX_TIMER_MS),
    remainingMs: z.number().int().min(0).max(MAX_TIMER_MS),
  }),
]);
export type TimerState = z.infer<typeof TimerState>;

export const Summon = z.object({ boardId: z.string().regex(BOARD_ID_RE), at: z.number() });
export type Summon = z.infer<typeof Summon>;

export const Presenter = z.object({
  on: z.boolean(),
  participantId: z.string().max(64),
  boardId: z.string().regex(BOARD_ID_RE),
});
export type Presenter = z.infer<typeof Presenter>;

export const Spotlight = z.object({ boardId: z.string().regex(BOARD_ID_RE), at: z.number().catch(0) });
export type Spotlight = z.infer<typeof Spotlight>;

export const PrivateMode = z.object({ on: z.boolean(), revealedAt: z.number().catch(0) });
export type PrivateMode = z.infer<typeof PrivateMode>;

const MAX_MERGES = 500;
export const Merges = z.record(z.string().max(200), z.string().max(200));

export interface LiveSnapshot {
  timer: TimerState;
  summon: Summon | null;
  presenter: Presenter | null;
  spotlight: Spotlight | null;
  privateMode: PrivateMode;
  merges: Record<string, string>;
}

function parsed<T>(schema: z.ZodType<T>, value: unknown): T | null {
  const r = schema.safeParse(value);
  return r.success ? r.data : null;
}

export function readLive(doc: Doc): LiveSnapshot {
  const live = liveOf(doc);
  const merges = parsed(Merges, live.get('merges')) ?? {};
  return {
    timer: parsed(TimerState, live.get('timer')) ?? { status: 'idle' },
    summon: parsed(Summon, live.get('summon')),
    presenter: parsed(Presenter, live.get('presenter')),
    spotlight: parsed(Spotlight, live.get('spotlight')),
    privateMode: parsed(PrivateMode, live.get('privateMode')) ?? { on: false, revealedAt: 0 },
    merges: Object.fromEntries(Object.entries(merges).slice(0, MAX_MERGES)),
  };
}

function setLive(doc: Doc, key: string, value: unknown, origin: unknown): void {
  doc.transact(() => {
    if (value === null) liveOf(doc).delete(key);
    else liveOf(doc).set(key, value);
  }, origin);
}

// ---- timer -----------------------------------------------------------------------

/** Milliseconds left at `now` (0 when done or idle). */
export function timerRemaining(timer: TimerState, now: number): number {
  if (timer.status === 'idle') return 0;
  if (timer.status === 'paused') return timer.remainingMs;
  return Math.max(0, timer.endsAt - now);
}

export function startTimer(doc: Doc, durationMs: number, now = Date.now(), origin: unknown = Origin.local): void {
  const d = Math.round(Math.min(MAX_TIMER_MS, Math.max(0, durationMs)));
  setLive(doc, 'timer', { status: 'running', durationMs: d, endsAt: now + d }, origin);
}

export function pauseTimer(doc: Doc, now = Date.now(), origin: unknown = Origin.local): void {
  const timer = readLive(doc).timer;
  if (timer.status !== 'running') return;
  const remainingMs = Math.round(Math.max(0, timer.endsAt - now));
  setLive(doc, 'timer', { status: 'paused', durationMs: timer.durationMs, remainingMs }, origin);
}

export function resumeTimer(doc: Doc, now = Date.now(), origin: unknown = Origin.local): void {
  const timer = readLive(doc).timer;
  if (timer.status !== 'paused') return;
  setLive(doc, 'timer', { status: 'running', durationMs: timer.durationMs, endsAt: now + timer.remainingMs }, origin);
}

/** Adds time (a minute, say) to a running or paused timer; a finished one starts again. */
export function addTimerTime(doc: Doc, ms: number, now = Date.now(), origin: unknown = Origin.local): void {
  const timer = readLive(doc).timer;
  if (timer.status === 'idle') return startTimer(doc, ms, now, origin);
  const durationMs = Math.min(MAX_TIMER_MS, timer.durationMs + ms);
  if (timer.status === 'paused') {
    const remainingMs = Math.min(MAX_TIMER_MS, timer.remainingMs + ms);
    setLive(doc, 'timer', { status: 'paused', durationMs, remainingMs }, origin);
  } else {
    const endsAt = Math.max(timer.endsAt, now) + ms;
    setLive(doc, 'timer', { status: 'running', durationMs, endsAt }, origin);
  }
}

export function resetTimer(doc: Doc, origin: unknown = Origin.local): void {
  setLive(doc, 'timer', { status: 'idle' }, origin);
}

/** Puts a timer back as it was (a phase switch stopped it and the facilitator keeps it running). */
export function restoreTimer(doc: Doc, timer: TimerState, origin: unknown = Origin.local): void {
  setLive(doc, 'timer', TimerState.parse(timer), origin);
}

// ---- moving people ---------------------------------------------------------------

/** "Bring everyone here": every participant's screen switches to this board. */
export function summonTo(doc: Doc, boardId: string, now = Date.now(), origin: unknown = Origin.local): void {
  setLive(doc, 'summon', Summon.parse({ boardId, at: now }), origin);
}

/** Presenter mode: participants follow this person's viewport on this board (`null` ends it). */
export function setPresenter(
  doc: Doc,
  presenter: { participantId: string; boardId: string } | null,
  origin: unknown = Origin.local,
): void {
  setLive(doc, 'presenter', presenter ? Presenter.parse({ on: true, ...presenter }) : null, origin);
}

/** Spotlight: one group's board shown to everyone (`null` ends it). */
export function setSpotlight(doc: Doc, boardId: string | null, now = Date.now(), origin: unknown = Origin.local): void {
  setLive(doc, 'spotlight', boardId ? Spotlight.parse({ boardId, at: now }) : null, origin);
}

/** Private mode: while on, participants see only their own notes and answers. */
export function setPrivateMode(doc: Doc, on: boolean, now = Date.now(), origin: unknown = Origin.local): void {
  const current = readLive(doc).privateMode;
  if (current.on === on) return;
  setLive(doc, 'privateMode', { on, revealedAt: on ? current.revealedAt : now }, origin);
}

// ---- plenary comparison ------------------------------------------------------------

/** The key actors are matched on across groups: case, accents, spaces and punctuation ignored. */
export function actorKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The facilitator merges a near-duplicate name into another (`null` undoes the merge). */
export function setMerge(doc: Doc, alias: string, canonical: string | null, origin: unknown = Origin.local): void {
  const a = actorKey(alias);
  if (!a) return;
  const merges = { ...readLive(doc).merges };
  if (canonical === null || actorKey(canonical) === a) delete merges[a];
  else merges[a] = actorKey(canonical);
  setLive(doc, 'merges', merges, origin);
}

/** The merged key of a name (follows chains, stops at cycles). */
export function mergedKey(merges: Readonly<Record<string, string>>, name: string): string {
  let key = actorKey(name);
  const seen = new Set<string>();
  while (merges[key] && !seen.has(key)) {
    seen.add(key);
    key = merges[key]!;
  }
  return key;
}
