/**
 * How a CLI of ours runs when started as a script (`npm run admin`, `npm run report`):
 * its exit code is the process's, and a configuration or store error is said in one
 * line instead of a stack.
 */
import { ConfigError } from '../config.ts';
import { StoreUnavailableError } from '../store/postgres/errors.ts';

/** Runs `run` with the command line's arguments when `moduleUrl` is the script Node was started with. */
export function runAsScript(moduleUrl: string, run: (argv: string[]) => Promise<number>): void {
  const isMain = process.argv[1] !== undefined && moduleUrl === new URL(`file://${process.argv[1]}`).href;
  if (!isMain) return;
  run(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof ConfigError || err instanceof StoreUnavailableError ? err.message : err);
      process.exit(1);
    },
  );
}
