import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Origin } from '../../shared/model/doc.ts';
import {
  BOARD_SCHEMA_VERSION,
  BoardReader,
  boardSchemaVersion,
  migrateBoardDoc,
  readBoard,
} from '../../shared/model/board/index.ts';
import { futureBoard, malformedV2Board, v1Board } from '../fixtures/boardDocs.ts';

describe('board migrations', () => {
  it('an empty doc is version 0 and becomes current', () => {
    const doc = new Y.Doc();
    expect(boardSchemaVersion(doc)).toBe(0);
    expect(migrateBoardDoc(doc, Origin.migration)).toBe(0);
    expect(boardSchemaVersion(doc)).toBe(BOARD_SCHEMA_VERSION);
  });

  it('version 1 notes are readable before and after migration, with the same content', () => {
    const doc = v1Board();
    expect(boardSchemaVersion(doc)).toBe(1);
    const before = readBoard(doc).items.map((i) => ({ ...i, z: 0 }));
    expect(before.map((i) => i.id).sort()).toEqual(['n1', 'n2', 'n3']);
    expect(migrateBoardDoc(doc, Origin.migration)).toBe(1);
    expect(boardSchemaVersion(doc)).toBe(2);
    expect(doc.getMap('notes').size).toBe(0);
    const after = readBoard(doc).items.map((i) => ({ ...i, z: 0 }));
    expect(after).toEqual(before);
    expect(after.find((i) => i.id === 'n3')).toMatchObject({
      kind: 'note',
      color: '#fff3a3',
      author: '',
      text: 'kleur onbekend',
    });
  });

  it('a reader open during the migration follows it', () => {
    const doc = v1Board();
    const reader = new BoardReader(doc);
    expect(reader.getSnapshot().schemaVersion).toBe(1);
    migrateBoardDoc(doc, Origin.migration);
    expect(reader.getSnapshot().schemaVersion).toBe(2);
    expect(reader.getSnapshot().items).toEqual(readBoard(doc).items);
    reader.destroy();
  });

  it('two clients migrating at once end with one copy of each note', () => {
    const a = v1Board();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    migrateBoardDoc(a, Origin.migration);
    migrateBoardDoc(b, Origin.migration);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readBoard(a).items.map((i) => i.id)).toEqual(readBoard(b).items.map((i) => i.id));
    expect(readBoard(a).items).toHaveLength(3);
  });

  it('migrating twice changes nothing the second time', () => {
    const doc = v1Board();
    migrateBoardDoc(doc, Origin.migration);
    const state = Y.encodeStateVector(doc);
    migrateBoardDoc(doc, Origin.migration);
    expect(Y.encodeStateVector(doc)).toEqual(state);
  });

  it('malformed records are repaired or skipped, never thrown', () => {
    const doc = malformedV2Board();
    const ids = readBoard(doc)
      .items.map((i) => i.id)
      .sort();
    expect(ids).toEqual(['arrow-dangling', 'ok', 'plain', 'repair']);
    const repaired = readBoard(doc).byId.get('repair');
    expect(repaired).toMatchObject({ kind: 'note', w: 180, text: '', color: '#fff3a3', view: 'canvas' });
    // The incremental reader agrees with the full read.
    const reader = new BoardReader(doc);
    expect(
      reader
        .getSnapshot()
        .items.map((i) => i.id)
        .sort(),
    ).toEqual(ids);
    reader.destroy();
  });

  it('a doc from a future version is read as far as possible and never downgraded', () => {
    const doc = futureBoard();
    expect(migrateBoardDoc(doc, Origin.migration)).toBe(99);
    expect(boardSchemaVersion(doc)).toBe(99);
    expect(readBoard(doc).items.map((i) => i.id)).toEqual(['f1']);
  });
});
