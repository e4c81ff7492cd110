/**
 * Actors' names on the drawings (issue 15): with Dutch hyphenation passed in (as the
 * verslag does), a name too long for one label line goes on to a second, a long word
 * broken with a hyphen at a Dutch break point, instead of being cut with "…"; without
 * it (the app's export) the name is cut as before.
 */
import { describe, expect, it } from 'vitest';
import { labelLines } from '../../shared/drawing/methods/kit.ts';
import { methodSvg, type DrawnMethodView } from '../../shared/drawing/methods/index.ts';
import { hyphenPoints } from '../../shared/hyphenation.ts';
import { addActor, readMethods, updateSettings } from '../../shared/model/board/actors.ts';
import { createDoc } from '../../shared/model/doc.ts';
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
});
