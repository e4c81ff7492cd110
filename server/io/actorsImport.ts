/**
 * The actors' import in two steps (issue 6): `preview` reads the file, suggests a column
 * mapping and checks every row; `commit` adds the valid rows to the board in ONE
 * server-side change of the board doc, or nothing at all.
 */
import { checkMapping, checkRows, suggestMapping, type ActorColumn, type Table } from '../../shared/io/actorTable.ts';
import { fileError, readCsvTable } from '../../shared/io/actorsFile.ts';
import { CSV_TYPES, XLSX_MIME, type ImportPreview } from '../../shared/api/io.ts';
import type { IoLang } from '../../shared/io/texts.ts';
import { readXlsxTable } from './xlsx.ts';

export type UploadFormat = 'csv' | 'xlsx';

/** The file's format from its content type; octet-stream (and Excel's old type, which Windows gives .csv files) by its first bytes. */
export function uploadFormat(contentType: string | undefined, bytes: Uint8Array, lang: IoLang): UploadFormat {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === XLSX_MIME) return 'xlsx';
  if ((CSV_TYPES as readonly string[]).includes(type)) return 'csv';
  if (type === 'application/octet-stream' || type === 'application/vnd.ms-excel')
    return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04 ? 'xlsx' : 'csv';
  throw fileError(lang, 'file.type');
}

export function readUpload(format: UploadFormat, bytes: Buffer, lang: IoLang): Promise<Table> {
  return format === 'xlsx' ? readXlsxTable(bytes, lang) : Promise.resolve(readCsvTable(bytes, lang));
}

/** The import's preview of a table with a mapping (the suggested one when none is given). */
export function previewImport(
  format: UploadFormat,
  table: Table,
  requested: readonly (ActorColumn | null)[] | null,
  lang: IoLang,
): ImportPreview {
  const suggestedMapping = suggestMapping(table.headers);
  // A mapping for fewer columns than the file has leaves the rest out.
  const mapping = requested ? table.headers.map((_h, i) => requested[i] ?? null) : suggestedMapping;
  const mappingError = checkMapping(mapping, lang);
  const rows = mappingError ? [] : checkRows(table, mapping, lang);
  const columns = table.headers.map((header, i) => ({
    header,
    samples: table.rows
      .map((r) => r[i])
      .filter((c) => c !== null && c !== undefined && String(c).trim() !== '')
      .slice(0, 3)
      .map((c) => String(c).slice(0, 80)),
  }));
  const valid = rows.filter((r) => r.ok).length;
  return {
    step: 'preview',
    format,
    columns,
    mapping,
    suggestedMapping,
    mappingError,
    rows,
    valid,
    rejected: rows.length - valid,
  };
}
