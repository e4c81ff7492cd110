/**
 * Data that does not outlive its purpose (issue 11): RETENTION_DAYS deletes a session
 * whose last activity is older, with every row of it, and nothing else; deleted rows are
 * overwritten in the file (secure_delete), so a name is not readable afterwards; manual
 * snapshots are limited per session. Real server, real SQLite.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { addItems } from '../../shared/model/board/commands.ts';
import { boardRoomName, PLENARY_BOARD_ID } from '../../shared/protocol.ts';
import { MANUAL_SNAPSHOTS_PER_MINUTE } from '../../server/api/routes.ts';
import { useHarness } from '../helpers/harness.ts';
import { api, createSessionWith } from '../helpers/server.ts';
import { waitFor } from '../helpers/yclient.ts';

const DAY = 24 * 3600 * 1000;
const TABLES = ['sessions', 'participants', 'updates', 'snapshots', 'quarantine', 'votes', 'evaluations'] as const;

function rowsOf(dataDir: string, sessionId: string): Record<(typeof TABLES)[number], number> {
  const db = new Database(path.join(dataDir, 'veldwerk.db'), { readonly: true });
  try {
    return Object.fromEntries(
      TABLES.map((t) => {
        const col = t === 'sessions' ? 'id' : 'session_id';
        const row = db.prepare(`SELECT COUNT(*) AS n FROM ${t} WHERE ${col} = ?`).get(sessionId) as { n: number };
        return [t, row.n];
      }),
    ) as Record<(typeof TABLES)[number], number>;
  } finally {
    db.close();
  }
}

describe('retention', () => {
  const h = useHarness();

  it('deletes a session inactive for longer than RETENTION_DAYS, every row of it, and nothing else', async () => {
    const first = await h.server({ env: { SNAPSHOT_INTERVAL_MINUTES: '0.001' } });
    const old = await createSessionWith(first.url, 'Oude bijeenkomst', ['Zeldzaamnaam Ouderwets']);
    const recent = await createSessionWith(first.url, 'Recente bijeenkomst', ['Bram']);
    for (const s of [old, recent]) {
      const c = h.client(first.wsUrl, boardRoomName(s.sessionId, PLENARY_BOARD_ID), s.facilitatorToken);
      await c.synced;
      const before = rowsOf(first.dataDir, s.sessionId).updates;
      addItems(c.doc, [
        { kind: 'note', id: 'n1', x: 0, y: 0, w: 180, h: 120, color: '#fff3a3', text: 'Geheime notitie Ouderwets' },
      ]);
      await waitFor(() => rowsOf(first.dataDir, s.sessionId).updates > before, 'stored');
      c.destroy();
    }
    await h.stop(first); // unload: snapshots and compaction
    expect(rowsOf(first.dataDir, old.sessionId).snapshots).toBeGreaterThan(0);

    // The old meeting's activity moves 40 days back.
    const db = new Database(path.join(first.dataDir, 'veldwerk.db'));
    const back = 40 * DAY;
    db.prepare('UPDATE sessions SET created_at = created_at - ? WHERE id = ?').run(back, old.sessionId);
    db.prepare('UPDATE participants SET created_at = created_at - ? WHERE session_id = ?').run(back, old.sessionId);
    db.prepare('UPDATE snapshots SET created_at = created_at - ? WHERE session_id = ?').run(back, old.sessionId);
    db.close();

    const second = await h.server({ dataDir: first.dataDir, env: { RETENTION_DAYS: '30' } });
    await waitFor(() => rowsOf(second.dataDir, old.sessionId).sessions === 0, 'the old session is deleted');
    expect(rowsOf(second.dataDir, old.sessionId)).toEqual(Object.fromEntries(TABLES.map((t) => [t, 0])));
    const kept = rowsOf(second.dataDir, recent.sessionId);
    expect(kept.sessions).toBe(1);
    expect(kept.participants).toBe(3); // facilitator, the projector's viewer identity, Bram
    expect(kept.updates).toBeGreaterThan(0);
    expect(kept.snapshots).toBeGreaterThan(0);
    const gone = await api(second.url, 'GET', `/api/sessions/${old.sessionId}`, undefined, old.facilitatorToken);
    expect(gone.status).toBe(404);
    const here = await api(second.url, 'GET', `/api/sessions/${recent.sessionId}`, undefined, recent.facilitatorToken);
    expect(here.status).toBe(200);

    // secure_delete: the deleted name and note are not left readable in the file.
    await h.stop(second);
    const bytes = Buffer.concat(
      ['veldwerk.db', 'veldwerk.db-wal']
        .map((f) => path.join(first.dataDir, f))
        .filter((f) => fs.existsSync(f))
        .map((f) => fs.readFileSync(f)),
    );
    expect(bytes.includes(Buffer.from('Zeldzaamnaam Ouderwets'))).toBe(false);
  });

  it('without RETENTION_DAYS nothing is deleted', async () => {
    const first = await h.server();
    const s = await createSessionWith(first.url, 'Blijft altijd');
    await h.stop(first);
    const db = new Database(path.join(first.dataDir, 'veldwerk.db'));
    db.prepare('UPDATE sessions SET created_at = created_at - ?').run(4000 * DAY);
    db.prepare('UPDATE participants SET created_at = created_at - ?').run(4000 * DAY);
    db.close();
    const second = await h.server({ dataDir: first.dataDir });
    expect(second.server.retention).toBeNull();
    expect(rowsOf(second.dataDir, s.sessionId).sessions).toBe(1);
  });
});

describe('manual snapshots', () => {
  const h = useHarness();

  it(`are limited to ${MANUAL_SNAPSHOTS_PER_MINUTE} a minute per session`, async () => {
    const server = await h.server();
    const s = await createSessionWith(server.url, 'Geschiedenis');
    const statuses: number[] = [];
    for (let i = 0; i < MANUAL_SNAPSHOTS_PER_MINUTE + 2; i++) {
      statuses.push(
        (await api(server.url, 'POST', `/api/sessions/${s.sessionId}/snapshots`, undefined, s.facilitatorToken)).status,
      );
    }
    expect(statuses).toEqual([...Array(MANUAL_SNAPSHOTS_PER_MINUTE).fill(201), 429, 429]);
  });
});
