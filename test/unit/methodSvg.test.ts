import { describe, expect, it } from 'vitest';
import { DRAWN_METHOD_VIEWS, methodSvg, type DrawnMethodView } from '../../shared/drawing/methods/index.ts';
import { addActor, addForce, addRelation, readMethods, updateSettings } from '../../shared/model/board/actors.ts';
import type { NewActor } from '../../shared/model/board/actors.ts';
import { createDoc } from '../../shared/model/doc.ts';
import { seedGezondeWijk } from '../../shared/model/templates/gezondeWijk.ts';
import { xmlProblems } from '../helpers/xmlCheck.ts';

const example = () => {
  const doc = createDoc();
  seedGezondeWijk(doc);
  return readMethods(doc);
};

function board(actors: (NewActor & { id: string })[], goal = 'Samen gezond') {
  const doc = createDoc();
  for (const a of actors) addActor(doc, a);
  updateSettings(doc, { goal });
  return doc;
}

/** The drawn centre of an actor's marker (stage coordinates) and the chart's plot area. */
function markerOf(svg: string, id: string) {
  const m = new RegExp(`<g data-actor="${id}"><circle[^>]*/><circle cx="([-\\d.]+)" cy="([-\\d.]+)"`).exec(svg);
  if (!m) throw new Error(`no marker for ${id}`);
  return { x: Number(m[1]), y: Number(m[2]) };
}

function plotOf(svg: string) {
  const m = /data-plot="([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+)"/.exec(svg);
  if (!m) throw new Error('no plot');
  const [x, y, w, h] = m.slice(1).map(Number) as [number, number, number, number];
  return { x, y, w, h, midX: x + w / 2, midY: y + h / 2 };
}

describe('methodSvg', () => {
  it.each(DRAWN_METHOD_VIEWS)('draws the worked example as well-formed SVG: %s', (view) => {
    const snap = example();
    const out = methodSvg(view, snap, { title: 'Groep 1 & 2' });
    expect(xmlProblems(out.svg)).toEqual([]);
    expect(out.svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(out.svg).toContain(`width="${out.width}" height="${out.height}"`);
    expect(out.svg).toContain('font-family="DejaVu Sans, Arial, sans-serif"');
    expect(out.svg).toContain('<title>Groep 1 &amp; 2</title>');
    expect(out.width).toBeGreaterThan(300);
    expect(out.height).toBeGreaterThan(300);
    // Same input, same bytes.
    expect(methodSvg(view, snap, { title: 'Groep 1 & 2' }).svg).toBe(out.svg);
  });

  it('puts actors where the model says: houding right, invloed up, size by betrokkenheid', () => {
    const doc = board([
      { id: 'topright', name: 'Voor en machtig', houding: 1, invloed: 1, betrokkenheid: 1 },
      { id: 'bottomleft', name: 'Tegen en zwak', houding: -1, invloed: 0, betrokkenheid: 0 },
      { id: 'middle', name: 'Midden', houding: 0, invloed: 0.5 },
      { id: 'waiting', name: 'Nog zoekend' },
    ]);
    const { svg } = methodSvg('krachtenveld', readMethods(doc));
    const plot = plotOf(svg);
    const tr = markerOf(svg, 'topright');
    const bl = markerOf(svg, 'bottomleft');
    const mid = markerOf(svg, 'middle');
    expect(tr.x).toBeGreaterThan(plot.midX);
    expect(tr.y).toBeLessThan(plot.midY);
    expect(tr.x).toBeLessThanOrEqual(plot.x + plot.w);
    expect(tr.y).toBeGreaterThanOrEqual(plot.y);
    expect(bl.x).toBeLessThan(plot.midX);
    expect(bl.y).toBeGreaterThan(plot.midY);
    expect(mid.x).toBeCloseTo(plot.midX, 0);
    expect(mid.y).toBeCloseTo(plot.midY, 0);
    const radius = (id: string) =>
      Number(new RegExp(`data-actor="${id}"><circle[^>]*/><circle[^>]* r="([\\d.]+)"`).exec(svg)![1]);
    expect(radius('topright')).toBeGreaterThan(radius('bottomleft'));
    // The unplaced actor is listed below, not drawn.
    expect(svg).not.toContain('data-actor="waiting"');
    expect(svg).toContain('Nog niet geplaatst: Nog zoekend');
    expect(svg).toContain('Samen gezond');
    expect(svg).toContain('Sleutelspelers');
  });

  it('places judged actors in their type zone on the typology chart', () => {
    const doc = board([
      { id: 'ally', name: 'Bondgenoot', inhoud: 1, vertrouwen: 1 },
      { id: 'enemy', name: 'Tegen', inhoud: -1, vertrouwen: 0 },
      { id: 'unjudged', name: 'Onbekend' },
    ]);
    const { svg } = methodSvg('typologie', readMethods(doc));
    const plot = plotOf(svg);
    const ally = markerOf(svg, 'ally');
    const enemy = markerOf(svg, 'enemy');
    expect(ally.x).toBeGreaterThan(plot.x + (plot.w * 2) / 3);
    expect(ally.y).toBeLessThan(plot.midY);
    expect(enemy.x).toBeLessThan(plot.x + plot.w / 3);
    expect(enemy.y).toBeGreaterThan(plot.midY);
    expect(svg).toContain('Nog niet beoordeeld: Onbekend');
    for (const type of ['Bondgenoot', 'Coalitiepartner', 'Opponent', 'Tegenstander', 'Twijfelaar', 'Opportunist'])
      expect(svg).toContain(`>${type}<`);
  });

  it('draws forces with their strength, totals and balance', () => {
    const doc = board([]);
    addForce(doc, { side: 'bevorderend', text: 'Budget', strength: 5 });
    addForce(doc, { side: 'bevorderend', text: 'Draagvlak', strength: 2 });
    addForce(doc, { side: 'belemmerend', text: 'Werkdruk', strength: 4 });
    const { svg } = methodSvg('krachten', readMethods(doc));
    expect(svg.match(/data-force="bevorderend"/g)).toHaveLength(2);
    expect(svg.match(/data-force="belemmerend"/g)).toHaveLength(1);
    expect(svg).toContain('data-strength="5"');
    expect(svg).toContain('data-balance="3"');
    expect(svg).toContain('>+3<');
    expect(svg).toContain('Totaal 7 · 2 krachten');
    expect(svg).toContain('De bevorderende krachten zijn');
  });

  it('draws the network: nodes on the rings of the setting, typed relations, legend', () => {
    const doc = board([
      { id: 'inner', name: 'Beslist mee', participation: 'meebeslissen' },
      { id: 'outer', name: 'Weet ervan', participation: 'meeweten' },
      { id: 'loose', name: 'Los' },
    ]);
    addRelation(doc, { from: 'inner', to: 'outer', type: 'afhankelijkheid', label: 'geld' });
    const { svg } = methodSvg('netwerk', readMethods(doc));
    const centre = /<circle cx="([\d.]+)" cy="([\d.]+)" r="[\d.]+" fill="#0e5a63"\/>/.exec(svg)!;
    const dist = (id: string) => {
      const p = markerOf(svg, id);
      return Math.hypot(p.x - Number(centre[1]), p.y - Number(centre[2]));
    };
    expect(dist('inner')).toBeLessThan(dist('outer'));
    expect(dist('outer')).toBeLessThan(dist('loose'));
    expect(svg).toContain('stroke-dasharray="12 7"'); // a dependency's dashes
    expect(svg).toContain('>geld<');
    expect(svg).toContain('Meebeslissen');
    expect(svg).toContain('Zonder relaties: Los');

    updateSettings(doc, { networkRings: 'relation' });
    expect(methodSvg('netwerk', readMethods(doc)).svg).toContain('Huidige partner');
  });

  it('speaks English on request, Dutch by default; renamed axes are shown as typed', () => {
    const doc = board([{ id: 'a', name: 'A', houding: 0.5, invloed: 0.5 }]);
    const nl = methodSvg('krachtenveld', readMethods(doc)).svg;
    const en = methodSvg('krachtenveld', readMethods(doc), { lang: 'en' }).svg;
    expect(nl).toContain('Houding');
    expect(en).toContain('Attitude');
    expect(en).toContain('Key players');
    expect(methodSvg('krachten', readMethods(doc), { lang: 'en' }).svg).toContain('Driving forces');
    updateSettings(doc, {
      axes: { ...readMethods(doc).settings.axes, houding: { name: 'Steun', low: 'Nee', high: 'Ja' } },
    });
    expect(methodSvg('krachtenveld', readMethods(doc), { lang: 'en' }).svg).toContain('>Steun<');
  });

  it('escapes hostile text and stays well-formed', () => {
    const evil = '<script>alert("x")</script> & ]]> \u0007 "\'';
    const doc = board(
      [
        { id: 'evil', name: evil, houding: 0.2, invloed: 0.8, participation: 'meedoen', inhoud: 0.5, vertrouwen: 0.5 },
        { id: 'long', name: 'W'.repeat(200), houding: 0.9, invloed: 0.1, inhoud: -0.9, vertrouwen: 0.9 },
        { id: 'emoji', name: '👩🏽‍⚕️ Zorg 🇳🇱 🤝', houding: -0.5, invloed: 0.5, inhoud: 0, vertrouwen: 0.2 },
        { id: 'rtl', name: 'مركز صحي שלום', houding: -0.9, invloed: 0.9 },
        { id: 'empty', name: '   ', houding: 0, invloed: 0 },
      ],
      evil,
    );
    addRelation(doc, { from: 'evil', to: 'long', type: 'spanning', label: evil });
    addForce(doc, { side: 'belemmerend', text: `${evil}\n`.repeat(20), strength: 5, actorId: 'evil' });
    updateSettings(doc, {
      axes: {
        houding: { name: evil.slice(0, 60), low: '<b>', high: '&&' },
        invloed: { name: 'x'.repeat(60), low: '"', high: "'" },
        betrokkenheid: { name: '<i>', low: '', high: '' },
      },
    });
    for (const view of DRAWN_METHOD_VIEWS) {
      const { svg } = methodSvg(view, readMethods(doc), { title: evil });
      expect(xmlProblems(svg), view).toEqual([]);
      expect(svg, view).not.toContain('<script');
      expect(svg, view).toContain('&lt;script&gt;');
      expect(svg, view).not.toContain('\u0007');
    }
    const field = methodSvg('krachtenveld', readMethods(doc)).svg;
    expect(field).toContain('(zonder naam)');
    expect(field).toContain('…'); // the long name is cut
    expect(field).not.toContain('W'.repeat(100));
    expect(field).toContain('direction="rtl"');
  });

  it('survives extreme and broken input', () => {
    const broken = {
      actors: [
        { id: 'x', name: 'Far', houding: 1e9, invloed: -5, betrokkenheid: Number.NaN, netHoek: 1e12 },
        { id: 'bad id!', name: 'Skipped' },
        null,
      ],
      relations: [{ id: 'r', from: 'x', to: 'nobody', type: 'samenwerking' }],
      forces: [{ id: 'f', side: 'bevorderend', text: 'Veel', strength: 99 }],
      settings: { colorBy: 'nonsense', goal: 42 },
    } as never;
    for (const view of DRAWN_METHOD_VIEWS) {
      const { svg } = methodSvg(view, broken);
      expect(xmlProblems(svg), view).toEqual([]);
      expect(svg).not.toContain('NaN');
      expect(svg).not.toContain('Skipped');
    }
    for (const view of DRAWN_METHOD_VIEWS)
      expect(xmlProblems(methodSvg(view, { actors: [], relations: [], forces: [] } as never).svg)).toEqual([]);
  });

  it('keeps 200 actors readable: names that find no room become numbers with a key', () => {
    const doc = createDoc();
    const cats = ['beslisser', 'uitvoerder', 'financier', 'gebruiker'] as const;
    const parts = ['meeweten', 'meedenken', 'meedoen', 'meebeslissen', null] as const;
    for (let i = 0; i < 200; i++) {
      const u = (k: number) => ((i * k) % 97) / 96;
      addActor(doc, {
        id: `a${i}`,
        name: `Organisatie nummer ${i} met een lange naam`,
        category: cats[i % 4],
        participation: parts[i % 5],
        houding: u(37) * 2 - 1,
        invloed: u(53),
        betrokkenheid: u(11),
        inhoud: u(29) * 2 - 1,
        vertrouwen: u(71),
      });
    }
    for (let i = 0; i < 150; i++)
      addRelation(doc, { from: `a${i}`, to: `a${(i * 7 + 3) % 200}`, type: 'samenwerking', label: `r${i}` });
    for (let i = 0; i < 40; i++) addForce(doc, { side: i % 2 ? 'bevorderend' : 'belemmerend', text: `Kracht ${i}` });
    const snap = readMethods(doc);
    for (const view of DRAWN_METHOD_VIEWS as readonly DrawnMethodView[]) {
      const { svg, height } = methodSvg(view, snap);
      expect(xmlProblems(svg), view).toEqual([]);
      expect(height).toBeLessThan(20_000);
    }
    const field = methodSvg('krachtenveld', snap).svg;
    expect(field.match(/<g data-actor=/g)).toHaveLength(200);
    expect(field).toContain('Nummers in de tekening: 1 Organisatie');
  });
});
