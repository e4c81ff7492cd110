/**
 * One text layout for the canvas and the drawings (issue 16): a note or text item laid
 * out for the canvas (client `base/board/itemStyle.ts`, as the board and its editor use
 * it) and drawn by the SVG export (`shared/drawing/boardSvg.ts`) with the same measure
 * has the same lines, font size and place. With another measure the drawing differs,
 * so the comparison can fail.
 */
import { describe, expect, it } from 'vitest';
import { noteLayout, noteTextBox, textItemLayout } from '../../client/src/base/board/itemStyle.ts';
import { renderBoardSvg } from '../../shared/drawing/boardSvg.ts';
import { NOTE_STYLE } from '../../shared/drawing/itemStyle.ts';
import type { Measure } from '../../shared/drawing/textLayout.ts';
import type { NoteItem, TextItem } from '../../shared/model/board/schema.ts';

/** A measure unlike the width table: narrow i, l, t; wide m, w; everything else 0.45 em. */
const uneven: Measure = (text, font) => {
  let em = 0;
  for (const ch of text) em += /[ilt .,]/.test(ch) ? 0.2 : /[mwMW]/.test(ch) ? 1 : 0.45;
  return em * font.size;
};

const note: NoteItem = {
  id: 'n1',
  kind: 'note',
  view: 'canvas',
  z: 1,
  author: 'Anna',
  x: 0,
  y: 0,
  w: 200,
  h: 160,
  color: '#fff3a3',
  text: 'Samenwerking met de wijkverpleging en het sociaal wijkteam\nmeer gezamenlijke huisbezoeken\n',
};

const textItem: TextItem = {
  id: 't1',
  kind: 'text',
  view: 'canvas',
  z: 2,
  author: '',
  x: 0,
  y: 300,
  w: 230,
  h: 100,
  fontSize: 20,
  color: '#1f2933',
  text: 'Gemeente, GGD en huisartsen maken samen een wijkgezondheidsprofiel voor de hele wijk',
};

interface DrawnLine {
  text: string;
  y: number;
  size: number;
}

/** The text lines the SVG draws inside one item's group, with their baseline and size. */
function drawnLines(svg: string, id: string): DrawnLine[] {
  const group = new RegExp(`<g data-id="${id}"[^>]*>(.*?)</g>`).exec(svg)?.[1] ?? '';
  return [...group.matchAll(/<text x="[^"]*" y="([^"]*)" font-size="([^"]*)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({
    text: m[3]!,
    y: Number(m[1]),
    size: Number(m[2]),
  }));
}

describe('one text layout for the canvas and the drawings', () => {
  it('draws a note with the lines, size and place the canvas lays out with the same measure', () => {
    const layout = noteLayout(note, note.text, uneven);
    expect(layout.lines.length).toBeGreaterThan(2);
    const drawn = drawnLines(renderBoardSvg([note], { measure: uneven, padding: 0 }).svg, 'n1').filter(
      (l) => l.size === layout.fontSize && l.text !== note.author,
    );
    expect(drawn.map((l) => l.text)).toEqual(layout.lines.filter((l) => l !== ''));
    // The block is centred in the text box as on the canvas (a trailing line break counts on both).
    const box = noteTextBox(note);
    const top = box.y + Math.max(0, (box.h - layout.height) / 2);
    expect(drawn[0]!.y).toBeCloseTo(top + layout.lineHeight / 2 + layout.fontSize * 0.35, 1);
    expect(layout.lineHeight).toBeCloseTo(layout.fontSize * NOTE_STYLE.lineHeight);
  });

  it('draws a text item with the lines the canvas lays out with the same measure', () => {
    const layout = textItemLayout(textItem, textItem.text, uneven);
    expect(layout.lines.length).toBeGreaterThan(2);
    const drawn = drawnLines(renderBoardSvg([textItem], { measure: uneven }).svg, 't1');
    expect(drawn.map((l) => l.text)).toEqual(layout.lines);
    expect(new Set(drawn.map((l) => l.size))).toEqual(new Set([textItem.fontSize]));
  });

  it('tells a different measure apart: a wider one wraps the same texts otherwise', () => {
    const wider: Measure = (text, font) => uneven(text, font) * 1.25;
    const canvasNote = noteLayout(note, note.text, uneven);
    const widerNote = drawnLines(renderBoardSvg([note], { measure: wider }).svg, 'n1').filter(
      (l) => l.text !== note.author,
    );
    expect({ size: widerNote[0]?.size, lines: widerNote.map((l) => l.text) }).not.toEqual({
      size: canvasNote.fontSize,
      lines: canvasNote.lines.filter((l) => l !== ''),
    });
    const canvasText = textItemLayout(textItem, textItem.text, uneven);
    const widerText = drawnLines(renderBoardSvg([textItem], { measure: wider }).svg, 't1').map((l) => l.text);
    expect(widerText).not.toEqual(canvasText.lines);
  });
});
