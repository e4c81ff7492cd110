/**
 * The built client, light on the wire (issue 14): the build writes `.br` and `.gz` next
 * to each text file (vite.config.ts, `precompress`); a request is answered with the
 * variant its `Accept-Encoding` takes (brotli before gzip), with `Content-Encoding`, the
 * type of the original file and `Vary: Accept-Encoding`. Nothing is compressed per
 * request. Hashed files under `/assets/` never change under their name: cached for a
 * year, immutable; the page itself (`index.html`) is revalidated on every load.
 */
import fs from 'node:fs';
import path from 'node:path';
import express, { type Request, type RequestHandler, type Response } from 'express';

/** The encodings the build writes, in the server's order of preference, with their file suffix. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;
type Encoding = (typeof ENCODINGS)[number];

export const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The encodings an `Accept-Encoding` header accepts (q > 0). `*` accepts any encoding
 * the header does not name with q=0.
 */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const named = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [token = '', ...params] = part.trim().toLowerCase().split(';');
    if (!token) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    named.set(token, Number.isFinite(q) ? q : 0);
  }
  const accepted = new Set<string>();
  for (const { name } of ENCODINGS) {
    const q = named.get(name) ?? named.get('*');
    if (q !== undefined && q > 0) accepted.add(name);
  }
  return accepted;
}

/** The precompressed variant of `file` to send for this request, if the build wrote one the client takes. */
function chooseVariant(req: Request, file: string): { encoding: Encoding | null; hasVariants: boolean } {
  const accepted = acceptedEncodings(req.headers['accept-encoding']);
  let hasVariants = false;
  for (const enc of ENCODINGS) {
    if (!fs.existsSync(file + enc.suffix)) continue;
    hasVariants = true;
    if (accepted.has(enc.name)) return { encoding: enc, hasVariants };
  }
  return { encoding: null, hasVariants };
}

function setEncodingHeaders(res: Response, original: string, encoding: Encoding | null, hasVariants: boolean) {
  if (hasVariants) res.vary('Accept-Encoding');
  if (!encoding) return;
  res.setHeader('Content-Encoding', encoding.name);
  res.type(path.extname(original)); // the original's type, not that of `.br`
}

/** A request path as a file inside `root`, or null when it is not a plain path inside it. */
function fileFor(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.join(root, decoded);
  return file.startsWith(root + path.sep) ? file : null;
}

/**
 * Static files of the built client (not the page: see {@link sendIndex}). A request whose
 * file has a variant the client accepts is served from that variant; `express.static`
 * does the rest (ETag, 304, ranges, HEAD, falling through when there is no such file).
 */
export function builtClientFiles(root: string): RequestHandler[] {
  const choose: RequestHandler = (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const file = fileFor(root, req.path);
    if (!file || /\.(br|gz)$/.test(file) || !fs.existsSync(file)) return next();
    const { encoding, hasVariants } = chooseVariant(req, file);
    setEncodingHeaders(res, file, encoding, hasVariants);
    if (encoding) req.url = req.url.replace(/^[^?]*/, (p) => p + encoding.suffix);
    next();
  };
  const serve = express.static(root, {
    index: false,
    redirect: false,
    setHeaders: (res, file) => {
      const rel = path.relative(root, file);
      res.setHeader('Cache-Control', rel.startsWith(`assets${path.sep}`) ? IMMUTABLE : 'public, max-age=3600');
    },
  });
  return [choose, serve];
}

/** The app's page for the client-side routes: never cached without revalidation, compressed when it can be. */
export function sendIndex(req: Request, res: Response, index: string, onError: (err: Error) => void): void {
  const { encoding, hasVariants } = chooseVariant(req, index);
  setEncodingHeaders(res, index, encoding, hasVariants);
  res.setHeader('Cache-Control', 'no-cache');
  res.sendFile(encoding ? index + encoding.suffix : index, (err) => {
    if (!err) return;
    if (!res.headersSent) res.removeHeader('Content-Encoding');
    onError(err);
  });
}
