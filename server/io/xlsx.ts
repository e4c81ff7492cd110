/**
 * The actors as an Excel workbook (exceljs), both ways, on the same {@link Table} as
 * the CSV. Text cells are neutralised against formulas like the CSV's (a leading `'`);
 * numbers are real number cells. Reading takes the first worksheet with data and never
 * a formula: a formula cell gives its cached result, as text.
 */
import type ExcelJS from 'exceljs';
import type { Actor } from '../../shared/model/board/actorSchema.ts';
import { checkTableSize, fileError, IMPORT_LIMITS, actorsTable } from '../../shared/io/actorsFile.ts';
import type { Cell, Table } from '../../shared/io/actorTable.ts';
import { translate } from '../../shared/i18n/messages.ts';
import type { IoLang } from '../../shared/io/texts.ts';
import { zipUncompressedSize } from './zipSize.ts';

/**
 * exceljs, loaded at the first workbook (issue 14): it is the heaviest package the
 * server has and only imports and exports use it, so it stays out of start and idle memory.
 */
async function loadExcel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

/** An actors list unpacks to a few MB at most; more is refused before unpacking. */
const MAX_UNPACKED_BYTES = 64 * 2 ** 20;
const MAX_ZIP_ENTRIES = 2000;

/**
 * Text as OOXML keeps it exactly: XML has no CR or control characters, so they travel as
 * `_xHHHH_` escapes (as Excel writes them; exceljs decodes them when reading), and text
 * that already looks like such an escape gets its `_` escaped.
 */
export function encodeXlsxText(s: string): string {
  const hex = (c: string) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;
  // eslint-disable-next-line no-control-regex -- escaping control characters is the point
  const control = /[\u0000-\u0008\u000b-\u001f]/g;
  return s.replace(/_x[0-9A-Fa-f]{4}_/g, (m) => `_x005F${m}`).replace(control, hex);
}

/** The actors as an .xlsx file: one sheet, bold frozen header, readable column widths. */
export async function actorsXlsx(actors: readonly Actor[], lang: IoLang, title: string): Promise<Buffer> {
  const table = actorsTable(actors, lang);
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'Veldwerk';
  wb.title = title.slice(0, 200);
  const ws = wb.addWorksheet(translate(lang, 'io.file.sheet'), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(table.headers).font = { bold: true };
  for (const row of table.rows) ws.addRow(row.map((c) => (typeof c === 'string' ? encodeXlsxText(c) : c)));
  table.headers.forEach((h, i) => {
    const longest = Math.max(h.length, ...table.rows.map((r) => String(r[i] ?? '').length));
    ws.getColumn(i + 1).width = Math.min(60, Math.max(10, longest + 2));
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One cell as plain data: never a formula, rich text joined, dates as ISO text. */
function plainCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') return value === '' ? null : value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('') || null;
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : null;
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined || result === null || typeof result === 'object') return null;
    return typeof result === 'number' ? result : String(result);
  }
  return null;
}

/**
 * Reads an uploaded .xlsx into a table: the first worksheet with data, the first
 * non-empty row is the header. Throws an ImportFileError for broken files.
 */
export async function readXlsxTable(bytes: Buffer, lang: IoLang): Promise<Table> {
  if (bytes.length === 0) throw fileError(lang, 'file.empty');
  // An .xlsx is a zip: anything else is not worth unpacking.
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw fileError(lang, 'file.badXlsx');
  // What it unpacks to, before anything is unpacked (a small zip can hold gigabytes).
  const size = zipUncompressedSize(bytes);
  if (!size || size.entries > MAX_ZIP_ENTRIES) throw fileError(lang, 'file.badXlsx');
  if (size.uncompressed > MAX_UNPACKED_BYTES) {
    throw fileError(lang, 'file.tooLarge', { max: Math.round(MAX_UNPACKED_BYTES / 2 ** 20) });
  }
  const wb = new (await loadExcel()).Workbook();
  try {
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch {
    throw fileError(lang, 'file.badXlsx');
  }
  const ws = wb.worksheets.find((s) => s.actualRowCount > 0);
  if (!ws) throw fileError(lang, 'file.noSheet');
  if (ws.rowCount > IMPORT_LIMITS.maxRows + 50)
    throw fileError(lang, 'file.tooManyRows', { max: IMPORT_LIMITS.maxRows });
  if (ws.columnCount > IMPORT_LIMITS.maxColumns)
    throw fileError(lang, 'file.tooManyColumns', { max: IMPORT_LIMITS.maxColumns });
  const rows: Cell[][] = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: Cell[] = [];
    for (let c = 1; c <= ws.columnCount; c++) cells.push(plainCell(row.getCell(c).value));
    rows.push(cells);
  }
  const start = rows.findIndex((r) => r.some((c) => c !== null && String(c).trim() !== ''));
  if (start < 0) throw fileError(lang, 'file.noSheet');
  const headers = rows[start]!.map((c) => (c === null ? '' : String(c).trim()));
  return checkTableSize({ headers, rows: rows.slice(start + 1), firstRow: start + 2 }, lang);
}
