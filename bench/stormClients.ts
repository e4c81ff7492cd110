/**
 * One of the storm's client processes (bench/storm.ts): `STORM_COUNT` clients of the kind
 * in `STORM_SPEC` (a ClientSpec as JSON, bench/targets.ts). It says `ready` once its modules
 * are loaded, and on `go` (a line on stdin) connects all its clients at once; each client's
 * time runs from its connect to its first `sync`, where its item count is taken. It prints
 * `result {"times":[…],"complete":n,"cpuSeconds":s}` (its CPU from `go` to the last sync) and exits.
 *
 * Real participants decode the board each on a device of their own; clients spread over
 * processes decode in parallel as far as the machine's cores allow, so the storm measures
 * the server more and one process decoding 100 boards one after another less.
 */
import readline from 'node:readline';
import { itemsMapOf } from '../shared/model/board/read.ts';
import type { ClientsResult } from './storm.ts';
import { clientFromSpec, type ClientSpec } from './targets.ts';

const spec = JSON.parse(process.env.STORM_SPEC ?? 'null') as ClientSpec | null;
const count = Number(process.env.STORM_COUNT ?? 0);
const items = Number(process.env.STORM_ITEMS ?? 5000);
if (!spec || !(count > 0)) {
  console.error('STORM_SPEC and STORM_COUNT are needed');
  process.exit(2);
}

function run(): Promise<ClientsResult> {
  const cpuAtGo = process.cpuUsage();
  const times: number[] = [];
  let complete = 0;
  return new Promise((resolve) => {
    const clients = Array.from({ length: count }, () => {
      const started = performance.now();
      const c = clientFromSpec(spec!);
      void c.synced.then(() => {
        times.push(performance.now() - started);
        if (itemsMapOf(c.doc).size >= items) complete++;
        if (times.length === count) {
          for (const other of clients) other.destroy();
          const cpu = process.cpuUsage(cpuAtGo);
          resolve({ times, complete, cpuSeconds: (cpu.user + cpu.system) / 1e6 });
        }
      });
      return c;
    });
  });
}

const lines = readline.createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (line.trim() !== 'go') return;
  lines.close();
  void run().then((result) => {
    process.stdout.write(`result ${JSON.stringify(result)}\n`, () => process.exit(0));
  });
});
process.stdout.write('ready\n');
