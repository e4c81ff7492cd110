import { describe, expect, it } from 'vitest';
import { completeness } from '../../shared/methods/completeness.ts';
import { forcesBalance } from '../../shared/methods/forces.ts';
import { networkFigures } from '../../shared/methods/network.ts';
import { ACTOR_TYPES, classifyActor, TYPE_TEXTS } from '../../shared/methods/typology.ts';

describe('typology', () => {
  it.each([
    [0.8, 0.9, 'bondgenoot'],
    [0.8, 0.2, 'coalitiepartner'],
    [-0.8, 0.9, 'opponent'],
    [-0.8, 0.1, 'tegenstander'],
    [0, 0.7, 'twijfelaar'],
    [0.1, 0.3, 'opportunist'],
    [1 / 3, 0.5, 'bondgenoot'], // thresholds belong to the clear side
    [-1 / 3, 0.49, 'tegenstander'],
  ] as const)('inhoud %s, vertrouwen %s -> %s', (inhoud, vertrouwen, type) => {
    expect(classifyActor(inhoud, vertrouwen)).toBe(type);
  });

  it('is undecided until both judgements are given', () => {
    expect(classifyActor(null, 0.5)).toBeNull();
    expect(classifyActor(0.5, null)).toBeNull();
    expect(classifyActor(Number.NaN, 0.5)).toBeNull();
  });

  it('has a label, meaning and approach for every type in both languages', () => {
    for (const lang of ['nl', 'en'] as const) {
      for (const type of ACTOR_TYPES) {
        const t = TYPE_TEXTS[lang][type];
        expect(t.label.length * t.meaning.length * t.approach.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('forces balance', () => {
  it('adds up each side and gives the balance', () => {
    const b = forcesBalance([
      { side: 'bevorderend', strength: 5 },
      { side: 'bevorderend', strength: 2 },
      { side: 'belemmerend', strength: 4 },
    ]);
    expect(b).toEqual({
      bevorderend: { count: 2, total: 7 },
      belemmerend: { count: 1, total: 4 },
      balance: 3,
      verdict: 'bevorderend',
    });
    expect(forcesBalance([]).verdict).toBe('evenwicht');
    expect(forcesBalance([{ side: 'belemmerend', strength: 1 }]).verdict).toBe('belemmerend');
  });
});

describe('network figures', () => {
  it('counts relations per actor and finds actors without any', () => {
    const f = networkFigures(
      ['ggd', 'huisarts', 'wijkteam', 'school'],
      [
        { from: 'ggd', to: 'huisarts', type: 'samenwerking' },
        { from: 'ggd', to: 'wijkteam', type: 'spanning' },
        { from: 'ggd', to: 'ghost', type: 'samenwerking' }, // unknown actor: ignored
        { from: 'school', to: 'school', type: 'samenwerking' }, // self: ignored
      ],
    );
    expect(Object.fromEntries(f.degree)).toEqual({ ggd: 2, huisarts: 1, wijkteam: 1, school: 0 });
    expect(f.isolated).toEqual(['school']);
    expect(f.byType).toEqual({ samenwerking: 1, afhankelijkheid: 0, spanning: 1 });
    expect(f.mostConnected).toEqual(['ggd']);
    expect(networkFigures(['a'], []).mostConnected).toEqual([]);
  });
});

describe('completeness check', () => {
  it('counts categories and levels and names what is missing', () => {
    const c = completeness([
      { name: 'Wethouder', organisation: 'Gemeente', category: 'beslisser', level: 'strategisch' },
      { name: 'Beleidsadviseur', organisation: 'gemeente', category: 'uitvoerder', level: 'tactisch' },
      { name: 'Huisarts', organisation: 'Huisartsenpraktijk', category: 'uitvoerder', level: null },
    ]);
    expect(c.byCategory).toEqual({ beslisser: 1, uitvoerder: 2, financier: 0, gebruiker: 0 });
    expect(c.missingCategories).toEqual(['financier', 'gebruiker']);
    expect(c.missingLevels).toEqual(['uitvoerend']);
    expect(c.unclassified).toBe(1);
    expect(c.organisations).toBe(2);
    expect(c.organisationHint).toBe('te-weinig');
  });
});

describe('worked example: gezonde wijk', () => {
  it('fills a board with a complete, classified field', async () => {
    const Y = await import('yjs');
    const { seedGezondeWijk, EXAMPLE_GOAL } = await import('../../shared/model/templates/gezondeWijk.ts');
    const { readMethods } = await import('../../shared/model/board/actors.ts');
    const doc = new Y.Doc();
    seedGezondeWijk(doc);
    const m = readMethods(doc);
    expect(m.actors.length).toBeGreaterThanOrEqual(10);
    expect(m.actors.length).toBeLessThanOrEqual(15);
    expect(m.settings.goal).toBe(EXAMPLE_GOAL);
    expect(m.relations.length).toBeGreaterThan(5);
    expect(m.forces.filter((f) => f.side === 'belemmerend').length).toBeGreaterThan(0);
    const c = completeness(m.actors);
    expect(c.missingCategories).toEqual([]);
    expect(c.missingLevels).toEqual([]);
    expect(m.actors.every((a) => classifyActor(a.inhoud, a.vertrouwen) !== null)).toBe(true);
    expect(new Set(m.actors.map((a) => classifyActor(a.inhoud, a.vertrouwen))).size).toBeGreaterThanOrEqual(4);
  });
});

describe('evaluation summary', () => {
  it('gives n, mean, spread and distribution as the report states them', async () => {
    const { summarizeGrades, formatEvaluation } = await import('../../shared/methods/evaluation.ts');
    const s = summarizeGrades([8, 9, 6, 8, 8, 0, 11, 7.5]);
    expect(s).toEqual({ n: 5, mean: 7.8, min: 6, max: 9, distribution: [0, 0, 0, 0, 0, 1, 0, 3, 1, 0] });
    expect(formatEvaluation(s, 'nl')).toBe('7,8 (spreiding 6 - 9)');
    expect(formatEvaluation(s, 'en')).toBe('7.8 (spread 6 - 9)');
    expect(summarizeGrades([]).mean).toBeNull();
  });
});
