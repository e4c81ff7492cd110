/**
 * Structural sharing of snapshots (issue 16): a new read of the same data gives the same
 * objects, so the meeting store's selectors see a part as unchanged by identity.
 */
import { describe, expect, it } from 'vitest';
import { keepUnchanged } from '../../client/src/base/keepUnchanged.ts';

const live = () => ({
  timer: { status: 'running' as string, endsAt: 1000 },
  privateMode: { on: false, revealedAt: 0 },
  merges: { a: 'b' } as Record<string, string>,
  spotlight: null as { boardId: string } | null,
});

describe('keepUnchanged', () => {
  it('gives the previous value itself when the new read is equal', () => {
    const prev = { live: live(), people: [{ id: 'p1', name: 'Anna' }] };
    const next = { live: live(), people: [{ id: 'p1', name: 'Anna' }] };
    expect(keepUnchanged(prev, next)).toBe(prev);
  });

  it('keeps the unchanged parts and gives the changed ones anew', () => {
    const prev = live();
    const next = { ...live(), timer: { status: 'paused', endsAt: 1000 } };
    const kept = keepUnchanged(prev, next);
    expect(kept).not.toBe(prev);
    expect(kept).toEqual(next);
    expect(kept.timer).not.toBe(prev.timer);
    expect(kept.privateMode).toBe(prev.privateMode);
    expect(kept.merges).toBe(prev.merges);
  });

  it('compares arrays item by item, and sees added, removed and reordered items', () => {
    const a = { id: 'a' };
    const b = { id: 'b' };
    const prev = [a, b];
    const longer = keepUnchanged(prev, [{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
    expect(longer).not.toBe(prev);
    expect(longer[0]).toBe(a);
    expect(longer[1]).toBe(b);
    expect(keepUnchanged(prev, [{ id: 'a' }])).toEqual([{ id: 'a' }]);
    const swapped = keepUnchanged(prev, [{ id: 'b' }, { id: 'a' }]);
    expect(swapped).toEqual([b, a]);
    expect(swapped).not.toBe(prev);
  });

  it('sees a key that appears or goes, and a value that turns null', () => {
    const prev: Record<string, unknown> = { x: 1, y: { z: 2 } };
    expect(keepUnchanged(prev, { x: 1 })).toEqual({ x: 1 });
    expect(keepUnchanged(prev, { x: 1, y: { z: 2 }, w: 3 })).toEqual({ x: 1, y: { z: 2 }, w: 3 });
    expect(keepUnchanged(prev, { x: 1, y: null })).toEqual({ x: 1, y: null });
    expect(keepUnchanged({ s: live().spotlight }, { s: { boardId: 'b1' } })).toEqual({ s: { boardId: 'b1' } });
  });

  it('compares what is not a plain object or array by identity', () => {
    const map = new Map([[1, 2]]);
    expect(keepUnchanged({ m: map }, { m: new Map([[1, 2]]) }).m).not.toBe(map);
    expect(keepUnchanged(NaN, NaN)).toBeNaN();
  });
});
