/**
 * The session export and the verslag of a session with a damaged stored row that no
 * room has loaded since: both answer (200), the row is quarantined on the way (never
 * skipped silently, never a 500), and everything else of the board is in them. Real
 * server, real SQLite, restarted on the same data dir.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { addItems } from '../../shared/model/board/commands.ts';
import { boardRoomName, PLENARY_BOARD_ID } from '../../shared/protocol.ts';
import { useHarness } from '../helpers/harness.ts';
import { createSessionWith } from '../helpers/server.ts';
import { waitFor } from '../helpers/yclient.ts';

const GARBAGE = Buffer.from([0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
const note = (i: number) => ({
  kind: 'note' as const,
  id: `n${i}`,
  x: i * 200,
  y: 0,
  w: 180,
  h: 120,
  color: '#fff3a3' as const,
  text: `Notitie ${i}`,
});

describe('export and verslag with a damaged row', () => {
  const h = useHarness();

  it('answer 200, quarantine the row, and hold the rest of the board', async () => {
    const first = await h.server({ env: { COMPACT_AFTER_UPDATES: '1000' } });
    const s = await createSessionWith(first.url, 'Beschadigd');
    const room = boardRoomName(s.sessionId, PLENARY_BOARD_ID);
    const c = h.client(first.wsUrl, room, s.facilitatorToken);
    await c.synced;
    for (let i = 0; i < 4; i++) addItems(c.doc, [note(i)]);
    const rows = () => {
      const db = new Database(path.join(first.dataDir, 'veldwerk.db'), { readonly: true });
      try {
        return db.prepare<[string], { seq: number }>('SELECT seq FROM updates WHERE room = ? ORDER BY seq').all(room);
      } finally {
        db.close();
      }
    };
    await waitFor(() => rows().length >= 4, 'four notes stored');
    c.destroy();
    await h.stop(first); // the board unloads: compaction merges the rows into one
    const db = new Database(path.join(first.dataDir, 'veldwerk.db'));
    // A row appended after the compaction, then made unreadable on disk.
    const last = rows().at(-1)!.seq;
    db.prepare(
      'INSERT INTO updates (room, session_id, data) SELECT room, session_id, ? FROM updates WHERE seq = ?',
    ).run(GARBAGE, last);
    db.close();

    const second = await h.server({ dataDir: first.dataDir });
    const exported = await fetch(`${second.url}/api/sessions/${s.sessionId}/export`, {
      headers: { authorization: `Bearer ${s.facilitatorToken}` },
    });
    expect(exported.status).toBe(200);
    const file = (await exported.json()) as { content: Record<string, { items?: { text?: string }[] }> };
    const texts = JSON.stringify(file.content);
    for (let i = 0; i < 4; i++) expect(texts).toContain(`Notitie ${i}`);

    const report = await fetch(`${second.url}/api/sessions/${s.sessionId}/report?format=md`, {
      headers: { authorization: `Bearer ${s.facilitatorToken}` },
    });
    expect(report.status).toBe(200);

    const check = new Database(path.join(first.dataDir, 'veldwerk.db'), { readonly: true });
    try {
      const q = check.prepare('SELECT room FROM quarantine').all() as { room: string }[];
      expect(q).toEqual([{ room }]);
    } finally {
      check.close();
    }
    const metrics = await fetch(`${second.url}/metrics`).then((r) => r.text());
    expect(metrics).toMatch(/^veldwerk_quarantined_rows_total 1$/m);
  });
});
