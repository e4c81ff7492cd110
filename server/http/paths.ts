/** Where the project and the built client are, from the sources (server/) or the bundle (dist/server/). */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project folder: the nearest one up with a package.json that names a package (dist/server's only says CommonJS). */
function findRoot(from: string): string {
  let dir = from;
  while (!namesPackage(path.join(dir, 'package.json'))) {
    const up = path.dirname(dir);
    if (up === dir) return from;
    dir = up;
  }
  return dir;
}

function namesPackage(file: string): boolean {
  try {
    return typeof (JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: unknown }).name === 'string';
  } catch {
    return false;
  }
}

export const ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));
export const CLIENT_DIST = path.join(ROOT, 'dist', 'client');
