/**
 * SVG drawings of the method views, made from a board's method data: for the report
 * (verslag) on the server (DOCX, PDF, HTML, Markdown) and the app's export. They look
 * like the views in the app: the same layout functions (`shared/methods/geometry.ts`,
 * `networkLayout.ts`), colours (`palette.ts`) and words (`labels.ts`).
 *
 * Pure: no DOM, no clock, no randomness; the same data always gives the same bytes.
 * Everything participants typed is escaped (`xml.ts`) and cut to fit (`textLayout.ts`).
 */
import { assertNever } from '../../roles.ts';
import { cleanMethods, type MethodsInput } from './input.ts';
import { forcesSvg } from './forcesSvg.ts';
import { krachtenveldSvg } from './krachtenveldSvg.ts';
import type { MethodSvgOptions } from './kit.ts';
import { networkSvg } from './networkSvg.ts';
import { typologySvg } from './typologySvg.ts';

export type { HyphenateWord, MethodSvgOptions } from './kit.ts';
export type { MethodsInput } from './input.ts';

/** The views that have a drawing (the 3 B's are text: the report writes them out). */
export const DRAWN_METHOD_VIEWS = ['krachtenveld', 'krachten', 'netwerk', 'typologie'] as const;
export type DrawnMethodView = (typeof DRAWN_METHOD_VIEWS)[number];

export const isDrawnMethodView = (v: string): v is DrawnMethodView =>
  (DRAWN_METHOD_VIEWS as readonly string[]).includes(v);

export interface MethodSvg {
  svg: string;
  width: number;
  height: number;
}

/** One method view of a board as a standalone SVG document sized to its content. */
export function methodSvg(view: DrawnMethodView, snapshot: MethodsInput, opts: MethodSvgOptions = {}): MethodSvg {
  const data = cleanMethods(snapshot);
  const o: MethodSvgOptions = {
    title: opts.title,
    lang: opts.lang === 'en' ? 'en' : 'nl',
    hyphenate: opts.hyphenate,
    from: opts.from,
  };
  switch (view) {
    case 'krachtenveld':
      return krachtenveldSvg(data, o);
    case 'krachten':
      return forcesSvg(data, o);
    case 'netwerk':
      return networkSvg(data, o);
    case 'typologie':
      return typologySvg(data, o);
    default:
      return assertNever(view);
  }
}
