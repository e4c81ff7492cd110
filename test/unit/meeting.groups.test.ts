/** Groups in the session doc: forming them, balancing, moving, removing, and reading hostile data. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addGroups,
  assignMember,
  balanceMembers,
  groupOf,
  planBalance,
  readGroups,
  removeGroup,
  renameGroup,
  setGroupMode,
} from '../../shared/model/meeting/groups.ts';
import { knownParticipants } from '../../client/src/features/groups/people.ts';
import { fieldThumbSvg } from '../../client/src/features/control/thumbnail.ts';
import { ActorFields } from '../../shared/model/board/actorSchema.ts';
import { docPair } from '../helpers/ydocs.ts';
import { xmlProblems } from '../helpers/xmlCheck.ts';

/** Seeded random source (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const group = (n: number) => ({ id: `g${n}`, name: `Groep ${n}`, boardId: `b${n}`, order: n });

function sizes(groupIds: string[], members: Record<string, string>): number[] {
  return groupIds.map((g) => Object.values(members).filter((x) => x === g).length);
}

describe('planBalance', () => {
  it('sizes differ by at most one when everyone starts unassigned (seeded, many shapes)', () => {
    const random = rng(5);
    for (let run = 0; run < 300; run++) {
      const groupIds = Array.from({ length: 1 + Math.floor(random() * 8) }, (_, i) => `g${i}`);
      const people = Array.from({ length: Math.floor(random() * 40) }, (_, i) => `p${i}`);
      const plan = planBalance(groupIds, people, {});
      expect(Object.keys(plan).sort()).toEqual([...people].sort());
      const s = sizes(groupIds, plan);
      expect(Math.max(...s) - Math.min(...s)).toBeLessThanOrEqual(1);
    }
  });

  it('leaves people who have a group where they are and fills the smallest groups first', () => {
    const plan = planBalance(['a', 'b', 'c'], ['p1', 'p2', 'p3', 'p4', 'p5'], { p1: 'a', p2: 'a', p3: 'b' });
    expect(plan).toEqual({ p4: 'c', p5: 'b' });
  });

  it('places someone whose group no longer exists', () => {
    expect(planBalance(['a', 'b'], ['p1'], { p1: 'gone' })).toEqual({ p1: 'a' });
  });
});

describe('groups in the session doc', () => {
  it('balances, moves, renames and removes, and another replica sees the same', () => {
    const { a, b, sync } = docPair();
    addGroups(a, [group(1), group(2)]);
    balanceMembers(a, ['p1', 'p2', 'p3', 'p4']);
    sync();
    const seen = readGroups(b);
    expect(seen.groups.map((g) => g.name)).toEqual(['Groep 1', 'Groep 2']);
    expect(sizes(['g1', 'g2'], seen.members)).toEqual([2, 2]);

    assignMember(a, 'p1', 'g2');
    assignMember(a, 'p2', 'nope'); // unknown group: ignored
    setGroupMode(a, 'choose');
    renameGroup(a, 'g1', '  Wijk Noord  ');
    sync();
    expect(groupOf(readGroups(b), 'p1')?.id).toBe('g2');
    expect(readGroups(b).members.p2).toBeDefined();
    expect(readGroups(b).mode).toBe('choose');
    expect(readGroups(b).groups[0]!.name).toBe('Wijk Noord');

    removeGroup(a, 'g2');
    sync();
    const after = readGroups(b);
    expect(after.groups.map((g) => g.id)).toEqual(['g1']);
    expect(Object.values(after.members).every((g) => g === 'g1')).toBe(true);
  });

  it('reshuffle divides everyone again, evenly', () => {
    const doc = new Y.Doc();
    addGroups(doc, [group(1), group(2), group(3)]);
    for (const p of ['p1', 'p2', 'p3', 'p4', 'p5', 'p6']) assignMember(doc, p, 'g1');
    balanceMembers(doc, ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'], { reshuffle: true });
    expect(sizes(['g1', 'g2', 'g3'], readGroups(doc).members)).toEqual([2, 2, 2]);
  });

  it('reshuffling some counts the others where they are; ids that cannot be members are left out', () => {
    const doc = new Y.Doc();
    addGroups(doc, [group(1), group(2)]);
    assignMember(doc, 'stay1', 'g1');
    assignMember(doc, 'stay2', 'g1');
    balanceMembers(doc, ['p1', 'p2', 'bad id!'], { reshuffle: true });
    const { members } = readGroups(doc);
    expect(members).toEqual({ stay1: 'g1', stay2: 'g1', p1: 'g2', p2: 'g2' });
    expect(doc.getMap('members').has('bad id!')).toBe(false);
    // Nothing to do: no change at all (the panel calls this whenever presence changes).
    let changes = 0;
    doc.on('update', () => changes++);
    balanceMembers(doc, ['p1', 'p2']);
    expect(changes).toBe(0);
  });

  it('skips broken records instead of throwing', () => {
    const doc = new Y.Doc();
    addGroups(doc, [group(1)]);
    doc.getMap('groups').set('evil', { id: 'other', name: 'x', boardId: 'b', order: 1 });
    doc.getMap('groups').set('bad', { id: 'bad', name: 7 });
    doc.getMap('members').set('p1', 'g1');
    doc.getMap('members').set('p2', 'missing');
    doc.getMap('members').set('p3', 42);
    doc.getMap('groupSettings').set('mode', 'chaos');
    const read = readGroups(doc);
    expect(read.groups.map((g) => g.id)).toEqual(['g1']);
    expect(read.members).toEqual({ p1: 'g1' });
    expect(read.mode).toBe('hand');
  });
});

describe('knownParticipants (the facilitator panel)', () => {
  it('merges those present with those listed, once each, present ones with where they are', () => {
    const present = [
      { key: 'f', id: 'f', name: 'Fien', role: 'facilitator', color: '#111111', isSelf: true, where: null },
      {
        key: 'p1',
        id: 'p1',
        name: 'Bram',
        role: 'participant',
        color: '#222222',
        isSelf: false,
        where: { boardId: 'b1', view: 'canvas' },
      },
    ] as const;
    const listed = [
      { id: 'p1', name: 'Bram (oud)', role: 'participant' },
      { id: 'p2', name: 'Anna', role: 'participant' },
      { id: 'f', name: 'Fien', role: 'facilitator' },
    ];
    const known = knownParticipants([...present], listed, new Map([['p3', 'Carla']]));
    expect(known.map((p) => [p.id, p.name, p.online, p.boardId])).toEqual([
      ['p2', 'Anna', false, null],
      ['p1', 'Bram', true, 'b1'],
      ['p3', 'Carla', false, null],
    ]);
  });
});

describe('control room thumbnail of the krachtenveld', () => {
  const actor = (id: string, name: string, houding: number | null, invloed: number | null) => ({
    ...ActorFields.parse({ id, name, houding, invloed, betrokkenheid: 0.5 }),
    bedoeling: '',
    belang: '',
    bijdrage: '',
    notities: '',
  });

  it('draws one marker per placed actor, escapes names, and stays well-formed', () => {
    const svg = fieldThumbSvg(
      [
        actor('a1', '<script>alert(1)</script>', 0.5, 0.8),
        actor('a2', 'Wethouder & "GGD"', -1, 0),
        actor('a3', 'Nog niet geplaatst', null, null),
      ],
      'category',
    );
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg.match(/<circle /g)).toHaveLength(2);
    expect(svg).not.toContain('<script');
    expect(svg).toContain('Wethouder &amp; &quot;GGD&quot;');
  });

  it('shows markers only (no names) when many actors are placed', () => {
    const many = Array.from({ length: 25 }, (_, i) => actor(`a${i}`, `Actor ${i}`, (i % 5) / 5, (i % 7) / 7));
    const svg = fieldThumbSvg(many, 'category');
    expect(svg.match(/<circle /g)).toHaveLength(25);
    expect(svg).not.toContain('<text');
  });
});
