/**
 * CSV of our own (RFC 4180), for the actors' export and import (issue 6, "Data in
 * and out"). Pure: strings in, strings out; decoding bytes is in {@link decodeText}.
 *
 * Writing: fields are quoted when they hold the separator, a quote, CR or LF; quotes are
 * doubled; lines end with CRLF; the file starts with a UTF-8 byte-order mark so Excel
 * reads the accents and emoji right. The separator is `;` for Dutch (what Dutch Excel
 * expects, because its decimal separator is the comma) and `,` for English.
 *
 * Reading: the separator is detected (`;`, `,` or tab, or Excel's `sep=;` first line),
 * CRLF, LF and CR line ends, quoted fields across lines, a BOM. A quote that is never
 * closed makes the file "not a CSV" instead of swallowing the rest of it.
 */

export type CsvSeparator = ';' | ',' | '\t';

/** Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/**
 * Makes a cell that a spreadsheet would run as a formula plain text, by a leading `'`.
 * Cells that already start with quotes before such a character get one more quote, so
 * {@link restoreCell} gives back exactly what was written.
 */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Undoes {@link neutraliseCell}: removes the one `'` it added (and nothing else). */
export function restoreCell(value: string): string {
  return NEUTRALISED.test(value) ? value.slice(1) : value;
}

/** One field, quoted when it has to be. */
export function quoteField(value: string, sep: CsvSeparator): string {
  return value.includes(sep) || /["\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export interface WriteCsvOptions {
  separator: CsvSeparator;
  /** Start with a UTF-8 byte-order mark (Excel needs it to read UTF-8). Default true. */
  bom?: boolean;
}

/** A CSV text from rows of fields (already neutralised where needed), CRLF line ends. */
export function writeCsv(rows: readonly (readonly string[])[], opts: WriteCsvOptions): string {
  const body = rows.map((row) => row.map((f) => quoteField(f, opts.separator)).join(opts.separator)).join('\r\n');
  return `${opts.bom === false ? '' : '\uFEFF'}${body}\r\n`;
}

export class CsvError extends Error {
  constructor(
    readonly code: 'unclosed_quote' | 'not_text' | 'empty',
    /** 1-based line where the problem starts. */
    readonly line: number,
  ) {
    super(`${code} at line ${line}`);
  }
}

/** The separator a CSV text most likely uses: the most frequent of `;`, `,` and tab on its first line. */
export function detectSeparator(text: string): CsvSeparator {
  const counts: Record<CsvSeparator, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ';' || ch === ',' || ch === '\t')) counts[ch]++;
  }
  // Ties go to `;` (Dutch Excel), then `,`.
  const order: CsvSeparator[] = [';', ',', '\t'];
  return order.reduce((best, s) => (counts[s] > counts[best] ? s : best), ';');
}

export interface ParsedCsv {
  separator: CsvSeparator;
  /** Every record as written (no trimming, no neutralising undone). */
  rows: string[][];
}

/**
 * Parses CSV text (RFC 4180 plus the usual variants). `separator` is detected when not
 * given. Throws {@link CsvError} for an unclosed quote.
 */
export function parseCsv(input: string, separator?: CsvSeparator): ParsedCsv {
  let text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  // Excel's hint line: `sep=;`
  const hint = /^sep=([;,\t])\r?\n?/i.exec(text);
  if (hint) text = text.slice(hint[0].length);
  const sep = separator ?? (hint ? (hint[1] as CsvSeparator) : detectSeparator(text));
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let line = 1;
  let fieldStarted = false;
  const endField = () => {
    row.push(field);
    field = '';
    fieldStarted = false;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"' && !fieldStarted && field === '') {
      // A quoted field: up to the closing quote; "" is one quote.
      const startLine = line;
      i++;
      for (;;) {
        if (i >= text.length) throw new CsvError('unclosed_quote', startLine);
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        field += c;
        i++;
      }
      fieldStarted = true;
      continue;
    }
    if (ch === sep) {
      endField();
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRow();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
    } else {
      // Text after a closing quote (`"a"b`) is kept, as spreadsheets do.
      field += ch;
      fieldStarted = true;
      i++;
    }
  }
  if (field !== '' || fieldStarted || row.length > 0) endRow();
  return { separator: sep, rows };
}

/**
 * Decodes the bytes of an uploaded text file: UTF-8 (with or without BOM) or, when that
 * fails, Windows-1252 (what Excel on Windows writes for "CSV (gescheiden door
 * lijstscheidingsteken)"). Throws {@link CsvError} `not_text` for binary files (NUL
 * bytes, or many control characters) and `empty` for an empty one.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new CsvError('empty', 1);
  let control = 0;
  const sample = bytes.subarray(0, 64 * 1024);
  for (const b of sample) {
    if (b === 0) throw new CsvError('not_text', 1);
    if (b < 32 && b !== 9 && b !== 10 && b !== 13) control++;
  }
  if (control > sample.length / 100 + 2) throw new CsvError('not_text', 1);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new CsvError('empty', 1);
  return text;
}
