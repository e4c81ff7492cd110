import { describe, expect, it } from 'vitest';
import { actorKey, compareFields, compareGroups } from '../../shared/methods/compare.ts';

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
