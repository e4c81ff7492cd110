// DATABASE_URL and DATABASE_POOL_SIZE (issue 13): checked at start, no password in the message.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.ts';

describe('DATABASE_URL', () => {
  it('is unset by default: SQLite in DATA_DIR, a pool of 10 when set', () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.DATABASE_POOL_SIZE).toBe(10);
    expect(config.dbFile).toMatch(/veldwerk\.db$/);
  });

  it('takes postgres:// and postgresql:// URLs, also to a unix socket', () => {
    for (const url of [
      'postgres://veldwerk:geheim@db.ggd.test:5432/veldwerk',
      'postgresql://veldwerk@10.0.0.5/veldwerk?sslmode=require',
      'postgres:///veldwerk?host=/var/run/postgresql',
    ]) {
      expect(loadConfig({ DATABASE_URL: url, DATABASE_POOL_SIZE: '25' })).toMatchObject({
        DATABASE_URL: url,
        DATABASE_POOL_SIZE: 25,
      });
    }
  });

  it('refuses anything else, naming the variable without the password', () => {
    for (const url of ['mysql://veldwerk:geheim@db/veldwerk', 'postgres://', 'db.ggd.test:5432', 'sqlite:./data']) {
      let err: unknown;
      try {
        loadConfig({ DATABASE_URL: url });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ConfigError);
      expect((err as Error).message).toMatch(/DATABASE_URL=.*expected postgres:\/\/user:password@host/);
      expect((err as Error).message).not.toContain('geheim');
    }
    expect(() => loadConfig({ DATABASE_POOL_SIZE: '0' })).toThrow(/DATABASE_POOL_SIZE/);
  });
});
