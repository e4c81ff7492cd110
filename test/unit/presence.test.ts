import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { Awareness } from 'y-protocols/awareness';
import { exportFileName, safeRasterScale } from '../../client/src/features/export/exportBoard.ts';
import { followViewport, sameViewport } from '../../client/src/base/presence/follow.ts';
import { PeerStore } from '../../client/src/base/presence/PeerStore.ts';
import { PresencePublisher, PUBLISH_INTERVAL_MS } from '../../client/src/base/presence/PresencePublisher.ts';
import {
  FALLBACK_COLOR,
  MAX_PUBLISHED_SELECTION,
  initials,
  parsePeerState,
  readPeers,
  toPublished,
} from '../../client/src/base/presence/presenceState.ts';
import { stepToward } from '../../client/src/base/presence/smoothing.ts';

const anna = { id: 'p1', name: 'Anna de Vries', role: 'participant', color: '#1f7a8c' };

describe('reading presence states', () => {
  it('parses a full state', () => {
    const peer = parsePeerState(7, {
      user: anna,
      cursor: { x: 10, y: -20 },
      selection: ['a1', 'b2'],
      viewport: { x: 1, y: 2, scale: 0.5, width: 800, height: 600 },
    });
    expect(peer).toEqual({
      clientId: 7,
      user: anna,
      cursor: { x: 10, y: -20 },
      selection: ['a1', 'b2'],
      viewport: { x: 1, y: 2, scale: 0.5, width: 800, height: 600 },
    });
  });

  it('drops bad fields of hostile states and skips states without a user', () => {
    const peer = parsePeerState(1, {
      user: { ...anna, color: 'red; background:url(x)', name: '   ' },
      cursor: { x: Infinity, y: 0 },
      selection: ['ok', 42, '../etc', 'x'.repeat(200), null],
      viewport: { x: 0, y: 0, scale: 0, width: 800, height: 600 },
    });
    expect(peer).toEqual({ clientId: 1, user: { ...anna, color: FALLBACK_COLOR, name: '?' }, selection: ['ok'] });
    expect(parsePeerState(2, { cursor: { x: 1, y: 1 } })).toBeNull();
    expect(parsePeerState(3, { user: { ...anna, role: 'admin' } })).toBeNull();
    expect(parsePeerState(4, null)).toBeNull();
    expect(parsePeerState(5, { user: anna, selection: new Array(5000).fill('a') })?.selection).toEqual([]);
  });

  it('lists everyone but me, by name', () => {
    const states = new Map<number, unknown>([
      [1, { user: { ...anna, name: 'Zoë' } }],
      [2, { user: { ...anna, name: 'Bram' } }],
      [3, { user: { ...anna, name: 'Ik' } }],
      [4, {}],
    ]);
    expect(readPeers(states, 3).map((p) => p.user.name)).toEqual(['Bram', 'Zoë']);
  });

  it('rounds and caps what it publishes', () => {
    const ids = Array.from({ length: 900 }, (_, i) => `id${i}`);
    const p = toPublished({ x: 1.234, y: 5.678 }, ids, { x: 0.04, y: 1, scale: 0.123456, width: 800.4, height: 600 });
    expect(p.cursor).toEqual({ x: 1.2, y: 5.7 });
    expect(p.selection).toHaveLength(MAX_PUBLISHED_SELECTION);
    expect(p.viewport).toEqual({ x: 0, y: 1, scale: 0.1235, width: 800, height: 600 });
    expect(JSON.stringify(p).length).toBeLessThan(16 * 1024);
    expect(toPublished({ x: NaN, y: 0 }, [], null).cursor).toBeNull();
  });

  it('makes initials', () => {
    expect(initials('Anna de Vries')).toBe('AV');
    expect(initials('mo')).toBe('MO');
    expect(initials('Fien Jansen (GGD)')).toBe('FJ');
    expect(initials('(GGD)')).toBe('?');
    expect(initials('  ')).toBe('?');
    expect(initials('Élodie 👩🏽‍⚕️')).toBe('ÉL'); // an emoji is no initial
  });
});

describe('following a view', () => {
  it('shows the centre of their screen, zoomed to fit what they see on mine', () => {
    const theirs = { x: -1000, y: -500, scale: 1, width: 1600, height: 900 };
    // Their centre is world (1800, 950).
    const mine = followViewport(theirs, { width: 800, height: 900 })!;
    expect(mine.scale).toBeCloseTo(0.5);
    expect((400 - mine.x) / mine.scale).toBeCloseTo(1800);
    expect((450 - mine.y) / mine.scale).toBeCloseTo(950);
    expect(followViewport(theirs, { width: 0, height: 0 })).toBeNull();
    expect(followViewport({ ...theirs, scale: 50 }, { width: 1600, height: 900 }, (s) => Math.min(4, s))!.scale).toBe(
      4,
    );
    expect(sameViewport({ x: 1, y: 1, scale: 1 }, { x: 1.2, y: 0.9, scale: 1 })).toBe(true);
    expect(sameViewport({ x: 1, y: 1, scale: 1 }, null)).toBe(false);
  });
});

describe('cursor smoothing', () => {
  it('moves part of the way each frame, arrives, and jumps far moves', () => {
    const a = stepToward({ x: 0, y: 0 }, { x: 100, y: 0 }, 16);
    expect(a.x).toBeGreaterThan(10);
    expect(a.x).toBeLessThan(60);
    let p = { x: 0, y: 0 };
    for (let i = 0; i < 40; i++) p = stepToward(p, { x: 100, y: 0 }, 16);
    expect(p).toEqual({ x: 100, y: 0 });
    expect(stepToward({ x: 0, y: 0 }, { x: 5000, y: 0 }, 16, 1000)).toEqual({ x: 5000, y: 0 });
  });
});

describe('publishing and reading through a real awareness', () => {
  beforeEach(() => {
    let t = 0;
    vi.stubGlobal('requestAnimationFrame', (fn: FrameRequestCallback) => setTimeout(() => fn((t += 16)), 16));
    vi.stubGlobal('cancelAnimationFrame', (id: ReturnType<typeof setTimeout>) => clearTimeout(id));
  });
  afterEach(() => vi.unstubAllGlobals());

  it('throttles my updates, keeps the user field, and the other side sees them once per frame', async () => {
    const docA = new Y.Doc();
    const docB = new Y.Doc();
    const a = new Awareness(docA);
    const b = new Awareness(docB);
    // Wire the two awarenesses like a server would (updates both ways).
    const { encodeAwarenessUpdate, applyAwarenessUpdate } = await import('y-protocols/awareness');
    a.on('update', ({ added, updated, removed }: Record<string, number[]>) =>
      applyAwarenessUpdate(b, encodeAwarenessUpdate(a, [...added!, ...updated!, ...removed!]), 'a'),
    );
    a.setLocalStateField('user', anna);
    let sent = 0;
    a.on('update', () => sent++);

    const publisher = new PresencePublisher(a);
    const start = performance.now();
    for (let i = 0; i < 50; i++) publisher.setCursor({ x: i, y: i });
    publisher.setSelection(['n1']);
    publisher.setViewport({ x: 0, y: 0, scale: 1, width: 800, height: 600 });
    await new Promise((r) => setTimeout(r, 200));
    const elapsed = performance.now() - start;
    expect(sent).toBeGreaterThanOrEqual(1);
    expect(sent).toBeLessThanOrEqual(Math.ceil(elapsed / PUBLISH_INTERVAL_MS) + 1);
    expect(a.getLocalState()).toMatchObject({ user: anna, cursor: { x: 49, y: 49 }, selection: ['n1'] });

    const store = new PeerStore(b);
    let notified = 0;
    const unsubscribe = store.subscribe(() => notified++);
    expect(store.getPeers()).toEqual([
      {
        clientId: a.clientID,
        user: anna,
        cursor: { x: 49, y: 49 },
        selection: ['n1'],
        viewport: { x: 0, y: 0, scale: 1, width: 800, height: 600 },
      },
    ]);
    const before = store.getPeers();
    publisher.setCursor({ x: 1, y: 2 });
    await new Promise((r) => setTimeout(r, 150));
    expect(notified).toBe(1);
    expect(store.getPeers()).not.toBe(before);
    expect(store.getPeers()[0]?.cursor).toEqual({ x: 1, y: 2 });

    publisher.withdraw();
    expect(a.getLocalState()).toEqual({ user: anna });
    unsubscribe();
    a.destroy();
    b.destroy();
  });
});

describe('export file names', () => {
  it('uses safe characters and the date in the Netherlands', () => {
    const d = new Date(Date.UTC(2026, 2, 7, 12, 30));
    // 23:30 UTC is already the next day in Amsterdam.
    expect(exportFileName('Bord', 'png', new Date(Date.UTC(2026, 2, 7, 23, 30)))).toBe('veldwerk-bord-2026-03-08.png');
    expect(exportFileName('Gezonde wijk Noord: één bord!', 'png', d)).toBe(
      'veldwerk-gezonde-wijk-noord-een-bord-2026-03-07.png',
    );
    expect(exportFileName('../../etc/passwd', 'svg', d)).toBe('veldwerk-etc-passwd-2026-03-07.svg');
    expect(exportFileName('<script>', 'svg', d)).toBe('veldwerk-script-2026-03-07.svg');
    expect(exportFileName('مرحبا 👋', 'png', d)).toBe('veldwerk-bord-2026-03-07.png');
    expect(exportFileName('x'.repeat(200), 'png', d)).toMatch(/^veldwerk-x{60}-2026-03-07\.png$/);
  });

  it('keeps a raster within what a canvas can hold', () => {
    expect(safeRasterScale(1000, 800, 2)).toBe(2);
    expect(safeRasterScale(20_000, 1000, 2) * 20_000).toBeLessThanOrEqual(16_384);
    const s = safeRasterScale(10_000, 10_000, 2);
    expect(10_000 * s * 10_000 * s).toBeLessThanOrEqual(64 * 1024 * 1024 + 1);
  });
});
