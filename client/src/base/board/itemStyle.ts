/**
 * How items look, in world units, and their text layout: shared by the canvas shapes
 * (features/board/canvas/shapes) and the HTML text editor laid over them. The look and
 * the layout come from shared/drawing/itemStyle.ts, which the SVG export draws with too;
 * here the canvas passes its own measure.
 */
import {
  ARROW_STYLE,
  FONT,
  FRAME_STYLE,
  INK,
  NOTE_STYLE,
  TEXT_STYLE,
  noteLayout as sharedNoteLayout,
  noteTextBox as sharedNoteTextBox,
  textItemLayout as sharedTextItemLayout,
} from '../../../../shared/drawing/itemStyle.ts';
import type { Measure, TextLayout } from '../../../../shared/drawing/textLayout.ts';
import type { NoteItem, TextItem } from '../../../../shared/model/board/schema.ts';
import { createCanvasMeasure } from './canvasMeasure.ts';

export { FONT, INK };

/** Notes: the shared look plus what only the canvas needs (minimum and default sizes). */
export const NOTE = { ...NOTE_STYLE, minW: 80, minH: 60, defaultW: 180, defaultH: 140 } as const;
export const TEXT = { ...TEXT_STYLE, defaultW: 260, defaultFont: 20, minW: 40 } as const;
export const FRAME = { ...FRAME_STYLE, defaultW: 480, defaultH: 320, minW: 80, minH: 60 } as const;
export const ARROW = ARROW_STYLE;

let canvasMeasure: Measure | null = null;
/** The shared text measurer (one canvas, cached per word). */
export function textMeasure(): Measure {
  canvasMeasure ??= createCanvasMeasure(FONT);
  return canvasMeasure;
}

/** The box the text of a note fills (relative to the note), leaving room for the author. */
export const noteTextBox = sharedNoteTextBox;

/** A note's text, shrunk until it fits (rather than growing the note: a board of notes stays tidy); `measure` for tests. */
export function noteLayout(
  note: Pick<NoteItem, 'w' | 'h' | 'author'>,
  text: string,
  measure = textMeasure(),
): TextLayout {
  return sharedNoteLayout(note, text, { measure });
}

/** The grey hint on an empty note: small and quiet, whatever the note's size. */
export function notePlaceholderLayout(note: Pick<NoteItem, 'w' | 'h' | 'author'>, hint: string): TextLayout {
  return sharedNoteLayout(note, hint, { measure: textMeasure(), maxFont: 14 });
}

/** A text item's lines at its own font size, wrapped at its width. */
export function textItemLayout(
  item: Pick<TextItem, 'w' | 'fontSize'>,
  text: string,
  measure = textMeasure(),
): TextLayout {
  return sharedTextItemLayout(item, text, { measure });
}

/** The height a text item needs for its text (at least one line). */
export function textItemHeight(item: Pick<TextItem, 'w' | 'fontSize'>, text: string): number {
  const layout = textItemLayout(item, text || ' ');
  return Math.ceil(Math.max(layout.height, item.fontSize * TEXT.lineHeight) + 2 * TEXT.padding);
}
