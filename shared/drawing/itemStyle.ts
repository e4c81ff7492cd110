/**
 * How board items look, in world units, and how their text is laid out: the one source
 * for the canvas (client `base/board/itemStyle.ts`, `features/board/canvas/shapes/draw.ts`)
 * and the SVG drawing (`itemSvg.ts`), so an export looks like the board. Each passes its
 * own measure (`ItemTextOptions`); with the same measure the lines are the same.
 */
import { fitText, layoutText, type HyphenPoints, type Measure, type TextLayout } from './textLayout.ts';

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

/** How an item's text is measured and broken: the canvas passes its measure; the verslag hyphenates. */
export interface ItemTextOptions {
  /** Default: the width table of `textLayout.ts` (drawings without a DOM). */
  measure?: Measure;
  hyphenate?: HyphenPoints;
}

/**
 * A note's text, shrunk until it fits its box (rather than growing the note: a board of
 * notes stays tidy). A trailing line break counts: the editor shows the caret there.
 */
export function noteLayout(
  note: { w: number; h: number; author: string },
  text: string,
  opts: ItemTextOptions & { maxFont?: number } = {},
): TextLayout {
  return fitText(text, noteTextBox(note), { ...NOTE_STYLE, ...opts, keepTrailingBreaks: true });
}

/** A text item's lines at its own font size, wrapped at its width (`maxLines`: a cap for drawings). */
export function textItemLayout(
  item: { w: number; fontSize: number },
  text: string,
  opts: ItemTextOptions & { maxLines?: number } = {},
): TextLayout {
  return layoutText(
    text,
    Math.max(1, item.w - 2 * TEXT_STYLE.padding),
    { size: item.fontSize },
    {
      ...opts,
      lineHeight: TEXT_STYLE.lineHeight,
      keepTrailingBreaks: true,
    },
  );
}
