/**
 * The server in public (issue 11, headers and origins): security headers with a CSP,
 * no framing, HSTS only over https, the websocket refuses a foreign page's origin,
 * /metrics only for the operator, and behind a proxy the client address is the
 * right-most one the trusted proxies wrote (a client cannot choose its own). Real server.
 */
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { sessionRoomName } from '../../shared/protocol.ts';
import { api, createSessionWith, startTestServer, type TestServer } from '../helpers/server.ts';

const servers: TestServer[] = [];
async function start(env: Record<string, string> = {}): Promise<TestServer> {
  const s = await startTestServer({ env });
  servers.push(s);
  return s;
}
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

/** Opens a sync websocket; resolves how it ended: an HTTP status, a close code, or 'open'. */
function openSocket(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status?: number; code?: number; ws?: WebSocket }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers });
    ws.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode }));
    ws.on('open', () => {
      // Stay open unless the server closes it soon after (connection limits close after the upgrade).
      const timer = setTimeout(() => resolve({ ws }), 500);
      ws.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code });
      });
    });
    ws.on('error', () => undefined);
  });
}

describe('security headers', () => {
  it('sends a CSP without inline or eval script, forbids framing, and no HSTS over http', async () => {
    const s = await start();
    for (const path of ['/', '/api/sessions/nope', '/healthz']) {
      const res = await fetch(s.url + path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(csp).toMatch(/object-src 'none'/);
      const scriptSrc = /script-src ([^;]*)/.exec(csp)?.[1] ?? '';
      expect(scriptSrc).toMatch(/'self'/);
      expect(scriptSrc).not.toMatch(/unsafe-inline|unsafe-eval/);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('sends HSTS when the public address is https', async () => {
    const s = await start({ PUBLIC_URL: 'https://veldwerk.ggd.example' });
    const res = await fetch(s.url + '/healthz');
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    expect(res.headers.get('content-security-policy')).toMatch(/upgrade-insecure-requests/);
  });
});

describe('websocket origins', () => {
  it("refuses a page of another site, accepts the app's own origin and clients without one", async () => {
    const s = await start({ ALLOWED_ORIGINS: 'https://partner.example' });
    const created = await createSessionWith(s.url, 'Origins');
    const url = `${s.wsUrl}/${sessionRoomName(created.sessionId)}?token=${created.facilitatorToken}`;

    const foreign = await openSocket(url, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    const lookalike = await openSocket(url, { origin: `http://127.0.0.1:${s.port}.evil.example` });
    expect(lookalike.status).toBe(403);

    for (const origin of [`http://127.0.0.1:${s.port}`, 'https://partner.example', undefined]) {
      const ok = await openSocket(url, origin ? { origin } : {});
      expect(ok.ws, String(origin)).toBeDefined();
      ok.ws?.close();
    }
    const metrics = await fetch(s.url + '/metrics').then((r) => r.text());
    expect(metrics).toMatch(/^veldwerk_refused_origins_total 2$/m);
  });
});

describe('/metrics', () => {
  it('answers only with the token when METRICS_TOKEN is set', async () => {
    const s = await start({ METRICS_TOKEN: 'a-long-enough-metrics-token' });
    expect((await fetch(s.url + '/metrics')).status).toBe(404);
    const wrong = await fetch(s.url + '/metrics', { headers: { authorization: 'Bearer a-long-enough-metrics-tokeX' } });
    expect(wrong.status).toBe(404);
    const right = await fetch(s.url + '/metrics', {
      headers: { authorization: 'Bearer a-long-enough-metrics-token' },
    });
    expect(right.status).toBe(200);
    expect(await right.text()).toMatch(/veldwerk_connections/);
  });

  it('without a token, answers this machine but not a request that came through a proxy', async () => {
    const s = await start();
    expect((await fetch(s.url + '/metrics')).status).toBe(200);
    expect((await fetch(s.url + '/metrics', { headers: { 'x-forwarded-for': '203.0.113.9' } })).status).toBe(404);
  });
});

describe('behind a proxy', () => {
  it('counts join attempts for the address the trusted proxy saw, whatever the client wrote', async () => {
    const s = await start({ TRUST_PROXY: '1', JOIN_ATTEMPTS_PER_MINUTE: '3' });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      // The client writes its own X-Forwarded-For; the proxy appends the address it saw.
      const res = await fetch(s.url + '/api/join', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${i}, 203.0.113.7` },
        body: JSON.stringify({ joinCode: 'AAA-AAA', name: 'Gok' }),
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 3).every((st) => st !== 429)).toBe(true);
    expect(statuses.slice(3)).toEqual([429, 429]);
    // Another address behind the same proxy has its own budget.
    const other = await api(s.url, 'POST', '/api/join', { joinCode: 'AAA-AAA', name: 'Ander' });
    expect(other.status).not.toBe(429);
  });

  it('counts websocket connections per address the proxy saw', async () => {
    const s = await start({ TRUST_PROXY: '1', MAX_CONNECTIONS_PER_IP: '2' });
    const created = await createSessionWith(s.url, 'Proxy');
    const url = `${s.wsUrl}/${sessionRoomName(created.sessionId)}?token=${created.facilitatorToken}`;
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await openSocket(url, { 'x-forwarded-for': `10.9.8.${i}, 203.0.113.8` }));
    expect(results[0]?.ws).toBeDefined();
    expect(results[1]?.ws).toBeDefined();
    expect(results[2]?.code).toBe(4529);
    // A different client address behind the proxy still gets in.
    const other = await openSocket(url, { 'x-forwarded-for': '203.0.113.9' });
    expect(other.ws).toBeDefined();
    for (const r of [...results, other]) r.ws?.close();
  });
});
