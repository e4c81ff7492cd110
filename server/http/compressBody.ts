/**
 * Big text answers of the API (the session file, an actors CSV) go out gzip-compressed
 * to a client that takes gzip (issue 14). gzip at level 6 runs on libuv's thread pool,
 * not the event loop, and costs a few ms per MB; small answers are sent as they are.
 */
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Request, Response } from 'express';
import { acceptedEncodings } from './staticFiles.ts';

const gzip = promisify(zlib.gzip);

/** Answers smaller than this are not worth compressing. */
export const COMPRESS_ABOVE_BYTES = 8 * 1024;

/** Sends `body` (headers, the type included, already set), gzip-compressed when big and accepted. */
export async function sendCompressible(req: Request, res: Response, body: Buffer | string): Promise<void> {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.vary('Accept-Encoding');
  if (bytes.length < COMPRESS_ABOVE_BYTES || !acceptedEncodings(req.headers['accept-encoding']).has('gzip')) {
    res.send(bytes);
    return;
  }
  const compressed = await gzip(bytes, { level: 6 });
  res.setHeader('Content-Encoding', 'gzip');
  res.send(compressed);
}
