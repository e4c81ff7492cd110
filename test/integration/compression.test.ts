/**
 * Light on the wire (issue 14): the built client's files go out precompressed (brotli or
 * gzip, by `Accept-Encoding`) with the original's type, `Vary: Accept-Encoding` and the
 * security headers; hashed assets are cached for good, the page is revalidated. Real
 * server on the built client in dist/ (`npm test` builds first), raw HTTP (no client
 * that decodes for us).
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_DIST } from '../../server/app.ts';
import { acceptedEncodings } from '../../server/http/staticFiles.ts';
import { boardRoomName, PLENARY_BOARD_ID } from '../../shared/protocol.ts';
import { markLong } from '../helpers/marks.ts';
import { createSessionWith, startTestServer, type TestServer } from '../helpers/server.ts';
import { connectClient } from '../helpers/yclient.ts';

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

function get(url: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

/** The biggest script of the build: the board page's chunk. */
function biggestScript(): string {
  const dir = path.join(CLIENT_DIST, 'assets');
  const scripts = fs.readdirSync(dir).filter((f) => f.endsWith('.js'));
  const [biggest] = scripts.sort((a, b) => fs.statSync(path.join(dir, b)).size - fs.statSync(path.join(dir, a)).size);
  if (!biggest) throw new Error('no built client: run npm run build');
  return biggest;
}

let s: TestServer;
let script: string;
let original: Buffer;
beforeAll(async () => {
  s = await startTestServer();
  script = biggestScript();
  original = fs.readFileSync(path.join(CLIENT_DIST, 'assets', script));
});
afterAll(() => s.close());

function expectSecurityHeaders(res: Raw) {
  expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['x-frame-options']).toBe('DENY');
}

describe('the built client on the wire', () => {
  it('sends a hashed script brotli-compressed to a client that takes br, and it decodes to the file', async () => {
    const res = await get(`${s.url}/assets/${script}`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expectSecurityHeaders(res);
    expect(res.body.length).toBeLessThan(original.length / 2);
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(zlib.brotliDecompressSync(res.body).equals(original)).toBe(true);
  });

  it('sends gzip to a client that takes gzip but not br', async () => {
    const res = await get(`${s.url}/assets/${script}`, { 'accept-encoding': 'br;q=0, gzip' });
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(zlib.gunzipSync(res.body).equals(original)).toBe(true);
  });

  it('sends the file as it is without Accept-Encoding, still cached for good', async () => {
    const res = await get(`${s.url}/assets/${script}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.headers['content-type']).toMatch(/^text\/javascript/);
    expect(res.headers['vary']).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expectSecurityHeaders(res);
    expect(res.body.equals(original)).toBe(true);
  });

  it('sends the stylesheet compressed with its own type', async () => {
    const css = fs.readdirSync(path.join(CLIENT_DIST, 'assets')).find((f) => f.endsWith('.css'))!;
    const res = await get(`${s.url}/assets/${css}`, { 'accept-encoding': 'br' });
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/^text\/css/);
    expect(zlib.brotliDecompressSync(res.body).equals(fs.readFileSync(path.join(CLIENT_DIST, 'assets', css)))).toBe(
      true,
    );
  });

  it('serves the page for every client route with no-cache, compressed when asked', async () => {
    const page = fs.readFileSync(path.join(CLIENT_DIST, 'index.html'));
    for (const route of ['/', '/s/abc', '/join/XYZ']) {
      const res = await get(s.url + route, { 'accept-encoding': 'br' });
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expectSecurityHeaders(res);
      const body = res.headers['content-encoding'] === 'br' ? zlib.brotliDecompressSync(res.body) : res.body;
      expect(body.equals(page)).toBe(true);
    }
    const plain = await get(`${s.url}/`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe('no-cache');
    expect(plain.body.equals(page)).toBe(true);
  });

  it('answers a missing asset with 404, not a compressed variant of something else', async () => {
    const res = await get(`${s.url}/assets/nope-123.js`, { 'accept-encoding': 'br' });
    expect(res.status).toBe(404);
    expect(res.headers['content-encoding']).toBeUndefined();
  });

  it('keeps the path inside the built client', async () => {
    const res = await get(`${s.url}/assets/..%2f..%2fpackage.json`, { 'accept-encoding': 'br' });
    expect(res.status).toBe(404);
  });
});

describe('big API answers', () => {
  it('sends the session file gzip-compressed to a client that takes gzip, and as it is to one that does not', async () => {
    const session = await createSessionWith(s.url, 'Groot');
    const room = boardRoomName(session.sessionId, PLENARY_BOARD_ID);
    const c = connectClient(s.wsUrl, room, session.facilitatorToken);
    await c.synced;
    markLong(c.doc, 'lang', 'Wijkverpleging en huisartsen overleggen elke week. '.repeat(300));
    const exportUrl = `${s.url}/api/sessions/${session.sessionId}/export`;
    const auth = { authorization: `Bearer ${session.facilitatorToken}` };
    let plain: Raw | undefined;
    for (let i = 0; i < 50; i++) {
      plain = await get(exportUrl, auth);
      if (plain.body.length > 8 * 1024) break;
      await new Promise((r) => setTimeout(r, 100)); // the long text is still on its way to the server
    }
    c.destroy();
    expect(plain!.status).toBe(200);
    expect(plain!.headers['content-encoding']).toBeUndefined();
    expect(plain!.body.length).toBeGreaterThan(8 * 1024);
    expect(plain!.headers['vary']).toMatch(/accept-encoding/i);

    const gz = await get(exportUrl, { ...auth, 'accept-encoding': 'gzip, br' });
    expect(gz.status).toBe(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['content-type']).toMatch(/^application\/json/);
    expect(gz.headers['content-disposition']).toMatch(/attachment; filename=".*\.veldwerk\.json"/);
    expectSecurityHeaders(gz);
    expect(gz.body.length).toBeLessThan(plain!.body.length / 2);
    const file = JSON.parse(zlib.gunzipSync(gz.body).toString('utf8')) as { session: { title: string } };
    expect(file.session.title).toBe('Groot');
  });

  it('sends small answers as they are', async () => {
    const res = await get(`${s.url}/healthz`, { 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
  });
});

describe('acceptedEncodings', () => {
  it('reads q-values and the wildcard', () => {
    expect([...acceptedEncodings('gzip, deflate, br, zstd')].sort()).toEqual(['br', 'gzip']);
    expect([...acceptedEncodings('br;q=0, gzip;q=0.5')]).toEqual(['gzip']);
    expect([...acceptedEncodings('*')].sort()).toEqual(['br', 'gzip']);
    expect([...acceptedEncodings('*, br;q=0')]).toEqual(['gzip']);
    expect([...acceptedEncodings('identity')]).toEqual([]);
    expect([...acceptedEncodings(undefined)]).toEqual([]);
  });
});
