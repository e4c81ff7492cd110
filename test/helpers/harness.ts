/**
 * Per-test bookkeeping for integration tests: clients and servers made through it are
 * closed after each test (registered with vitest's afterEach).
 */
import { afterEach } from 'vitest';
import { startTestServer, type TestServer } from './server.ts';
import { connectClient, type TestClient } from './yclient.ts';

export function useHarness() {
  const clients: TestClient[] = [];
  const servers: TestServer[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    for (const s of servers.splice(0)) await s.close();
  });
  return {
    client: (...args: Parameters<typeof connectClient>): TestClient => {
      const c = connectClient(...args);
      clients.push(c);
      return c;
    },
    server: async (...args: Parameters<typeof startTestServer>): Promise<TestServer> => {
      const s = await startTestServer(...args);
      servers.push(s);
      return s;
    },
    /** Stops a server now (before the test ends), e.g. to restart on the same data. */
    async stop(s: TestServer): Promise<void> {
      servers.splice(servers.indexOf(s), 1);
      await s.close();
    },
  };
}
