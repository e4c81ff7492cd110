/**
 * Smooth motion of remote cursors: positions arrive about 20 times a second; each
 * frame the drawn cursor moves part of the way to the latest one (exponential
 * smoothing, time-based so a slow frame catches up instead of lagging).
 */
import type { Point } from './presenceState.ts';

/** Time constant: after this long a cursor has covered ~63% of the way to its target. */
const TAU_MS = 45;
/** Closer than this (world units) counts as arrived. */
const SNAP = 0.25;

/** The next drawn position after `dtMs`; `jump` is a distance beyond which the cursor teleports. */
export function stepToward(current: Point, target: Point, dtMs: number, jump = Infinity): Point {
  const dx = target.x - current.x;
  const dy = target.y - current.y;
  const dist = Math.hypot(dx, dy);
  if (dist < SNAP || dist > jump) return target;
  if (!(dtMs > 0)) return current;
  const k = 1 - Math.exp(-Math.min(dtMs, 250) / TAU_MS);
  return { x: current.x + dx * k, y: current.y + dy * k };
}
