/**
 * What the server promises browsers about itself: security headers with a
 * Content-Security-Policy the app runs under without violations, which origins may open
 * the sync websocket, which proxies are trusted for client addresses, and who may read
 * /metrics. Everything here reads the config only; `app.ts` wires it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { IncomingMessage } from 'node:http';
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import proxyAddr from 'proxy-addr';

/** SHA-256 sources for the inline scripts of a built page (the preload script Vite's build adds). */
export function inlineScriptHashes(htmlFile: string): string[] {
  let html: string;
  try {
    html = fs.readFileSync(htmlFile, 'utf8');
  } catch {
    return [];
  }
  const hashes: string[] = [];
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    const body = m[1] ?? '';
    if (body.trim()) hashes.push(`'sha256-${crypto.createHash('sha256').update(body).digest('base64')}'`);
  }
  return hashes;
}

/**
 * Helmet with the app's policy: scripts only from the server (and the hashed inline
 * preload script), no framing by other sites, no plugins, forms and base to self.
 * Inline styles stay allowed: React and Konva set element styles. HSTS only when the
 * server is published over https.
 */
export function securityHeaders(opts: { publicUrl?: string; scriptHashes: readonly string[] }): RequestHandler {
  const https = opts.publicUrl?.startsWith('https:') ?? false;
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...opts.scriptHashes],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        ...(https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    strictTransportSecurity: https ? { maxAge: 180 * 24 * 3600, includeSubDomains: false } : false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginEmbedderPolicy: false,
  });
}

/**
 * May a websocket with this `Origin` open a sync connection? Browsers always send the
 * page's origin; a page on another site must not use a visitor's stored token here.
 * Without an Origin header (scripts, tests, native clients) there is no browser to
 * protect, and the token decides.
 */
export function originAllowed(req: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  // The app's own origin: the one the request was made to.
  const host = req.headers.host;
  if (!host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/**
 * TRUST_PROXY as express's `trust proxy` and as a function for the websocket: `false`
 * trusts no one; a number trusts that many proxy hops in front of the server; a list
 * trusts those addresses or subnets. The client address is then the right-most address
 * in X-Forwarded-For that is not trusted, so a client cannot choose its own.
 */
export type TrustProxy = false | number | string[];

export function trustFunction(trust: TrustProxy): (addr: string, hop: number) => boolean {
  if (trust === false) return () => false;
  if (typeof trust === 'number') return (_addr, hop) => hop < trust;
  return proxyAddr.compile(trust);
}

export function clientAddress(req: IncomingMessage, trust: TrustProxy): string {
  if (trust === false) return req.socket.remoteAddress ?? 'unknown';
  return proxyAddr(req, trustFunction(trust));
}

/** Loopback addresses (also IPv4-mapped), where an operator's own scraper sits. */
export function isLoopback(addr: string | undefined): boolean {
  return addr === '127.0.0.1' || addr === '::1' || addr === '::ffff:127.0.0.1';
}

/**
 * /metrics for the operator only: with METRICS_TOKEN set, a request must carry it as a
 * bearer token; without one, only requests from this machine that came through no
 * proxy are answered. Others get 404, as if there were no such page.
 */
export function metricsAccess(token: string | undefined): RequestHandler {
  return (req, res, next) => {
    if (token) {
      const given = req.headers.authorization?.replace(/^Bearer\s+/i, '') ?? '';
      const a = Buffer.from(given);
      const b = Buffer.from(token);
      if (a.length === b.length && crypto.timingSafeEqual(a, b)) return next();
    } else if (isLoopback(req.socket.remoteAddress) && req.headers['x-forwarded-for'] === undefined) {
      return next();
    }
    res.status(404).type('text/plain').send('Not found');
  };
}
