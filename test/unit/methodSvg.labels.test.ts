/**
 * Actors' names on the drawings (issue 15): with Dutch hyphenation passed in (as the
 * verslag does), a name too long for one label line goes on to a second, a long word
 * broken with a hyphen at a Dutch break point, instead of being cut with "…"; without
 * it (the app's export) the name is cut as before.
 */
import { describe, expect, it } from 'vitest';
import { renderBoardSvg } from '../../shared/drawing/boardSvg.ts';
import { labelLines } from '../../shared/drawing/methods/kit.ts';
import { measureText, wrapText } from '../../shared/drawing/textLayout.ts';
import { methodSvg, type DrawnMethodView } from '../../shared/drawing/methods/index.ts';
import { hyphenPoints } from '../../shared/hyphenation.ts';
import { addActor, addForce, readMethods, updateSettings } from '../../shared/model/board/actors.ts';
import { createDoc } from '../../shared/model/doc.ts';
import type { NoteItem } from '../../shared/model/board/schema.ts';
import { xmlProblems } from '../helpers/xmlCheck.ts';

const LONG = 'Jeugdgezondheidszorgorganisatie Zorgverzekeraarsondersteuningsprogramma';

/** The texts of an SVG's <text> elements. */
const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);

function longNames() {
  const doc = createDoc();
  addActor(doc, {
    id: 'a',
    name: LONG,
    houding: 0.6,
    invloed: 0.7,
    betrokkenheid: 0.5,
    inhoud: 0.8,
    vertrouwen: 0.8,
    participation: 'meedenken',
  });
  addActor(doc, { id: 'b', name: 'Huisartsen', houding: -0.6, invloed: 0.2, inhoud: 0.2, vertrouwen: 0.3 });
  updateSettings(doc, { goal: 'Samen gezond' });
  return readMethods(doc);
}

describe('name labels on the drawings', () => {
  it('break a long word with a hyphen at a Dutch point, on two lines', () => {
    const font = { size: 13 };
    const lines = labelLines(LONG, 190, font, hyphenPoints);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Jeugd\p{L}*-$/u);
    // The head is a start of the word at one of its break points.
    const head = lines[0]!.slice(0, -1);
    expect(hyphenPoints('Jeugdgezondheidszorgorganisatie')).toContain(head.length);
    expect(lines[1]!.startsWith('Jeugdgezondheidszorgorganisatie'.slice(head.length))).toBe(true);
    // Words that fit whole are not broken; a short name stays on one line.
    expect(labelLines('Gemeente Noord Zorgverzekeraar', 150, font, hyphenPoints)).toEqual([
      'Gemeente Noord',
      'Zorgverzekeraar',
    ]);
    expect(labelLines('Huisartsen', 150, font, hyphenPoints)).toEqual(['Huisartsen']);
    // Without hyphenation: one line, cut with an ellipsis (as the app).
    const cut = labelLines(LONG, 190, font);
    expect(cut).toHaveLength(1);
    expect(cut[0]).toMatch(/…$/);
  });

  it.each<DrawnMethodView>(['krachtenveld', 'netwerk', 'typologie'])(
    '%s: with hyphenation the long name is on two lines, its first ending in a hyphen',
    (view) => {
      const snap = longNames();
      const withH = methodSvg(view, snap, { hyphenate: hyphenPoints }).svg;
      expect(xmlProblems(withH)).toEqual([]);
      const t = texts(withH);
      const i = t.findIndex((s) => s.startsWith('Jeugd') && s.endsWith('-'));
      expect(i, t.join(' | ')).toBeGreaterThanOrEqual(0);
      expect('Jeugdgezondheidszorgorganisatie'.startsWith(t[i]!.slice(0, -1))).toBe(true);
      expect(t[i + 1]).toMatch(/^\p{Ll}/u);
      // No word of the name cut without a hyphen or an ellipsis.
      for (const s of t.filter((x) => x.startsWith('Jeugd')))
        expect(s).toMatch(/(-|…|Jeugdgezondheidszorgorganisatie)$/);
      expect(t).toContain('Huisartsen');
      // Without it: the name cut with "…" on one line, as before.
      const without = texts(methodSvg(view, snap).svg);
      expect(without.some((s) => s.startsWith('Jeugd') && s.endsWith('…'))).toBe(true);
      expect(without.some((s) => s.startsWith('Jeugd') && s.endsWith('-'))).toBe(false);
    },
  );

  it('paragraphs in the drawings (forces, the goal) break an over-long word with a hyphen at a Dutch point', () => {
    const font = { size: 14 };
    const word = 'Zorgverzekeraarsondersteuningsprogramma';
    const { lines } = wrapText(`Het ${word} loopt`, 120, font, Infinity, hyphenPoints);
    for (const l of lines) expect(measureText(l, font)).toBeLessThanOrEqual(120);
    const broken = lines.filter((l) => l.endsWith('-'));
    expect(broken.length).toBeGreaterThan(0);
    // The pieces put back together are the word; every cut is at one of its break points.
    const pieces = lines.slice(lines.findIndex((l) => l.startsWith('Zorg')));
    let at = 0;
    for (const piece of pieces.slice(0, -1).filter((l) => l.endsWith('-'))) {
      at += piece.length - 1;
      expect(hyphenPoints(word)).toContain(at);
    }
    expect(lines.join('').replace(/-/g, '')).toContain(word);
    // Without hyphenation (the app's notes): cut between letters, as before.
    expect(wrapText(word, 120, font).lines.some((l) => l.endsWith('-'))).toBe(false);

    const doc = createDoc();
    addForce(doc, { side: 'bevorderend', text: `${word}${word}`, strength: 4 });
    updateSettings(doc, { goal: `Gezondheidsachterstandenverminderingsprogramma${word}` });
    const t = texts(methodSvg('krachten', readMethods(doc), { hyphenate: hyphenPoints }).svg);
    const long = t.filter((x) => /^\p{L}{12,}-?$/u.test(x));
    expect(long.filter((x) => x.endsWith('-')).length).toBeGreaterThan(2);
    // Each line of the long words but the last of each ends in a hyphen.
    for (const x of long) if (!x.endsWith('-')) expect(x === long.at(-1) || /ma$/.test(x), x).toBe(true);
  });

  it("the canvas' notes in the verslag break a word too long for the note with a hyphen", () => {
    const word = 'Zorgverzekeraarsondersteuningsprogramma';
    const note: NoteItem = {
      id: 'n1',
      kind: 'note',
      view: 'canvas',
      z: 1,
      author: 'Anna',
      x: 0,
      y: 0,
      w: 120,
      h: 120,
      text: `${word} ${word}`,
      color: '#fff3a3',
    };
    const withH = texts(renderBoardSvg([note], { hyphenate: hyphenPoints }).svg).filter((t) => t !== 'Anna');
    expect(
      withH.some((t) => t.endsWith('-')),
      withH.join(' | '),
    ).toBe(true);
    let at = 0;
    for (const t of withH.slice(
      0,
      withH.findIndex((x) => !x.endsWith('-')),
    )) {
      at += t.length - 1;
      expect(hyphenPoints(word)).toContain(at);
    }
    // The app's export (no hyphenation): as before, cut between letters.
    const without = texts(renderBoardSvg([note]).svg).filter((t) => t !== 'Anna');
    expect(without.some((t) => t.endsWith('-'))).toBe(false);
  });
});
