/**
 * The actors' CSV file both ways, and the limits of an import (shared by the server,
 * which reads uploads, and the tests). XLSX is the server's (server/io/xlsx.ts), on the
 * same {@link Table}.
 */
import type { Actor } from '../model/board/actorSchema.ts';
import { ACTOR_COLUMNS, actorRow, headerOf, formatNumber, type Cell, type Table } from './actorTable.ts';
import { CsvError, decodeText, parseCsv, writeCsv, type CsvSeparator } from './csv.ts';
import { translate } from '../i18n/messages.ts';
import type { IoLang, IoTextKey } from './texts.ts';

export const IMPORT_LIMITS = {
  /** Upload size of an actors file. */
  maxBytes: 2 * 1024 * 1024,
  /** Rows under the header. */
  maxRows: 5000,
  maxColumns: 60,
} as const;

/** The separator of the CSV export: `;` for Dutch Excel (decimal comma), `,` for English. */
export const csvSeparatorFor = (lang: IoLang): CsvSeparator => (lang === 'nl' ? ';' : ',');

/** The header and rows of the export, in {@link ACTOR_COLUMNS} order. */
export function actorsTable(actors: readonly Actor[], lang: IoLang): Table {
  return { headers: ACTOR_COLUMNS.map((c) => headerOf(lang, c)), rows: actors.map((a) => actorRow(a, lang)) };
}

/** The actors as CSV text (with BOM, CRLF), ready to send as `text/csv; charset=utf-8`. */
export function actorsCsv(actors: readonly Actor[], lang: IoLang): string {
  const sep = csvSeparatorFor(lang);
  const table = actorsTable(actors, lang);
  const cell = (c: Cell) => (c === null ? '' : typeof c === 'number' ? formatNumber(c, sep === ';') : c);
  return writeCsv([table.headers, ...table.rows.map((r) => r.map(cell))], { separator: sep });
}

/** A file that cannot be read as a table; `message` is in the language asked for. */
export class ImportFileError extends Error {
  constructor(
    readonly code: IoTextKey,
    message: string,
  ) {
    super(message);
  }
}

export function fileError(lang: IoLang, key: IoTextKey, vars: Record<string, string | number> = {}): ImportFileError {
  return new ImportFileError(key, translate(lang, `io.${key}`, vars));
}

/** Checks a table's size, and that it has rows under its header. */
export function checkTableSize(table: Table, lang: IoLang): Table {
  if (table.headers.length > IMPORT_LIMITS.maxColumns)
    throw fileError(lang, 'file.tooManyColumns', { max: IMPORT_LIMITS.maxColumns });
  if (table.rows.length > IMPORT_LIMITS.maxRows)
    throw fileError(lang, 'file.tooManyRows', { max: IMPORT_LIMITS.maxRows });
  if (table.rows.length === 0) throw fileError(lang, 'file.noRows');
  return table;
}

/**
 * Reads an uploaded CSV file into a table: the first non-empty line is the header.
 * Throws {@link ImportFileError} for binary, empty or broken files.
 */
export function readCsvTable(bytes: Uint8Array, lang: IoLang): Table {
  let rows: string[][];
  try {
    rows = parseCsv(decodeText(bytes)).rows;
  } catch (err) {
    if (err instanceof CsvError) {
      if (err.code === 'unclosed_quote') throw fileError(lang, 'file.unclosedQuote', { line: err.line });
      throw fileError(lang, err.code === 'empty' ? 'file.empty' : 'file.notText');
    }
    throw err;
  }
  const start = rows.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (start < 0) throw fileError(lang, 'file.empty');
  const headers = rows[start]!.map((h) => h.trim());
  const width = Math.max(
    headers.length,
    ...rows.slice(start + 1, start + 2 + IMPORT_LIMITS.maxRows).map((r) => r.length),
  );
  while (headers.length < width) headers.push('');
  return checkTableSize(
    {
      headers,
      rows: rows.slice(start + 1).map((r) => r.map((c): Cell => (c === '' ? null : c))),
      firstRow: start + 2,
    },
    lang,
  );
}
