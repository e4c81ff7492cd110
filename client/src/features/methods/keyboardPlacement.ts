/**
 * The krachtenveld with the keyboard (issue 12, WCAG 2.1.1): the field is one tab stop;
 * there `[`/`]` (or Page Up/Down) choose the actor, the arrows set its houding (left,
 * right) and invloed (up, down), `+`/`-` its belang (the marker's size), Shift a bigger
 * step; Delete or Backspace put it back in the tray. An actor still in the tray lands in
 * the middle of the field on its first arrow. Each key is one write through the model
 * (`updateActor`), so others see it move as with the mouse.
 */
import type { KeyboardEvent } from 'react';
import type { Actor, ActorPatch } from '../../../../shared/model/board/actorSchema.ts';

/** Steps on the axes' scales (houding −1…1, invloed and belang 0…1). */
export const STEP = { houding: 0.1, invloed: 0.05, betrokkenheid: 0.1 } as const;
/** Shift multiplies a step by this. */
export const BIG = 4;

type KeyLike = Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>;

export type FieldKeyAction = { kind: 'choose'; step: 1 | -1 } | { kind: 'patch'; patch: ActorPatch } | null;

const round = (v: number) => Math.round(v * 1000) / 1000;
const clamp = (v: number, lo: number, hi: number) => round(Math.min(hi, Math.max(lo, v)));

/** What a key does to the chosen actor (or to the choice); null: not the field's key. */
export function fieldKeyAction(e: KeyLike, actor: Actor | undefined): FieldKeyAction {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (e.key === ']' || e.key === 'PageDown') return { kind: 'choose', step: 1 };
  if (e.key === '[' || e.key === 'PageUp') return { kind: 'choose', step: -1 };
  if (!actor) return null;
  const times = e.shiftKey ? BIG : 1;
  // Still in the tray: the first arrow puts it in the middle, then moves it.
  const houding = actor.houding ?? 0;
  const invloed = actor.invloed ?? 0.5;
  const move = (dx: number, dy: number): FieldKeyAction => ({
    kind: 'patch',
    patch: {
      houding: clamp(houding + dx * STEP.houding * times, -1, 1),
      invloed: clamp(invloed + dy * STEP.invloed * times, 0, 1),
    },
  });
  const size = (d: number): FieldKeyAction => ({
    kind: 'patch',
    patch: { betrokkenheid: clamp(actor.betrokkenheid + d * STEP.betrokkenheid * times, 0, 1) },
  });
  switch (e.key) {
    case 'ArrowLeft':
      return move(-1, 0);
    case 'ArrowRight':
      return move(1, 0);
    case 'ArrowUp':
      return move(0, 1);
    case 'ArrowDown':
      return move(0, -1);
    case '+':
    case '=':
      return size(1);
    case '-':
    case '_':
      return size(-1);
    case 'Delete':
    case 'Backspace':
      return actor.houding === null ? null : { kind: 'patch', patch: { houding: null, invloed: null } };
    default:
      return null;
  }
}

/** The actor `step` places after `current` in the list (wrapping round); the first when none is chosen. */
export function nextActor(actors: readonly Actor[], current: string | null, step: 1 | -1): string | null {
  if (!actors.length) return null;
  const i = actors.findIndex((a) => a.id === current);
  if (i < 0) return (step === 1 ? actors[0] : actors[actors.length - 1])?.id ?? null;
  return actors[(i + step + actors.length) % actors.length]?.id ?? null;
}

/** One step round the network's ring (radians); Shift takes BIG of them. */
export const ANGLE_STEP = Math.PI / 18;

/**
 * The network view's keys (issue 12): `[`/`]` choose, ←/→ move the actor round its ring,
 * ↑ one ring in (closer to the goal), ↓ one ring out; past the outermost value the
 * actor is "not decided" (null). `values` are the rings from the inside out, `angle` the
 * actor's angle as drawn now.
 */
export function networkKeyAction(
  e: KeyLike,
  actor: Actor | undefined,
  ring: { field: 'relation' | 'participation'; values: readonly string[]; angle: number },
): FieldKeyAction {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (e.key === ']' || e.key === 'PageDown') return { kind: 'choose', step: 1 };
  if (e.key === '[' || e.key === 'PageUp') return { kind: 'choose', step: -1 };
  if (!actor) return null;
  const times = e.shiftKey ? BIG : 1;
  const current = actor[ring.field];
  const band = current === null ? ring.values.length : Math.max(0, ring.values.indexOf(current));
  const toBand = (b: number): FieldKeyAction => {
    const next = Math.min(ring.values.length, Math.max(0, b));
    if (next === band) return null;
    return { kind: 'patch', patch: { [ring.field]: next === ring.values.length ? null : ring.values[next] } };
  };
  const turn = (d: number): FieldKeyAction => {
    const full = 2 * Math.PI;
    const angle = (((ring.angle + d * ANGLE_STEP * times) % full) + full) % full;
    return { kind: 'patch', patch: { netHoek: Math.round(angle * 1000) / 1000 } };
  };
  switch (e.key) {
    case 'ArrowLeft':
      return turn(-1);
    case 'ArrowRight':
      return turn(1);
    case 'ArrowUp':
      return toBand(band - 1);
    case 'ArrowDown':
      return toBand(band + 1);
    default:
      return null;
  }
}
