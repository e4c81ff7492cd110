/**
 * Signed access tokens: `base64url(JSON payload).base64url(HMAC-SHA256)`. A token names
 * the session, the role and the person; the server secret lives in the data dir.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ROLES, type Role } from '../../shared/roles.ts';

export const TokenPayload = z.object({
  v: z.literal(1),
  /** Session id. */
  sid: z.string(),
  role: z.enum(ROLES),
  /** Participant id (facilitators, participants and viewers all have one). */
  pid: z.string(),
  /** Expiry, ms since epoch. */
  exp: z.number(),
});
export type TokenPayload = z.infer<typeof TokenPayload>;

export type TokenError = 'malformed' | 'bad-signature' | 'expired';
export type VerifyResult = { ok: true; payload: TokenPayload } | { ok: false; error: TokenError };

const SECRET_FILE = 'secret.key';

/** Reads the server secret from the data dir, creating it (mode 0600) on first start. */
export function loadOrCreateSecret(dataDir: string): Buffer {
  const file = path.join(dataDir, SECRET_FILE);
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    const hex = fs.readFileSync(file, 'utf8').trim();
    if (/^[0-9a-f]{64,}$/.test(hex)) return Buffer.from(hex, 'hex');
    throw new Error(`${file} is not a valid secret (expected at least 64 hex characters)`);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const secret = crypto.randomBytes(32);
  // 'wx' fails if another process created it meanwhile: then use theirs.
  try {
    fs.writeFileSync(file, secret.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    return secret;
  } catch {
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  }
}

export class TokenSigner {
  constructor(private readonly secret: Buffer) {}

  private mac(body: string): string {
    return crypto.createHmac('sha256', this.secret).update(body).digest('base64url');
  }

  sign(p: { sid: string; role: Role; pid: string; ttlMs: number; now?: number }): string {
    const payload: TokenPayload = { v: 1, sid: p.sid, role: p.role, pid: p.pid, exp: (p.now ?? Date.now()) + p.ttlMs };
    const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
    return `${body}.${this.mac(body)}`;
  }

  verify(token: string, now = Date.now()): VerifyResult {
    if (token.length > 2048) return { ok: false, error: 'malformed' };
    const [body, sig, ...rest] = token.split('.');
    if (!body || !sig || rest.length) return { ok: false, error: 'malformed' };
    const expected = Buffer.from(this.mac(body));
    const given = Buffer.from(sig);
    if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
      return { ok: false, error: 'bad-signature' };
    }
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      return { ok: false, error: 'malformed' };
    }
    const parsed = TokenPayload.safeParse(json);
    if (!parsed.success) return { ok: false, error: 'malformed' };
    if (parsed.data.exp <= now) return { ok: false, error: 'expired' };
    return { ok: true, payload: parsed.data };
  }
}
