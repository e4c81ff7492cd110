/**
 * Following someone's view (issue 3, "follow a person's viewport"): pure maths. My
 * screen shows the centre of theirs, zoomed so that what they see fits on my screen
 * (a phone following a projector sees the whole projected area, smaller).
 */
import type { PresenceViewport } from './presenceState.ts';

/** Pan and zoom as the canvas applies it: screen = world * scale + (x, y). */
export interface StageViewport {
  x: number;
  y: number;
  scale: number;
}

export interface ScreenSize {
  width: number;
  height: number;
}

/** Default zoom limits for a followed view; the canvas may pass its own. */
export const FOLLOW_MIN_SCALE = 0.05;
export const FOLLOW_MAX_SCALE = 8;

/** My viewport that shows what `theirs` shows, centred, on a screen of `mine`. `null` without a size. */
export function followViewport(
  theirs: PresenceViewport,
  mine: ScreenSize,
  clampScale: (scale: number) => number = (s) => Math.min(FOLLOW_MAX_SCALE, Math.max(FOLLOW_MIN_SCALE, s)),
): StageViewport | null {
  if (!(mine.width > 0 && mine.height > 0)) return null;
  const cx = (theirs.width / 2 - theirs.x) / theirs.scale;
  const cy = (theirs.height / 2 - theirs.y) / theirs.scale;
  const fit = Math.min(mine.width / theirs.width, mine.height / theirs.height);
  const scale = clampScale(theirs.scale * fit);
  return { scale, x: mine.width / 2 - cx * scale, y: mine.height / 2 - cy * scale };
}

/** Is `a` the same view as `b` (to a fraction of a pixel)? */
export function sameViewport(a: StageViewport | null, b: StageViewport | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5 && Math.abs(a.scale - b.scale) < 1e-4;
}
