/**
 * Faults at start (issue 11): a damaged database stops the start with a message naming
 * the file and what to do (instead of rooms that fail to load and retry forever), and a
 * data folder the server may not write gives one clear line naming the folder instead of
 * a stack trace. The real server as a child process.
 */
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createSessionWith, startTestServer, tempDir } from '../helpers/server.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');

/** Runs server/main.ts until it exits (these starts must fail); resolves its exit code and output. */
async function startExpectingExit(env: Record<string, string>, opts: { uid?: number; gid?: number } = {}) {
  return run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    timeout: 30_000,
    ...opts,
  }).then(
    (r) => ({ code: 0, stderr: r.stderr, stdout: r.stdout }),
    (err: { code: number; stderr: string; stdout: string }) => err,
  );
}

describe('faults at start', () => {
  it('refuses to start on a damaged database, naming the file and what to do', async () => {
    const dataDir = tempDir();
    const server = await startTestServer({ dataDir });
    await createSessionWith(server.url, 'Wordt beschadigd', ['Anna', 'Bram']);
    await server.close();
    const file = path.join(dataDir, 'veldwerk.db');
    // Keep the header page, damage the pages after it.
    const size = fs.statSync(file).size;
    expect(size).toBeGreaterThan(8192);
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, crypto.randomBytes(size - 4096), 0, size - 4096, 4096);
    fs.closeSync(fd);

    const result = await startExpectingExit({ DATA_DIR: dataDir });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`The database ${file} is damaged`);
    expect(result.stderr).toMatch(/backup/);
    expect(result.stderr).not.toMatch(/\n\s+at /); // one message, no stack trace
  });

  it('says which data folder it cannot write, in one line', async () => {
    const dataDir = tempDir();
    fs.chmodSync(dataDir, 0o755); // owned by root: not writable for "nobody"
    const result = await startExpectingExit({ DATA_DIR: dataDir }, { uid: 65534, gid: 65534 });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`cannot write its data folder ${dataDir}`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
