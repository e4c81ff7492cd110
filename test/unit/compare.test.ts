import { describe, expect, it } from 'vitest';
import {
  actorKey,
  axisDifferences,
  compareFields,
  compareGroups,
  editDistance,
  groupPlacements,
  levelOf,
  suggestMerges,
} from '../../shared/methods/compare.ts';

const actor = (name: string, houding: number | null, invloed: number | null, betrokkenheid = 0.5) => ({
  id: name,
  name,
  houding,
  invloed,
  betrokkenheid,
});

describe('comparing meetings', () => {
  it('finds actors that moved, appeared and dropped out, matched by name', () => {
    const r = compareFields(
      [actor('GGD', 0.8, 0.5), actor('Huisartsen', 0, 0.6), actor('Supermarkt', -0.5, 0.4)],
      [actor('ggd ', 0.8, 0.52), actor('HUISARTSEN', 0.6, 0.7), actor('Bewoners', 0.3, 0.2)],
    );
    expect(r.moved.map((m) => m.name)).toEqual(['HUISARTSEN']);
    expect(r.moved[0]!.distance).toBeCloseTo(Math.hypot(0.3, 0.1));
    expect(r.unchanged).toEqual(['ggd ']);
    expect(r.appeared.map((a) => a.name)).toEqual(['Bewoners']);
    expect(r.droppedOut.map((a) => a.name)).toEqual(['Supermarkt']);
  });

  it('counts being placed (or taken off the field) as a move', () => {
    const r = compareFields([actor('School', null, null)], [actor('School', 0.2, 0.3)]);
    expect(r.moved).toHaveLength(1);
    expect(actorKey('  Sociaal   Wijkteam ')).toBe('sociaal wijkteam');
  });
});

describe('comparing groups in the plenary', () => {
  it('lists actors placed by several groups, most disputed first', () => {
    const spreads = compareGroups([
      {
        group: 'Groep 1',
        actors: [actor('Huisartsen', -0.5, 0.8), actor('GGD', 0.8, 0.5), actor('Alleen hier', 0, 0)],
      },
      {
        group: 'Groep 2',
        actors: [actor('huisartsen', 0.7, 0.4), actor('GGD', 0.7, 0.5), actor('Niet geplaatst', null, null)],
      },
    ]);
    expect(spreads.map((s) => s.key)).toEqual(['huisartsen', 'ggd']);
    expect(spreads[0]!.spread).toBeCloseTo(Math.hypot(0.6, 0.4));
    expect(spreads[0]!.placements.map((p) => p.group)).toEqual(['Groep 1', 'Groep 2']);
  });
});

describe('the plenary comparison with merges', () => {
  const groups = [
    {
      group: 'Groep 1',
      actors: [actor('Huisartsen', -0.6, 0.9), actor('GGD', 0.8, 0.6), actor('Wethouder', 0.9, 0.9)],
    },
    {
      group: 'Groep 2',
      actors: [actor('Huisarts', 0.6, 0.2), actor('Ggd.', 0.7, 0.5), actor('Supermarkt', -0.4, 0.3)],
    },
  ];

  it('matches accents and punctuation, and treats merged names as one actor', () => {
    const before = compareGroups(groups, { merges: {} });
    expect(before.map((s) => s.key)).toEqual(['ggd']);
    const merged = compareGroups(groups, { merges: { huisarts: 'huisartsen' } });
    expect(merged.map((s) => s.key)).toEqual(['huisartsen', 'ggd']);
    const huisartsen = merged[0]!;
    // The merged actor keeps its own name, whichever group wrote it first.
    expect(huisartsen.name).toBe('Huisartsen');
    expect(huisartsen.names).toEqual(['Huisartsen', 'Huisarts']);
    expect(huisartsen.spread).toBeCloseTo(Math.hypot(0.6, 0.7));
    expect(huisartsen.placements.map((p) => [p.group, p.name])).toEqual([
      ['Groep 1', 'Huisartsen'],
      ['Groep 2', 'Huisarts'],
    ]);
  });

  it('names the canonical spelling also when the alias came first', () => {
    const [first] = compareGroups([...groups].reverse(), { merges: { huisarts: 'huisartsen' } });
    expect(first!.name).toBe('Huisartsen');
  });

  it('keeps the actors placed by only one group, and one placement per group after a merge', () => {
    const all = groupPlacements(
      [...groups, { group: 'Groep 3', actors: [actor('Huisarts', 0, 0.5), actor('Huisartsen', 0.9, 0.9)] }],
      { merges: { huisarts: 'huisartsen' } },
    );
    const single = all.filter((s) => s.placements.length === 1).map((s) => s.name);
    expect(single.sort()).toEqual(['Supermarkt', 'Wethouder']);
    const h = all.find((s) => s.key === 'huisartsen')!;
    expect(h.placements.map((p) => p.group)).toEqual(['Groep 1', 'Groep 2', 'Groep 3']);
    expect(h.placements[2]!.houding).toBe(0); // the first of Groep 3's two
  });

  it('follows merge chains', () => {
    const spreads = compareGroups(
      [
        { group: 'A', actors: [actor('Wijkteam', 0, 0.5)] },
        { group: 'B', actors: [actor('Sociaal wijkteam', 0.2, 0.5)] },
        { group: 'C', actors: [actor('Sociale wijkteams', 0.4, 0.5)] },
      ],
      { merges: { wijkteam: 'sociaal wijkteam', 'sociaal wijkteam': 'sociale wijkteams' } },
    );
    expect(spreads).toHaveLength(1);
    expect(spreads[0]!.name).toBe('Sociale wijkteams');
    expect(spreads[0]!.placements).toHaveLength(3);
  });

  it('describes per axis how far the groups lie apart', () => {
    const [h] = compareGroups(groups, { merges: { huisarts: 'huisartsen' } });
    const diffs = axisDifferences(h!);
    expect(diffs.map((d) => d.axis)).toEqual(['invloed', 'houding']);
    expect(diffs[0]!.placements.map((p) => [p.group, p.level])).toEqual([
      ['Groep 1', 'high'],
      ['Groep 2', 'low'],
    ]);
    expect(diffs[1]!.placements.map((p) => [p.group, p.level])).toEqual([
      ['Groep 2', 'high'],
      ['Groep 1', 'low'],
    ]);
    expect(levelOf('houding', 0)).toBe('mid');
    expect(levelOf('invloed', 0.2)).toBe('low');
    expect(axisDifferences({ placements: [] })).toEqual([]);
  });
});

describe('merge suggestions', () => {
  const names = (group: string, ...list: string[]) => ({ group, actors: list.map((name) => ({ name })) });

  it('suggests plurals, typos and a name inside another', () => {
    const s = suggestMerges(
      [
        names('Groep 1', 'Huisartsen', 'GGD Hollands Midden', 'Gemeente', 'Wijkverpleegkundigen'),
        names('Groep 2', 'huisarts', 'GGD', 'Woningcorporatie', 'Sociaal wijkteam'),
        names('Groep 3', 'Huisartsen', 'Wijkverpleegkundige', 'Gemeentee', 'S.W.T.', 'Sociaal-wijkteam Noord'),
      ],
      { merges: {} },
    );
    const pairs = s.map((x) => `${x.alias} -> ${x.canonical} (${x.reason})`);
    expect(pairs).toContain('huisarts -> Huisartsen (similar)');
    expect(pairs).toContain('Wijkverpleegkundige -> Wijkverpleegkundigen (similar)');
    expect(pairs).toContain('Gemeente -> Gemeentee (similar)');
    expect(pairs).toContain('GGD -> GGD Hollands Midden (contains)');
    expect(pairs).toContain('Sociaal wijkteam -> Sociaal-wijkteam Noord (contains)');
    expect(pairs.filter((p) => p.includes('S.W.T.'))).toEqual([]);
    expect(suggestMerges([names('A', 'G.G.D.'), names('B', 'GGD')], { merges: {} })).toMatchObject([
      { alias: 'G.G.D.', canonical: 'GGD', reason: 'similar' },
    ]);
    // Similar names come before containment.
    expect(s.at(-1)!.reason).toBe('contains');
    expect(s.find((x) => x.alias === 'huisarts')!.groups.sort()).toEqual(['Groep 1', 'Groep 2', 'Groep 3']);
  });

  it('does not suggest different short names, names one group placed side by side, or merged ones', () => {
    expect(suggestMerges([names('A', 'GGD'), names('B', 'GGZ')], { merges: {} })).toEqual([]);
    expect(suggestMerges([names('A', 'School', 'Basisschool De Regenboog')], { merges: {} })).toEqual([]);
    expect(suggestMerges([names('A', 'Huisarts', 'Huisartsen')], { merges: {} })).toEqual([]);
    expect(
      suggestMerges([names('A', 'Huisarts'), names('B', 'Huisartsen')], { merges: { huisarts: 'huisartsen' } }),
    ).toEqual([]);
    // Whole words only: "wijk" is not "wijkteam".
    expect(suggestMerges([names('A', 'Wijk'), names('B', 'Wijkteam Noord')], { merges: {} })).toEqual([]);
  });

  it('measures edit distance with a cut-off', () => {
    expect(editDistance('huisarts', 'huisartsen')).toBe(2);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('abc', 'xyzabc', 1)).toBe(2);
    expect(editDistance('', 'ab')).toBe(2);
  });
});
