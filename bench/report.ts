/**
 * `npm run bench:report`: the verslag of a big meeting (8 groups with 25 actors each,
 * with the 3 B's, forces, relations and answers; tips with votes; 24 grades) made by
 * the built server through GET /api/sessions/:id/report, timed per format, written to
 * its section of BENCHMARKS.md. Target (issue 6): DOCX and PDF each under 3 s.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import type { CreateSessionResponse, JoinResponse } from '../shared/api.ts';
import { addAnswer } from '../shared/model/board/answers.ts';
import { readGroups } from '../shared/model/meeting/groups.ts';
import { boardRoomName, PLENARY_BOARD_ID, sessionRoomName } from '../shared/protocol.ts';
import { fillGroupBoard } from '../test/fixtures/reportSession.ts';
import { benchClient, percentile, until } from './client.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const START = '<!-- bench:report:start -->';
const END = '<!-- bench:report:end -->';
const GROUPS = 8;
const ACTORS = 25;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const FORMATS = ['docx', 'pdf', 'html', 'md'] as const;

async function post<T>(base: string, p: string, body: unknown, token?: string): Promise<T> {
  const res = await fetch(base + p, {
    method: p.includes('/evaluation') ? 'PUT' : 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${p}: ${res.status} ${await res.text()}`);
  return (await res.json().catch(() => ({}))) as T;
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-report-'));
  const proc = spawn(process.execPath, [path.join(ROOT, 'dist/server/main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      NODE_ENV: 'production',
      // 24 people join from one address here.
      JOIN_ATTEMPTS_PER_MINUTE: '1000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      proc.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /"port":(\d+).*veldwerk listening/.exec(out);
        if (m) resolve(Number(m[1]));
      });
      proc.once('exit', () => reject(new Error(`server exited: ${out}`)));
    });
    const base = `http://127.0.0.1:${port}`;
    const ws = `ws://127.0.0.1:${port}/sync`;
    const s = await post<CreateSessionResponse>(base, '/api/sessions', {
      title: 'Netwerkbijeenkomst gezonde wijk',
      facilitatorName: 'Fatima de Vries',
      template: 'krachtenveld',
    });
    await post(base, `/api/sessions/${s.sessionId}/groups`, { count: GROUPS }, s.facilitatorToken);
    const ep = (room: string, token: string) => ({ serverUrl: ws, room, params: { token } });
    const session = benchClient(ep(sessionRoomName(s.sessionId), s.facilitatorToken));
    await session.synced;
    await until(() => readGroups(session.doc).groups.length === GROUPS);
    const clients = [session];
    // Each group's board filled as a group would (through a real sync connection).
    for (const [g, group] of readGroups(session.doc).groups.entries()) {
      const c = benchClient(ep(boardRoomName(s.sessionId, group.boardId), s.facilitatorToken));
      await c.synced;
      const local = new Y.Doc();
      fillGroupBoard(local, g, { actorsPerGroup: ACTORS });
      Y.applyUpdate(c.doc, Y.encodeStateAsUpdate(local));
      clients.push(c);
    }
    const plenary = benchClient(ep(boardRoomName(s.sessionId, PLENARY_BOARD_ID), s.facilitatorToken));
    await plenary.synced;
    for (let i = 0; i < 20; i++) {
      addAnswer(plenary.doc, {
        id: `tip${i}`,
        questionId: i % 2 ? 'p1' : 'p2',
        text: `Tip ${i + 1}: zorg voor één trekker en ken je netwerk`,
        authorId: 'f',
        author: 'Fatima',
      });
    }
    clients.push(plenary);
    for (let i = 0; i < 24; i++) {
      const p = await post<JoinResponse>(base, '/api/join', { joinCode: s.joinCode, name: `Deelnemer ${i + 1}` });
      await post(
        base,
        `/api/sessions/${s.sessionId}/evaluation`,
        { grade: 6 + (i % 4), quote: i % 5 ? '' : 'Interessant en afwisselend' },
        p.token,
      );
    }
    // Every change stored before we ask for the report.
    await new Promise((r) => setTimeout(r, 1000));
    for (const c of clients) c.destroy();

    const results: { format: string; ms: number[]; bytes: number }[] = [];
    for (const format of FORMATS) {
      const ms: number[] = [];
      let bytes = 0;
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        const res = await fetch(`${base}/api/sessions/${s.sessionId}/report?format=${format}`, {
          headers: { authorization: `Bearer ${s.facilitatorToken}` },
        });
        const body = await res.arrayBuffer();
        ms.push(performance.now() - t0);
        if (!res.ok) throw new Error(`report ${format}: ${res.status}`);
        bytes = body.byteLength;
      }
      results.push({ format, ms, bytes });
      console.log(format, ms.map((m) => m.toFixed(0)).join(' '), 'ms', bytes, 'bytes');
    }
    write(results);
  } finally {
    proc.kill('SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

function write(results: { format: string; ms: number[]; bytes: number }[]): void {
  const load = os.loadavg()[0]!.toFixed(1);
  const out = [
    START,
    '## The verslag of a big meeting (issue 6)',
    '',
    `Measured ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC with \`npm run bench:report\` on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}, load average ${load} at the end.`,
    `The built server (as \`npm start\` runs it) holds a meeting of ${GROUPS} groups with ${ACTORS} actors each (all placed`,
    "on the krachtenveld, with the 3 B's, typology, relations, 6 forces and 3 answers per group), 20 tips on the",
    'plenary board and 24 grades. Each format is fetched through `GET /api/sessions/:id/report` over loopback,',
    `${RUNS} times in a row; the time is from the request until the last byte arrived. The first run includes loading`,
    'the rooms and fonts. Each report holds every picture: 4 method views per group and the grade chart.',
    '',
    '| format | first run | median | slowest | size |',
    '|---|---|---|---|---|',
    ...results.map((r) => {
      const sorted = [...r.ms].sort((a, b) => a - b);
      return `| ${r.format.toUpperCase()} | ${(r.ms[0]! / 1000).toFixed(2)} s | ${(percentile(sorted, 50) / 1000).toFixed(2)} s | ${(sorted.at(-1)! / 1000).toFixed(2)} s | ${(r.bytes / 1024).toFixed(0)} KB |`;
    }),
    '',
    END,
  ].join('\n');
  const file = path.join(ROOT, 'BENCHMARKS.md');
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
  const next = current.includes(START)
    ? current.slice(0, current.indexOf(START)) + out + current.slice(current.indexOf(END) + END.length)
    : `${current.trimEnd()}\n\n${out}\n`;
  fs.writeFileSync(file, next);
}

await main();
