/**
 * Moves a whole Veldwerk store between SQLite and PostgreSQL (issue 13), so that a GGD
 * can move up to several instances, or back, without losing a meeting: every session,
 * participant, vote, evaluation, anonymous result, every document's updates, history
 * snapshot and quarantined row. The source is read in one consistent snapshot, the target
 * written in one transaction (all or nothing) and its counts checked against the source.
 * `npm run admin -- copy-store --from <location> --to <location> [--replace]`.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  CopyRefused,
  postgresSource,
  postgresTarget,
  sqliteSource,
  sqliteTarget,
  TABLE_NAMES,
  type CopySource,
  type CopyTarget,
  type TableName,
} from './copySides.ts';
import { redactUrl } from '../redactUrl.ts';

export { CopyRefused };

export type StoreLocation = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

/**
 * `sqlite:<file or DATA_DIR>` (a folder means its `veldwerk.db`) or a
 * `postgres://` / `postgresql://` URL. Throws {@link CopyRefused} with the allowed forms.
 */
export function parseStoreLocation(arg: string): StoreLocation {
  if (/^postgres(ql)?:\/\//.test(arg)) {
    try {
      new URL(arg);
    } catch {
      throw new CopyRefused(`Not a PostgreSQL URL: ${redactUrl(arg)}`);
    }
    return { kind: 'postgres', url: arg };
  }
  if (arg.startsWith('sqlite:') && arg.length > 'sqlite:'.length) {
    const p = path.resolve(arg.slice('sqlite:'.length));
    const isDir = fs.existsSync(p) && fs.statSync(p).isDirectory();
    return { kind: 'sqlite', file: isDir ? path.join(p, 'veldwerk.db') : p };
  }
  throw new CopyRefused(
    `Unknown store "${arg}": use sqlite:<file or DATA_DIR> (e.g. sqlite:./data) or postgres://user:password@host/database.`,
  );
}

export const describeLocation = (l: StoreLocation): string =>
  l.kind === 'sqlite' ? `SQLite ${l.file}` : `PostgreSQL ${redactUrl(l.url)}`;

export type CopyCounts = Record<TableName, number>;

/**
 * Copies every row of `from` into `to`. Refuses ({@link CopyRefused}) a target that holds
 * any row unless `replace` (then the target's rows are deleted first, in the same
 * transaction), and a source that is the target. Resolves the rows copied per table.
 */
export async function copyStore(
  from: StoreLocation,
  to: StoreLocation,
  opts: { replace?: boolean } = {},
): Promise<CopyCounts> {
  if (
    from.kind === to.kind &&
    (from.kind === 'sqlite' ? from.file : from.url) === (to.kind === 'sqlite' ? to.file : to.url)
  )
    throw new CopyRefused('The source and the target are the same store.');
  const source = from.kind === 'sqlite' ? sqliteSource(from.file) : await postgresSource(from.url);
  let target: CopyTarget | null = null;
  let ok = false;
  try {
    target = to.kind === 'sqlite' ? sqliteTarget(to.file) : await postgresTarget(to.url);
    const counts = await copyRows(source, target, opts.replace ?? false, describeLocation(to));
    ok = true;
    return counts;
  } finally {
    await target?.finish(ok);
    await source.close();
  }
}

async function copyRows(source: CopySource, target: CopyTarget, replace: boolean, where: string): Promise<CopyCounts> {
  const present: string[] = [];
  for (const table of TABLE_NAMES) {
    const n = await target.count(table);
    if (n) present.push(`${n} ${table}`);
  }
  if (present.length && !replace) {
    throw new CopyRefused(
      `${where} is not empty (${present.join(', ')}). Copy into an empty store, or add --replace to delete what it holds first.`,
    );
  }
  if (present.length) await target.clear();
  const counts = {} as CopyCounts;
  for (const table of TABLE_NAMES) {
    let n = 0;
    for await (const rows of source.read(table)) {
      await target.insert(table, rows);
      n += rows.length;
    }
    const expected = await source.count(table);
    const written = await target.count(table);
    if (n !== expected || written !== expected) {
      throw new Error(`Copy of ${table} incomplete: ${expected} in the source, ${n} read, ${written} written.`);
    }
    counts[table] = n;
  }
  return counts;
}
