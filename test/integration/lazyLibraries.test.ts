/**
 * Light at rest (issue 14): the built server (`node dist/server/main.js`, as `npm start`
 * runs it) starts without the report, export and import libraries, and loads each when
 * it is first used, from its own chunk of the bundle. Every module the process resolves is
 * recorded by a loader hook (helpers/recordImports.mjs). `npm test` builds first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateSessionResponse } from '../../shared/api.ts';
import { PLENARY_BOARD_ID } from '../../shared/protocol.ts';
import { api, tempDir } from '../helpers/server.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const HEAVY = ['docx', 'pdfkit', 'svg-to-pdfkit', '@resvg/resvg-js', 'exceljs'];

let proc: ChildProcess;
let url: string;
let importLog: string;
const loaded = () => new Set(fs.readFileSync(importLog, 'utf8').split('\n').filter(Boolean));

beforeAll(async () => {
  const dataDir = tempDir();
  importLog = path.join(dataDir, 'imports.log');
  fs.writeFileSync(importLog, '');
  proc = spawn(
    process.execPath,
    ['--import', path.join(ROOT, 'test/helpers/recordImports.mjs'), path.join(ROOT, 'dist/server/main.js')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'info',
        NODE_ENV: 'production',
        VELDWERK_IMPORT_LOG: importLog,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 20_000);
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /"port":(\d+).*veldwerk listening/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    proc.once('exit', () => reject(new Error(`server exited:\n${out}`)));
  });
  url = `http://127.0.0.1:${port}`;
});
afterAll(() => {
  proc?.kill('SIGKILL');
});

describe('the built server at rest', () => {
  it('starts without the report, export and import libraries, and loads them when first used', async () => {
    const atStart = loaded();
    // The hook does see what the server loads from outside its bundle (SQLite's addon).
    expect([...atStart].some((m) => m.endsWith('better_sqlite3.node'))).toBe(true);
    for (const pkg of HEAVY) expect(atStart.has(pkg), `${pkg} loaded at start`).toBe(false);
    expect(atStart.has('ioredis'), 'Redis client loaded without REDIS_URL').toBe(false); // issue 13

    const created = await api<CreateSessionResponse>(url, 'POST', '/api/sessions', { title: 'Rustig' });
    expect(created.status).toBe(201);
    const token = created.body.facilitatorToken;
    const pdf = await fetch(`${url}/api/sessions/${created.body.sessionId}/report?format=pdf`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const afterPdf = loaded();
    expect(afterPdf.has('pdfkit')).toBe(true);
    expect(afterPdf.has('docx')).toBe(false);
    expect(afterPdf.has('exceljs')).toBe(false);

    const docx = await fetch(`${url}/api/sessions/${created.body.sessionId}/report?format=docx`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(docx.status).toBe(200);
    expect(
      Buffer.from(await docx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    expect(loaded().has('docx')).toBe(true);

    const xlsx = await fetch(
      `${url}/api/sessions/${created.body.sessionId}/boards/${PLENARY_BOARD_ID}/actors?format=xlsx`,
      { headers: { authorization: `Bearer ${token}` } },
    );
    expect(xlsx.status).toBe(200);
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    expect(loaded().has('exceljs')).toBe(true);
  });
});
