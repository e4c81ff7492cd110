import { describe, expect, it } from 'vitest';
import { docPair } from '../helpers/ydocs.ts';
import * as Y from 'yjs';
import {
  addActor,
  addForce,
  addRelation,
  createBoardUndo,
  deleteActor,
  readMethods,
  setActorText,
  updateActor,
  updateForce,
  updateRelation,
  updateSettings,
} from '../../shared/model/board/index.ts';

const pair = docPair;

describe('actors', () => {
  it('adds an actor with defaults and validated fields', () => {
    const doc = new Y.Doc();
    const id = addActor(doc, {
      name: 'GGD',
      organisation: 'GGD Hollands Midden',
      category: 'uitvoerder',
      bedoeling: 'Gezonde wijk',
    });
    const a = readMethods(doc).actorsById.get(id!)!;
    expect(a).toMatchObject({
      name: 'GGD',
      category: 'uitvoerder',
      level: null,
      houding: null,
      betrokkenheid: 0.5,
      bedoeling: 'Gezonde wijk',
      belang: '',
    });
    expect(updateActor(doc, id!, { houding: 2 })).toBe(false); // out of range
    expect(updateActor(doc, id!, { category: 'koning' as never })).toBe(false);
    expect(updateActor(doc, id!, { houding: 0.5, invloed: 0.9 })).toBe(true);
    expect(readMethods(doc).actorsById.get(id!)).toMatchObject({ houding: 0.5, invloed: 0.9 });
    expect(addActor(doc, { name: 'x', invloed: -3 })).toBeNull();
  });

  it('two people typing in the same belang at once both keep their words', () => {
    const { a, b, sync } = pair();
    const id = addActor(a, { name: 'Huisartsen', belang: 'Minder zorgvraag' })!;
    sync();
    setActorText(a, id, 'belang', 'Minder zorgvraag, meer tijd');
    setActorText(b, id, 'belang', 'Vooral: Minder zorgvraag');
    sync();
    const text = readMethods(a).actorsById.get(id)!.belang;
    expect(text).toBe(readMethods(b).actorsById.get(id)!.belang);
    expect(text).toContain('Vooral: ');
    expect(text).toContain(', meer tijd');
    expect(text).toContain('Minder zorgvraag');
  });

  it('deleting an actor removes its relations, frees its forces, and undo brings all back', () => {
    const doc = new Y.Doc();
    const undo = createBoardUndo(doc);
    const ggd = addActor(doc, { name: 'GGD' })!;
    const school = addActor(doc, { name: 'School' })!;
    addRelation(doc, { from: ggd, to: school, type: 'samenwerking' });
    addForce(doc, { side: 'bevorderend', text: 'GGD heeft budget', actorId: ggd, strength: 4 });
    undo.stopCapturing();
    deleteActor(doc, ggd);
    let m = readMethods(doc);
    expect(m.actors.map((a) => a.name)).toEqual(['School']);
    expect(m.relations).toEqual([]);
    expect(m.forces[0]).toMatchObject({ text: 'GGD heeft budget', actorId: null });
    undo.undo();
    m = readMethods(doc);
    expect(m.actors.map((a) => a.name)).toEqual(['GGD', 'School']);
    expect(m.relations).toHaveLength(1);
    expect(m.forces[0]!.actorId).toBe(ggd);
  });

  it('changes a relation or a force only into a valid record, and only one that is there', () => {
    const doc = new Y.Doc();
    const ggd = addActor(doc, { name: 'GGD' })!;
    const school = addActor(doc, { name: 'School' })!;
    const rel = addRelation(doc, { from: ggd, to: school, type: 'samenwerking' })!;
    const force = addForce(doc, { side: 'bevorderend', text: 'Budget', actorId: ggd, strength: 4 })!;
    expect(updateRelation(doc, rel, { type: 'spanning', label: 'over geld' })).toBe(true);
    expect(updateRelation(doc, rel, { from: 'not an id!' })).toBe(false);
    expect(updateRelation(doc, 'nothere1', { label: 'x' })).toBe(false);
    expect(updateForce(doc, force, { side: 'belemmerend', text: 'Geen budget' })).toBe(true);
    expect(updateForce(doc, force, { side: 'sideways' as never })).toBe(false);
    expect(updateForce(doc, 'nothere1', { text: 'x' })).toBe(false);
    const m = readMethods(doc);
    expect(m.relations).toEqual([{ id: rel, from: ggd, to: school, type: 'spanning', label: 'over geld' }]);
    expect(m.forces).toHaveLength(1);
    expect(m.forces[0]).toMatchObject({
      id: force,
      side: 'belemmerend',
      text: 'Geen budget',
      strength: 4,
      actorId: ggd,
    });
  });

  it('reads hostile records without crashing', () => {
    const doc = new Y.Doc();
    const actors = doc.getMap<unknown>('actors');
    actors.set('weird', { name: 5, category: 'koning', houding: 'links', belang: 42 });
    actors.set('s', 'string');
    const good = addActor(doc, { name: 'Wijkteam' })!;
    doc.getMap<unknown>('relations').set('r', { from: good, to: 'missing' });
    doc.getMap<unknown>('forces').set('f', { side: 'sideways' });
    doc.getMap<unknown>('settings').set('axes', 'nonsense');
    const m = readMethods(doc);
    expect(m.actors.map((a) => a.id).sort()).toEqual([good, 'weird'].sort());
    expect(m.actorsById.get('weird')).toMatchObject({ name: '', category: null, houding: null, belang: '' });
    expect(m.relations).toEqual([]);
    expect(m.forces).toEqual([]);
    expect(m.settings.axes.houding.name).toBe('Houding');
  });

  it('settings: axis names per board, the three-axis structure stays', () => {
    const doc = new Y.Doc();
    expect(updateSettings(doc, { goal: 'Gezond gewicht in de wijk', colorBy: 'relation' })).toBe(true);
    expect(
      updateSettings(doc, {
        axes: { ...readMethods(doc).settings.axes, invloed: { name: 'Macht', low: 'Weinig', high: 'Veel' } },
      }),
    ).toBe(true);
    const s = readMethods(doc).settings;
    expect(s).toMatchObject({ goal: 'Gezond gewicht in de wijk', colorBy: 'relation' });
    expect(s.axes.invloed.name).toBe('Macht');
    expect(Object.keys(s.axes)).toEqual(['houding', 'invloed', 'betrokkenheid']);
  });
});
