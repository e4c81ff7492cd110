/**
 * Which origins may open the sync websocket, and a request's client address behind
 * trusted proxies: for the websocket's upgrade on the start path (`app.ts`), so free of
 * express and helmet, and for /metrics (`security.ts`).
 */
import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';

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
