import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addActor, addForce, addRelation, setActorText, updateSettings } from '../../shared/model/board/actors.ts';
import { addAnswer, deleteAnswer, editAnswer } from '../../shared/model/board/answers.ts';
import { addItems, updateItem } from '../../shared/model/board/commands.ts';
import { migrateBoardDoc } from '../../shared/model/board/migrations.ts';
import { assignActor } from '../../shared/model/board/round.ts';
import { collectChanges, typeMapRoots, type DocChange } from '../../shared/model/changes.ts';
import { addGroups, assignMember, readGroups } from '../../shared/model/meeting/groups.ts';
import { addBoard, initSessionDoc, readBoard, setBoardLocked, setBoardOpen } from '../../shared/model/sessionDoc.ts';
import {
  boardTarget,
  checkWrite,
  docRootsFor,
  refusalFor,
  WriteDenial,
  writeContextFor,
  writeDenial,
  type WriteContext,
  type Writer,
} from '../../shared/model/writeRules.ts';
import { RefusalReason } from '../../shared/protocol.ts';

const anna: Writer = { role: 'participant', participantId: 'p-anna', name: 'Anna' };
const bram: Writer = { role: 'participant', participantId: 'p-bram', name: 'Bram' };
const fac: Writer = { role: 'facilitator', participantId: 'f-1', name: 'Fenna' };
const viewer: Writer = { role: 'viewer', participantId: 'v-1', name: '' };

/** A session with the plenary board, two groups with boards, a loose board and the template. */
function session(): Y.Doc {
  const doc = new Y.Doc();
  initSessionDoc(doc, { title: 'Gezonde wijk', createdAt: 0 });
  addBoard(doc, { id: 'g1', title: 'Groep 1', kind: 'group' });
  addBoard(doc, { id: 'g2', title: 'Groep 2', kind: 'group' });
  addBoard(doc, { id: 'los', title: 'Los bord', kind: 'group' });
  addBoard(doc, { id: 'sjabloon', title: 'Sjabloon', kind: 'template' });
  addGroups(doc, [
    { id: 'grp1', name: 'Groep 1', boardId: 'g1', order: 1 },
    { id: 'grp2', name: 'Groep 2', boardId: 'g2', order: 2 },
  ]);
  assignMember(doc, anna.participantId, 'grp1');
  assignMember(doc, bram.participantId, 'grp2');
  return doc;
}

const ctx = (writer: Writer, boardId: string | null, s = session()): WriteContext =>
  writeContextFor(writer, s, boardId);

/**
 * What the server does with a client's update: a server doc with its roots typed as
 * maps applies it, and the changes are read in `afterTransaction`.
 */
class Pair {
  readonly server = new Y.Doc();
  readonly client = new Y.Doc();
  constructor(kind: 'session' | 'board' = 'board') {
    typeMapRoots(this.server, docRootsFor(kind));
  }
  /** Runs `edit` on the client and returns the changes its update makes on the server. */
  edit(edit: (doc: Y.Doc) => void): DocChange[] {
    Y.applyUpdate(this.client, Y.encodeStateAsUpdate(this.server));
    const before = Y.encodeStateVector(this.client);
    edit(this.client);
    const update = Y.encodeStateAsUpdate(this.client, before);
    let changes: DocChange[] = [];
    const onTr = (tr: Y.Transaction) => (changes = collectChanges(tr));
    this.server.on('afterTransaction', onTr);
    Y.applyUpdate(this.server, update);
    this.server.off('afterTransaction', onTr);
    return changes;
  }
  /** Same, and the rule's verdict for `writer` on board `boardId`. */
  check(writer: Writer, boardId: string | null, edit: (doc: Y.Doc) => void): WriteDenial | null {
    const changes = this.edit(edit);
    expect(changes.length).toBeGreaterThan(0);
    return checkWrite(ctx(writer, boardId), this.server, changes);
  }
}

const note = (author: string, authorId?: string) => ({
  kind: 'note' as const,
  id: 'n1',
  x: 10,
  y: 20,
  w: 180,
  h: 120,
  text: 'Huisartsen doen mee',
  color: '#fff3a3' as const,
  author,
  ...(authorId === undefined ? {} : { authorId }),
});

describe('writeDenial: who may write a doc', () => {
  it('gives viewers nothing and the session doc to the facilitator only', () => {
    expect(writeDenial(ctx(viewer, 'plenair'))).toBe(WriteDenial.viewer);
    expect(writeDenial(ctx(viewer, null))).toBe(WriteDenial.viewer);
    expect(writeDenial(ctx(anna, null))).toBe(WriteDenial.facilitatorOnly);
    expect(writeDenial(ctx(fac, null))).toBeNull();
  });

  it('lets a participant write the plenary board, their own group, an opened board and a board of no group', () => {
    const s = session();
    expect(writeDenial(ctx(anna, 'plenair', s))).toBeNull();
    expect(writeDenial(ctx(anna, 'g1', s))).toBeNull();
    expect(writeDenial(ctx(anna, 'los', s))).toBeNull();
    expect(writeDenial(ctx(anna, 'g2', s))).toBe(WriteDenial.otherGroup);
    expect(writeDenial(ctx(bram, 'g1', s))).toBe(WriteDenial.otherGroup);
    setBoardOpen(s, 'g2', true);
    expect(readBoard(s, 'g2')?.open).toBe(true);
    expect(writeDenial(ctx(anna, 'g2', s))).toBeNull();
    setBoardOpen(s, 'g2', false);
    expect(writeDenial(ctx(anna, 'g2', s))).toBe(WriteDenial.otherGroup);
  });

  it('refuses participants the template, locked boards and unknown boards; the facilitator writes all', () => {
    const s = session();
    setBoardLocked(s, 'g1', true);
    expect(writeDenial(ctx(anna, 'sjabloon', s))).toBe(WriteDenial.facilitatorOnly);
    expect(writeDenial(ctx(anna, 'g1', s))).toBe(WriteDenial.locked);
    expect(writeDenial(ctx(anna, 'nergens', s))).toBe(WriteDenial.unknownBoard);
    for (const b of ['sjabloon', 'g1', 'g2', 'plenair']) expect(writeDenial(ctx(fac, b, s))).toBeNull();
  });

  it('keeps board settings and meta to the facilitator and round entries to their owner', () => {
    expect(writeDenial(ctx(anna, 'g1'), { root: 'settings' })).toBe(WriteDenial.facilitatorOnly);
    expect(writeDenial(ctx(anna, 'g1'), { root: 'meta' })).toBe(WriteDenial.facilitatorOnly);
    expect(writeDenial(ctx(fac, 'g1'), { root: 'settings' })).toBeNull();
    expect(writeDenial(ctx(anna, 'g1'), { root: 'roundAssignments', record: 'p-anna' })).toBeNull();
    expect(writeDenial(ctx(anna, 'g1'), { root: 'roundAssignments', record: 'p-bram' })).toBe(
      WriteDenial.otherParticipant,
    );
    expect(writeDenial(ctx(anna, 'g1'), { root: 'items' })).toBeNull();
  });

  it('builds the same target from snapshots as from the doc', () => {
    const s = session();
    expect(boardTarget(readBoard(s, 'g2'), readGroups(s), anna.participantId)).toEqual({
      doc: 'board',
      board: readBoard(s, 'g2'),
      boardGroupId: 'grp2',
      writerGroupId: 'grp1',
    });
  });

  it('maps denials to the refusal a client is sent', () => {
    expect(refusalFor(WriteDenial.viewer)).toBe(RefusalReason.readOnly);
    expect(refusalFor(WriteDenial.locked)).toBe(RefusalReason.boardLocked);
    expect(refusalFor(WriteDenial.authorship)).toBe(RefusalReason.notAllowed);
    expect(refusalFor(WriteDenial.invalid)).toBe(RefusalReason.invalidUpdate);
  });
});

describe('checkWrite: authorship', () => {
  it("accepts a participant's note under their own name and id, refuses a forged one", () => {
    expect(new Pair().check(anna, 'g1', (d) => addItems(d, [note('Anna', 'p-anna')]))).toBeNull();
    expect(new Pair().check(anna, 'g1', (d) => addItems(d, [note('Bram', 'p-anna')]))).toBe(WriteDenial.authorship);
    expect(new Pair().check(anna, 'g1', (d) => addItems(d, [note('Anna', 'p-bram')]))).toBe(WriteDenial.authorship);
    expect(new Pair().check(anna, 'g1', (d) => addItems(d, [note('Anna')]))).toBe(WriteDenial.authorship);
    // The facilitator may put anything (an import, a note for the room).
    expect(new Pair().check(fac, 'g1', (d) => addItems(d, [note('', undefined)]))).toBeNull();
  });

  it("lets others move and retype someone's note but not take or blank its authorship", () => {
    const pair = new Pair();
    expect(pair.check(anna, 'g1', (d) => addItems(d, [note('Anna', 'p-anna')]))).toBeNull();
    const s = session();
    setBoardOpen(s, 'g1', true);
    const asBram = (edit: (d: Y.Doc) => void) =>
      checkWrite(writeContextFor(bram, s, 'g1'), pair.server, pair.edit(edit));
    expect(asBram((d) => updateItem(d, 'n1', { x: 300 }))).toBeNull();
    expect(asBram((d) => updateItem(d, 'n1', { text: 'Ook de wijkverpleging' }))).toBeNull();
    const pair2 = new Pair();
    pair2.check(anna, 'g1', (d) => addItems(d, [note('Anna', 'p-anna')]));
    expect(
      checkWrite(
        ctx(bram, 'plenair'),
        pair2.server,
        pair2.edit((d) => updateItem(d, 'n1', { author: 'Bram' })),
      ),
    ).toBe(WriteDenial.authorship);
    const pair3 = new Pair();
    pair3.check(anna, 'g1', (d) => addItems(d, [note('Anna', 'p-anna')]));
    expect(
      checkWrite(
        ctx(anna, 'g1'),
        pair3.server,
        pair3.edit((d) => updateItem(d, 'n1', { authorId: 'p-bram' })),
      ),
    ).toBe(WriteDenial.authorship);
    // The facilitator anonymises.
    expect(
      checkWrite(
        ctx(fac, 'g1'),
        pair3.server,
        pair3.edit((d) => updateItem(d, 'n1', { author: '' })),
      ),
    ).toBeNull();
  });

  it('replacing a whole item map counts as a new item', () => {
    const pair = new Pair();
    pair.check(anna, 'g1', (d) => addItems(d, [note('Anna', 'p-anna')]));
    const replaced = pair.edit((d) => {
      const m = new Y.Map<unknown>();
      d.getMap('items').set('n1', m);
      m.set('r', { ...note('Anna', 'p-anna'), text: undefined });
    });
    expect(checkWrite(ctx(bram, 'plenair'), pair.server, replaced)).toBe(WriteDenial.authorship);
  });

  it('checks answers the same way', () => {
    const answer = (author: string, authorId: string) => ({
      id: 'a1',
      questionId: 'q1',
      text: 'Korte lijnen',
      author,
      authorId,
    });
    expect(new Pair().check(anna, 'g1', (d) => addAnswer(d, answer('Anna', 'p-anna')))).toBeNull();
    expect(new Pair().check(anna, 'g1', (d) => addAnswer(d, answer('Bram', 'p-bram')))).toBe(WriteDenial.authorship);
    // Each case on a fresh pair: the server doc keeps what a case applied.
    const annasAnswer = () => {
      const pair = new Pair();
      pair.check(anna, 'g1', (d) => addAnswer(d, answer('Anna', 'p-anna')));
      return pair;
    };
    const verdict = (writer: Writer, edit: (d: Y.Doc) => void) => {
      const pair = annasAnswer();
      const changes = pair.edit(edit);
      expect(changes.length).toBeGreaterThan(0);
      return checkWrite(ctx(writer, 'plenair'), pair.server, changes);
    };
    // An answer is its writer's words: another participant neither retypes nor deletes it...
    expect(verdict(bram, (d) => editAnswer(d, 'a1', 'Lange lijnen'))).toBe(WriteDenial.authorship);
    expect(verdict(bram, (d) => deleteAnswer(d, 'a1'))).toBe(WriteDenial.authorship);
    // ...the writer and the facilitator do.
    expect(verdict(anna, (d) => editAnswer(d, 'a1', 'Kortere lijnen'))).toBeNull();
    expect(verdict(anna, (d) => deleteAnswer(d, 'a1'))).toBeNull();
    expect(verdict(fac, (d) => deleteAnswer(d, 'a1'))).toBeNull();
    const steal = (d: Y.Doc) => d.getMap('answers').set('a1', { ...answer('Bram', 'p-bram'), createdAt: 1 });
    expect(verdict(bram, steal)).toBe(WriteDenial.authorship);
    const blank = new Pair();
    blank.check(anna, 'g1', (d) => addAnswer(d, answer('Anna', 'p-anna')));
    const anonymise = blank.edit((d) => d.getMap('answers').set('a1', { ...answer('', 'p-anna'), createdAt: 1 }));
    expect(checkWrite(ctx(fac, 'g1'), blank.server, anonymise)).toBeNull();
  });
});

describe('checkWrite: fields and shape', () => {
  it('refuses settings from participants and accepts them from the facilitator', () => {
    expect(new Pair().check(anna, 'g1', (d) => updateSettings(d, { goal: 'Meer bewegen' }))).toBe(
      WriteDenial.facilitatorOnly,
    );
    expect(new Pair().check(anna, 'g1', (d) => updateSettings(d, { individualRound: true }))).toBe(
      WriteDenial.facilitatorOnly,
    );
    expect(new Pair().check(fac, 'g1', (d) => updateSettings(d, { goal: 'Meer bewegen' }))).toBeNull();
    // Even the facilitator writes settings the reader can read as they are.
    expect(new Pair().check(fac, 'g1', (d) => d.getMap('settings').set('colorBy', 'rainbow'))).toBe(
      WriteDenial.invalid,
    );
  });

  it("lets a participant's client stamp the schema version, nothing else in meta", () => {
    expect(new Pair().check(anna, 'g1', (d) => d.getMap('meta').set('schemaVersion', 2))).toBeNull();
    expect(new Pair().check(anna, 'g1', (d) => d.getMap('meta').set('schemaVersion', 7))).toBe(
      WriteDenial.facilitatorOnly,
    );
    expect(new Pair().check(fac, 'g1', (d) => d.getMap('meta').set('owner', 'x'))).toBe(WriteDenial.invalid);
  });

  it('lets a participant write only their own round entry', () => {
    const pair = new Pair();
    pair.check(fac, 'g1', (d) => addActor(d, { id: 'act1', name: 'GGD' }));
    expect(pair.check(anna, 'g1', (d) => assignActor(d, 'p-anna', 'act1', 'Anna'))).toBeNull();
    expect(pair.check(anna, 'g1', (d) => assignActor(d, 'p-bram', 'act1', 'Bram'))).toBe(WriteDenial.otherParticipant);
    expect(pair.check(fac, 'g1', (d) => assignActor(d, 'p-bram', 'act1', 'Bram'))).toBeNull();
    expect(
      pair.check(anna, 'g1', (d) => d.getMap('roundAssignments').set('p-anna', { actorId: 'geen', name: 'A' })),
    ).toBe(WriteDenial.invalid);
  });

  it('refuses unknown roots and nesting deeper than the model, from anyone', () => {
    expect(new Pair().check(fac, 'g1', (d) => d.getMap('stash').set('x', 1))).toBe(WriteDenial.invalid);
    expect(new Pair().check(fac, 'g1', (d) => d.getArray('items2').insert(0, [1]))).toBe(WriteDenial.invalid);
    const deep = new Pair();
    deep.server.getMap('actors').set('act1', new Y.Map());
    deep.server.getMap<Y.Map<unknown>>('actors').get('act1')!.set('extra', new Y.Map());
    expect(
      deep.check(fac, 'g1', (d) =>
        (d.getMap<Y.Map<unknown>>('actors').get('act1')!.get('extra') as Y.Map<unknown>).set('k', 1),
      ),
    ).toBe(WriteDenial.invalid);
    expect(
      new Pair().check(anna, 'g1', (d) => {
        const m = d.getMap('items').set('n1', new Y.Map<unknown>());
        m.set('r', note('Anna', 'p-anna'));
        m.set('nested', new Y.Map());
      }),
    ).toBe(WriteDenial.invalid);
  });

  it('refuses records the readers would drop', () => {
    expect(new Pair().check(anna, 'g1', (d) => addItems(d, [note('Anna', 'p-anna')]) && undefined)).toBeNull();
    const badNote = new Pair().check(anna, 'g1', (d) => {
      const m = d.getMap('items').set('n1', new Y.Map<unknown>());
      m.set('r', { ...note('Anna', 'p-anna'), x: 'links' });
    });
    expect(badNote).toBe(WriteDenial.invalid);
    const pair = new Pair();
    expect(pair.check(anna, 'g1', (d) => addActor(d, { id: 'act1', name: 'GGD' }))).toBeNull();
    expect(pair.check(anna, 'g1', (d) => setActorText(d, 'act1', 'bedoeling', 'Gezond opgroeien'))).toBeNull();
    expect(pair.check(anna, 'g1', (d) => d.getMap<Y.Map<unknown>>('actors').get('act1')!.set('houding', 5))).toBe(
      WriteDenial.invalid,
    );
    expect(pair.check(anna, 'g1', (d) => addRelation(d, { from: 'act1', to: 'weg' }))).toBe(WriteDenial.invalid);
    expect(pair.check(anna, 'g1', (d) => addForce(d, { side: 'bevorderend', text: 'Subsidie' }))).toBeNull();
    expect(
      pair.check(anna, 'g1', (d) => {
        const m = d.getMap('forces').set('f9', new Y.Map<unknown>());
        m.set('id', 'f9');
        m.set('side', 'zijwaarts');
      }),
    ).toBe(WriteDenial.invalid);
    expect(pair.check(anna, 'g1', (d) => d.getMap('answers').set('a1', { id: 'a1', text: 'geen vraag' }))).toBe(
      WriteDenial.invalid,
    );
  });

  it("lets a participant's client migrate a version 1 board, keeping each note's author", () => {
    const legacy = () => {
      const pair = new Pair();
      pair.server
        .getMap('notes')
        .set('oud1', { id: 'oud1', x: 1, y: 2, text: 'Van vroeger', color: '#fff3a3', author: 'Bram' });
      return pair;
    };
    expect(legacy().check(anna, 'g1', (d) => migrateBoardDoc(d, 'migration'))).toBeNull();
    // Not a way to put someone else's name on a new note: the authorship must be the old note's.
    const forged = legacy().check(anna, 'g1', (d) => {
      d.getMap('notes').delete('oud1');
      addItems(d, [{ ...note('Cas', 'p-cas'), id: 'oud1' }]);
    });
    expect(forged).toBe(WriteDenial.authorship);
  });

  it('checks the session doc: the facilitator only, boards that read back', () => {
    const pair = new Pair('session');
    expect(pair.check(anna, null, (d) => addBoard(d, { id: 'x', title: 'X', kind: 'group' }))).toBe(
      WriteDenial.facilitatorOnly,
    );
    expect(pair.check(fac, null, (d) => addBoard(d, { id: 'x2', title: 'X', kind: 'group' }))).toBeNull();
    expect(pair.check(fac, null, (d) => setBoardOpen(d, 'x2', true))).toBeNull();
    expect(pair.check(fac, null, (d) => d.getMap('boards').set('y', { id: 'y', kind: 'garden' }))).toBe(
      WriteDenial.invalid,
    );
    expect(pair.check(fac, null, (d) => d.getMap('secrets').set('y', 1))).toBe(WriteDenial.invalid);
  });
});
