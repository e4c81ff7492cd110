/**
 * How board items look, in world units: the one source for the canvas (client
 * `board/itemStyle.ts`, `components/board/shapes/draw.ts`) and the SVG drawing, so an
 * export looks like the board.
 */

export const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
export const INK = '#1d2a30';

export const NOTE_STYLE = {
  padding: 14,
  radius: 6,
  minFont: 11,
  maxFont: 24,
  lineHeight: 1.25,
  authorFont: 11,
  authorHeight: 16,
  authorColor: 'rgba(29,42,48,0.55)',
} as const;

export const TEXT_STYLE = { lineHeight: 1.3, padding: 2 } as const;

export const FRAME_STYLE = {
  titleFont: 15,
  /** Height of the title strip above the frame. */
  titleHeight: 24,
  radius: 8,
  fill: 'rgba(255,255,255,0.55)',
  stroke: '#9aa8a4',
  strokeWidth: 1.25,
  titleColor: '#4b5b62',
} as const;

export const ARROW_STYLE = {
  width: 2,
  head: 12,
  /** Half the angle of the arrowhead, in radians. */
  headAngle: 0.45,
  labelFont: 14,
  labelPad: 4,
  labelFill: '#fbfbf9',
} as const;

/** The box a note's text fills (relative to the note), leaving room for the author. */
export function noteTextBox(note: { w: number; h: number; author: string }): {
  x: number;
  y: number;
  w: number;
  h: number;
} {
  const bottom = note.author ? NOTE_STYLE.authorHeight : 0;
  return {
    x: NOTE_STYLE.padding,
    y: NOTE_STYLE.padding,
    w: Math.max(1, note.w - 2 * NOTE_STYLE.padding),
    h: Math.max(1, note.h - 2 * NOTE_STYLE.padding - bottom),
  };
}
