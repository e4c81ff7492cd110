import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  initSessionDoc,
  isBoardLocked,
  readBoard,
  readSession,
  setBoardLocked,
} from '../../shared/model/sessionDoc.ts';

describe('session doc', () => {
  it('starts with the title and an unlocked plenary board', () => {
    const doc = new Y.Doc();
    initSessionDoc(doc, { title: 'Gezonde wijk', createdAt: 42 });
    expect(readSession(doc)).toEqual({
      schemaVersion: 1,
      title: 'Gezonde wijk',
      createdAt: 42,
      boards: [{ id: 'plenair', title: 'Plenair', kind: 'plenary', locked: false, open: false, order: 0 }],
    });
  });

  it('locks and unlocks a board', () => {
    const doc = new Y.Doc();
    initSessionDoc(doc, { title: 'x', createdAt: 0 });
    setBoardLocked(doc, 'plenair', true);
    expect(isBoardLocked(doc, 'plenair')).toBe(true);
    setBoardLocked(doc, 'plenair', false);
    expect(isBoardLocked(doc, 'plenair')).toBe(false);
    setBoardLocked(doc, 'nope', true); // unknown board: nothing happens
    expect(readBoard(doc, 'nope')).toBeNull();
  });

  it('skips malformed board records instead of crashing', () => {
    const doc = new Y.Doc();
    initSessionDoc(doc, { title: 'x', createdAt: 0 });
    const boards = doc.getMap<unknown>('boards');
    boards.set('evil', { id: 'evil', title: 5, kind: 'group' });
    boards.set('mismatch', { id: 'other', title: 'x', kind: 'group' });
    boards.set('bad/id', { id: 'bad/id', title: 'x', kind: 'group' });
    boards.set('null', null);
    doc.getMap<unknown>('meta').set('title', { not: 'a string' });
    const s = readSession(doc);
    expect(s.boards.map((b) => b.id)).toEqual(['plenair']);
    expect(s.title).toBe('');
  });
});
