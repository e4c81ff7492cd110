/**
 * What the server promises browsers about itself: security headers with a
 * Content-Security-Policy the app runs under without violations, and who may read
 * /metrics (which origins may open the sync websocket and whose address a request has:
 * `addresses.ts`). Everything here reads the config only; `httpApp.ts` wires it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import { isLoopback } from './addresses.ts';

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
