/** Starts Veldwerk: `npm start` (after building the client) or `npm run dev`. */
import { ConfigError, loadConfig } from './config.ts';
import { createVeldwerkServer } from './app.ts';
import { createLogger } from './log.ts';
import { describeStartupError } from './startupErrors.ts';
import { describeStore } from './store/openStore.ts';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const log = createLogger(config.LOG_LEVEL);
  let server;
  let port;
  try {
    server = await createVeldwerkServer(config, log);
    port = await server.listen();
  } catch (err) {
    const line = describeStartupError(err, { dataDir: config.DATA_DIR, port: config.PORT });
    if (!line) throw err;
    console.error(line);
    process.exit(1);
  }
  log.info(
    { port, dataDir: config.DATA_DIR, store: describeStore(config), url: `http://localhost:${port}/` },
    'veldwerk listening',
  );

  const shutdown = (signal: string) => {
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), config.SHUTDOWN_DRAIN_MS + 10_000);
    force.unref();
    server.close().then(
      () => {
        log.info('stopped');
        process.exit(0);
      },
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
