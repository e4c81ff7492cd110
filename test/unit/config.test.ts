import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config.ts';

describe('configuration', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(8080);
    expect(c.DATA_DIR).toBe(path.resolve('./data'));
    expect(c.dbFile).toBe(path.resolve('./data/veldwerk.db'));
    expect(c.MAX_MESSAGE_BYTES).toBe(2 * 1024 * 1024);
    expect(c.SNAPSHOT_INTERVAL_MINUTES).toBe(5);
  });

  it('names every wrong variable and what is allowed', () => {
    let message = '';
    try {
      loadConfig({ PORT: '99999', LOG_LEVEL: 'loud', TRUST_PROXY: 'maybe', MAX_MESSAGE_BYTES: '10' });
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      message = (err as Error).message;
    }
    expect(message).toMatch(/PORT="99999": .*65535/);
    expect(message).toMatch(/LOG_LEVEL="loud": .*"info"/);
    expect(message).toMatch(/TRUST_PROXY="maybe"/);
    expect(message).toMatch(/MAX_MESSAGE_BYTES="10": .*1024/);
  });

  it('reads values from the environment', () => {
    const c = loadConfig({ PORT: '9000', TRUST_PROXY: 'true', DATA_DIR: '/tmp/x', SQLITE_SYNCHRONOUS: 'FULL' });
    expect(c).toMatchObject({ PORT: 9000, TRUST_PROXY: 1, DATA_DIR: '/tmp/x', SQLITE_SYNCHRONOUS: 'FULL' });
  });
});

describe('proxies and origins', () => {
  it('takes TRUST_PROXY as false, a hop count or a list of proxy addresses', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1, 172.16.0.0/12' }).TRUST_PROXY).toEqual(['10.0.0.1', '172.16.0.0/12']);
    expect(() => loadConfig({ TRUST_PROXY: 'proxy.example' })).toThrow(/TRUST_PROXY="proxy.example"/);
  });

  it('takes ALLOWED_ORIGINS as origins only', () => {
    expect(loadConfig({ ALLOWED_ORIGINS: 'https://a.example, http://b.example:8080' }).ALLOWED_ORIGINS).toEqual([
      'https://a.example',
      'http://b.example:8080',
    ]);
    expect(() => loadConfig({ ALLOWED_ORIGINS: 'https://a.example/path' })).toThrow(/ALLOWED_ORIGINS/);
  });
});
