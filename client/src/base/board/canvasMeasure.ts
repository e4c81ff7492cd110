/**
 * The canvas' own text measuring, as a `Measure` for the one text layout
 * (`shared/drawing/textLayout.ts`, issue 16): the board's notes and text items and the
 * method views' labels are measured in the font they are drawn in.
 *
 * Speed (issue 3, 5,000 items under 1 s): each string is measured once, at one reference
 * size, and cached; a size is then a multiplication. Konva's own Text node would measure
 * again per node, which is why shapes draw text themselves (draw.ts).
 */
import type { Measure } from '../../../../shared/drawing/textLayout.ts';

const CACHE_LIMIT = 50_000;
/** The reference size strings are measured at. */
const REF = 100;

/** A `Measure` backed by a canvas 2D context in `family`, cached per string (and weight). */
export function createCanvasMeasure(family: string): Measure {
  const ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  const cache = new Map<string, number>();
  let bold: boolean | null = null;
  return (text, font) => {
    const key = font.bold ? `b|${text}` : text;
    let em = cache.get(key);
    if (em === undefined) {
      if (ctx && bold !== Boolean(font.bold)) {
        // Set only on a change of weight: parsing a font string on every call would cost more than the measuring.
        bold = Boolean(font.bold);
        ctx.font = `${bold ? '600 ' : ''}${REF}px ${family}`;
      }
      // Without a 2D context (never in a browser): an estimate.
      em = ctx ? ctx.measureText(text).width / REF : text.length * 0.55;
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(key, em);
    }
    return em * font.size;
  };
}
