/**
 * The width of a label's text as the canvas will draw it (the charts' font), for the
 * label placement (`shared/drawing/labelPlacement.ts`, issue 12): the canvas measure
 * the board's text layout uses too (`base/board/canvasMeasure.ts`), cached per text.
 */
import { FONT } from '../../../../shared/drawing/itemStyle.ts';
import type { Measure } from '../../../../shared/drawing/textLayout.ts';
import type { MeasureText } from '../../../../shared/methods/geometry.ts';
import { createCanvasMeasure } from '../../base/board/canvasMeasure.ts';

let measure: Measure | null = null;

export const measureCanvasText: MeasureText = (text, size) => {
  measure ??= createCanvasMeasure(FONT);
  return measure(text, { size });
};
