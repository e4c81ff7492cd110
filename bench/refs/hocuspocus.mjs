/**
 * Reference for the benchmarks (issue 14): `@hocuspocus/server` with its SQLite extension
 * (`@hocuspocus/extension-sqlite`) on a file, both pinned exactly, in their default
 * configuration. PORT, HOST and HOCUSPOCUS_DB from the environment; prints
 * "hocuspocus listening <port>".
 */
import { SQLite } from '@hocuspocus/extension-sqlite';
import { Server } from '@hocuspocus/server';

const server = new Server({
  port: Number(process.env.PORT ?? 0),
  address: process.env.HOST ?? '127.0.0.1',
  quiet: true,
  extensions: [new SQLite({ database: process.env.HOCUSPOCUS_DB ?? ':memory:' })],
});
await server.listen();
console.log(`hocuspocus listening ${server.address.port}`);
