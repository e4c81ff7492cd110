import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { z } from 'zod';
import { readRecord, readRecords } from '../../shared/model/records.ts';

const Rec = z.object({ id: z.string().min(1), n: z.number() });

function mapWith(entries: [string, unknown][]): Y.Map<unknown> {
  const doc = new Y.Doc();
  const map = doc.getMap<unknown>('recs');
  for (const [k, v] of entries) map.set(k, v);
  return map;
}

describe('readRecords / readRecord', () => {
  it('keeps the valid records under their own id and skips the rest', () => {
    const map = mapWith([
      ['a', { id: 'a', n: 1 }],
      ['b', { id: 'b', n: 'two' }], // fails the schema
      ['c', { id: 'x', n: 3 }], // under another id
      ['d', 'not a record'],
      ['e', { id: 'e', n: 5 }],
    ]);
    expect(readRecords(map, Rec).sort((p, q) => p.id.localeCompare(q.id))).toEqual([
      { id: 'a', n: 1 },
      { id: 'e', n: 5 },
    ]);
    expect(readRecord(map, Rec, 'a')).toEqual({ id: 'a', n: 1 });
    expect(readRecord(map, Rec, 'b')).toBeNull();
    expect(readRecord(map, Rec, 'c')).toBeNull();
    expect(readRecord(map, Rec, 'nothing')).toBeNull();
  });

  it('reads at most max records', () => {
    const map = mapWith(Array.from({ length: 10 }, (_, i) => [`r${i}`, { id: `r${i}`, n: i }] as [string, unknown]));
    expect(readRecords(map, Rec, 3)).toHaveLength(3);
    expect(readRecords(map, Rec)).toHaveLength(10);
  });
});
