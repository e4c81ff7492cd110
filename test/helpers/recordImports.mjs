/**
 * `node --import ./test/helpers/recordImports.mjs ...`: appends every module specifier the
 * process resolves, through the ESM loader or `require()` (the built server is one
 * CommonJS bundle that requires its external packages), to the file named by
 * VELDWERK_IMPORT_LOG, one a line. Tests read it to see which packages a process has
 * loaded (issue 14: the report and import libraries stay unloaded until first used).
 */
import fs from 'node:fs';
import Module, { register } from 'node:module';

const hooks = `
import fs from 'node:fs';
let log;
export function initialize(data) { log = data.log; }
export async function resolve(specifier, context, next) {
  if (log) fs.appendFileSync(log, specifier + '\\n');
  return next(specifier, context);
}`;

register(`data:text/javascript,${encodeURIComponent(hooks)}`, {
  parentURL: import.meta.url,
  data: { log: process.env.VELDWERK_IMPORT_LOG },
});

const log = process.env.VELDWERK_IMPORT_LOG;
const load = Module._load;
Module._load = function (request, ...rest) {
  if (log) fs.appendFileSync(log, request + '\n');
  return load.call(this, request, ...rest);
};
