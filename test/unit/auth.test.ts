import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createJoinCode, randomString } from '../../server/auth/ids.ts';
import { RateLimiter } from '../../server/auth/RateLimiter.ts';
import { loadOrCreateSecret, TokenSigner } from '../../server/auth/tokens.ts';
import { JOIN_CODE_ALPHABET, normalizeJoinCode, formatJoinCode } from '../../shared/api.ts';
import { tempDir } from '../helpers/server.ts';

describe('tokens', () => {
  const signer = new TokenSigner(Buffer.alloc(32, 1));
  const base = { sid: 'sessionAAAA', role: 'participant' as const, pid: 'p1', ttlMs: 60_000, now: 1_000_000 };

  it('round-trips a signed token', () => {
    const t = signer.sign(base);
    expect(signer.verify(t, 1_000_001)).toEqual({
      ok: true,
      payload: { v: 1, sid: 'sessionAAAA', role: 'participant', pid: 'p1', exp: 1_060_000 },
    });
  });

  it('refuses expired, tampered, foreign and malformed tokens', () => {
    const t = signer.sign(base);
    expect(signer.verify(t, 1_060_000)).toEqual({ ok: false, error: 'expired' });
    const [body, sig] = t.split('.');
    const forged = Buffer.from(
      JSON.stringify({ v: 1, sid: 'sessionAAAA', role: 'facilitator', pid: 'p1', exp: 9e15 }),
    ).toString('base64url');
    expect(signer.verify(`${forged}.${sig}`, 0)).toEqual({ ok: false, error: 'bad-signature' });
    expect(new TokenSigner(Buffer.alloc(32, 2)).verify(t, 0)).toEqual({ ok: false, error: 'bad-signature' });
    for (const bad of ['', 'x', `${body}.`, `${body}.${sig}.x`, 'a'.repeat(5000)]) {
      expect(signer.verify(bad, 0).ok, bad.slice(0, 10)).toBe(false);
    }
  });

  it('creates the secret once and reuses it', () => {
    const dir = tempDir();
    const a = loadOrCreateSecret(dir);
    const b = loadOrCreateSecret(dir);
    expect(a.equals(b)).toBe(true);
    expect(a.length).toBe(32);
    expect(fs.statSync(path.join(dir, 'secret.key')).mode & 0o777).toBe(0o600);
    fs.writeFileSync(path.join(dir, 'secret.key'), 'not hex');
    expect(() => loadOrCreateSecret(dir)).toThrow(/not a valid secret/);
  });
});

describe('ids and join codes', () => {
  it('join codes use only unambiguous characters and normalize as typed', () => {
    for (let i = 0; i < 200; i++) {
      const code = createJoinCode();
      expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
      expect(normalizeJoinCode(formatJoinCode(code).toLowerCase())).toBe(code);
    }
    expect(normalizeJoinCode(' abc-def ')).toBe('ABCDEF');
  });

  it('randomString is roughly uniform (no modulo bias)', () => {
    const counts = new Map<string, number>();
    const s = randomString(JOIN_CODE_ALPHABET, 31_000);
    for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(31);
    for (const n of counts.values()) expect(n).toBeGreaterThan(800); // expected 1000 each
  });
});

describe('RateLimiter', () => {
  it('allows `limit` hits per window and tells how long to wait', () => {
    let now = 0;
    const rl = new RateLimiter(3, 60_000, () => now);
    expect([rl.hit('a'), rl.hit('a'), rl.hit('a')]).toEqual([0, 0, 0]);
    now = 10_000;
    const wait = rl.hit('a');
    expect(wait).toBeGreaterThan(50_000);
    expect(rl.hit('b')).toBe(0);
    now += wait;
    expect(rl.hit('a')).toBe(0);
  });

  it('refuses a second burst right after a window boundary (no fixed-window leak)', () => {
    let now = 59_000;
    const rl = new RateLimiter(20, 60_000, () => now);
    let first = 0;
    for (let i = 0; i < 40; i++) if (rl.hit('a') === 0) first++;
    now = 61_000; // the next window has started
    let second = 0;
    for (let i = 0; i < 40; i++) if (rl.hit('a') === 0) second++;
    expect(first).toBe(20);
    // A fixed window would let 20 more through here; the previous window still weighs 59/60.
    expect(second).toBeLessThanOrEqual(1);
  });

  it('never lets more than 1.5 x limit through in any trailing window, over a long attack', () => {
    let now = 0;
    const rl = new RateLimiter(20, 60_000, () => now);
    const accepted: number[] = [];
    for (now = 0; now < 600_000; now += 250) if (rl.hit('a') === 0) accepted.push(now);
    for (const t of accepted) {
      const inWindow = accepted.filter((u) => u > t - 60_000 && u <= t).length;
      expect(inWindow).toBeLessThanOrEqual(30);
    }
    // And the long-run rate is the limit: about 20 a minute over 10 minutes.
    expect(accepted.length).toBeGreaterThanOrEqual(190);
    expect(accepted.length).toBeLessThanOrEqual(215);
  });

  it('check() does not count; count() counts after the fact', () => {
    let now = 0;
    const rl = new RateLimiter(2, 60_000, () => now);
    expect([rl.check('a'), rl.check('a'), rl.check('a')]).toEqual([0, 0, 0]);
    rl.count('a');
    rl.count('a');
    expect(rl.check('a')).toBeGreaterThan(0);
    now = 180_000; // two windows later: forgotten
    expect(rl.check('a')).toBe(0);
  });
});
