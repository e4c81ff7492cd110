import { describe, expect, it } from 'vitest';
import { docPair } from '../helpers/ydocs.ts';
import * as Y from 'yjs';
import {
  addActor,
  assignActor,
  clearRound,
  createBoardUndo,
  deleteActor,
  readMethods,
  readRound,
  updateSettings,
} from '../../shared/model/board/index.ts';
import { distribute } from '../../client/src/features/methods/bees.ts';
import { readWorkspace } from '../../client/src/features/methods/context.ts';

const pair = docPair;

describe('individual round (3 B’s)', () => {
  it('is off by default; the facilitator switches it on in the board settings', () => {
    const doc = new Y.Doc();
    expect(readMethods(doc).settings.individualRound).toBe(false);
    expect(updateSettings(doc, { individualRound: true })).toBe(true);
    expect(readMethods(doc).settings.individualRound).toBe(true);
    doc.getMap('settings').set('individualRound', 'ja');
    expect(readMethods(doc).settings.individualRound).toBe(false); // repaired, not thrown
  });

  it('keeps both picks when two participants choose at the same moment', () => {
    const { a, b, sync } = pair();
    const ggd = addActor(a, { name: 'GGD' })!;
    const school = addActor(a, { name: 'Basisschool' })!;
    sync();
    expect(assignActor(a, 'p-anna', ggd, 'Anna')).toBe(true);
    expect(assignActor(b, 'p-piet', school, 'Piet')).toBe(true);
    sync();
    for (const doc of [a, b]) {
      const round = readRound(doc);
      expect(round.assignments.map((x) => [x.name, x.actorId])).toEqual([
        ['Anna', ggd],
        ['Piet', school],
      ]);
      expect(round.byParticipant.get('p-piet')?.actorId).toBe(school);
    }
  });

  it('changes or takes back an assignment, and forgets ones whose actor was deleted', () => {
    const doc = new Y.Doc();
    const ggd = addActor(doc, { name: 'GGD' })!;
    const school = addActor(doc, { name: 'Basisschool' })!;
    assignActor(doc, 'p1', ggd, 'Anna');
    assignActor(doc, 'p1', school, 'Anna');
    expect(readRound(doc).byParticipant.get('p1')?.actorId).toBe(school);
    deleteActor(doc, school);
    expect(readRound(doc).assignments).toEqual([]);
    assignActor(doc, 'p2', ggd, 'Piet');
    assignActor(doc, 'p2', null, 'Piet');
    expect(readRound(doc).assignments).toEqual([]);
    assignActor(doc, 'p3', ggd, 'Fien');
    clearRound(doc);
    expect(readRound(doc).assignments).toEqual([]);
  });

  it('refuses bad input and skips hostile records', () => {
    const doc = new Y.Doc();
    const ggd = addActor(doc, { name: 'GGD' })!;
    expect(assignActor(doc, '', ggd, 'x')).toBe(false);
    expect(assignActor(doc, 'p1', 'not an id!', 'x')).toBe(false);
    const raw = doc.getMap('roundAssignments');
    raw.set('p9', 42);
    raw.set('p8', { actorId: ggd, name: 7 });
    expect(readRound(doc).assignments).toEqual([{ participantId: 'p8', actorId: ggd, name: '' }]);
  });

  it('is not undone with the field: picking an actor is not an edit of it', () => {
    const doc = new Y.Doc();
    const undo = createBoardUndo(doc);
    const ggd = addActor(doc, { name: 'GGD' })!;
    undo.stopCapturing();
    assignActor(doc, 'p1', ggd, 'Anna');
    undo.undo();
    expect(readMethods(doc).actors).toHaveLength(0);
    undo.redo();
    expect(readRound(doc).byParticipant.get('p1')?.actorId).toBe(ggd);
    undo.destroy();
  });

  it('distributes actors over the people without one, the least chosen first', () => {
    const doc = new Y.Doc();
    const ids = ['GGD', 'School', 'Wijkteam'].map((name) => addActor(doc, { name })!);
    assignActor(doc, 'p1', ids[0]!, 'Anna');
    const plan = distribute(readWorkspace(doc), [
      { id: 'p1', name: 'Anna' },
      { id: 'p2', name: 'Piet' },
      { id: 'p3', name: 'Fien' },
      { id: 'p4', name: 'Mo' },
      { id: 'p5', name: 'Els' },
    ]);
    expect(plan.has('p1')).toBe(false); // already has one
    expect([plan.get('p2'), plan.get('p3')].sort()).toEqual([ids[1], ids[2]].sort());
    // Then everyone has one, and the next ones spread evenly again.
    expect(new Set([plan.get('p4'), plan.get('p5')]).size).toBe(2);
    expect(distribute(readWorkspace(new Y.Doc()), [{ id: 'p1', name: 'Anna' }]).size).toBe(0);
  });
});
