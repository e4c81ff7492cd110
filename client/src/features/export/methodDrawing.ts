/**
 * The picture of a method view for "Exporteren" (PNG/SVG): the same pure drawing the
 * verslag uses (shared/drawing/methods). Loaded when first asked for.
 */
import { isDrawnMethodView, methodSvg } from '../../../../shared/drawing/methods/index.ts';
import { readMethods } from '../../../../shared/model/board/actors.ts';
import type { Doc } from '../../../../shared/model/doc.ts';
import type { Drawing } from './exportBoard.ts';

export function methodDrawing(doc: Doc, view: string, lang: 'nl' | 'en', title: string): Drawing | null {
  if (!isDrawnMethodView(view)) return null;
  return methodSvg(view, readMethods(doc), { lang, title });
}
