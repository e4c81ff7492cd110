/**
 * The actors of a board as a table (issue 6, "Data in and out"): the columns of the
 * CSV/XLSX export, matching an imported file's headers to actor fields, and checking
 * each imported row into a {@link NewActor} or a clear message per problem.
 *
 * Values: the axes in the model's own ranges (houding and inhoud -1 to 1; invloed,
 * betrokkenheid and vertrouwen 0 to 1), the choice fields as the model's Dutch words
 * (`beslisser`, `strategisch`...) in the Dutch file and as English words in the English
 * file; an import takes either, and the Dutch and English labels of the app.
 * Row numbers are the spreadsheet's: the header is row 1, the first actor row 2.
 */
import {
  ACTOR_COLORS,
  FREQUENCIES,
  LEVELS,
  PARTICIPATION,
  RELATIONS,
  ROLE_CATEGORIES,
  SCOPES,
  type Actor,
} from '../model/board/actorSchema.ts';
import type { NewActor } from '../model/board/actors.ts';
import { ACTOR_COLUMNS, type ActorColumn } from './actorColumns.ts';
import { cleanLine, codePointLength } from '../names.ts';
import { neutraliseCell, restoreCell } from './csv.ts';
import { LANGS } from '../i18n/lang.ts';
import { translate } from '../i18n/messages.ts';
import type { IoLang, IoTextKey } from './texts.ts';

export const CHOICE_FIELDS = {
  category: ROLE_CATEGORIES,
  level: LEVELS,
  scope: SCOPES,
  relation: RELATIONS,
  frequency: FREQUENCIES,
  participation: PARTICIPATION,
} as const;
export type ChoiceField = keyof typeof CHOICE_FIELDS;

/** Number fields with their range. */
export const NUMBER_FIELDS = {
  houding: [-1, 1],
  invloed: [0, 1],
  betrokkenheid: [0, 1],
  inhoud: [-1, 1],
  vertrouwen: [0, 1],
} as const;
export type NumberField = keyof typeof NUMBER_FIELDS;

// The columns as a plain list (no schemas): the start page's texts name them before the board loads (issue 14).
export { ACTOR_COLUMNS, type ActorColumn } from './actorColumns.ts';

export function isActorColumn(value: string): value is ActorColumn {
  return (ACTOR_COLUMNS as readonly string[]).includes(value);
}

const TEXT_MAX: Partial<Record<ActorColumn, number>> = {
  name: 200,
  organisation: 200,
  bedoeling: 20_000,
  belang: 20_000,
  bijdrage: 20_000,
  notities: 20_000,
};

/** The column header of `col` in an exported file (the `io` namespace's `header.*`). */
export function headerOf(lang: IoLang, col: ActorColumn): string {
  return translate(lang, `io.header.${col}`);
}

/** Header words people use in their own lists, normalised (see {@link normaliseHeader}). */
const SYNONYMS: Record<ActorColumn, string[]> = {
  name: ['naam', 'name', 'actor', 'partner', 'partij', 'stakeholder', 'contactpersoon', 'persoon', 'wie'],
  organisation: ['organisatie', 'organisation', 'organization', 'instelling', 'organisatienaam', 'org'],
  category: ['rol', 'role', 'categorie', 'category', 'type rol', 'soort'],
  level: ['niveau', 'level', 'laag'],
  scope: ['intern/extern', 'intern extern', 'internal/external', 'internal external', 'intern', 'scope'],
  relation: ['relatie', 'relation', 'relationship', 'soort relatie'],
  frequency: ['frequentie', 'frequency', 'hoe vaak', 'samenwerking'],
  participation: ['participatie', 'participation', 'participatieniveau', 'participatieladder'],
  houding: ['houding', 'attitude', 'standpunt', 'positie'],
  invloed: ['invloed', 'influence', 'macht', 'power'],
  betrokkenheid: ['betrokkenheid', 'involvement', 'belang/betrokkenheid', 'grootte', 'stake'],
  inhoud: ['inhoud', 'agreement on content', 'agreement', 'eens', 'overeenstemming'],
  vertrouwen: ['vertrouwen', 'trust'],
  bedoeling: ['bedoeling', 'intention', 'doel', 'wat willen ze'],
  belang: ['belang', 'interest', 'belangen', 'interests'],
  bijdrage: ['bijdrage', 'contribution', 'wat kunnen ze bijdragen'],
  notities: ['notities', 'notes', 'notitie', 'opmerkingen', 'opmerking', 'toelichting', 'comments', 'remarks'],
  color: ['kleur', 'colour', 'color'],
};

/** Whether `normalised` is `field`'s export header in either language: an exported file of either reads back. */
function isExportHeader(field: ActorColumn, normalised: string): boolean {
  return LANGS.some((lang) => normaliseHeader(headerOf(lang, field)) === normalised);
}

/** Lower case, no accents, no text in brackets, single spaces. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[_.:*]+/g, ' ')
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A column -> field mapping suggested from the headers: exact synonyms first, each field
 * used once. `null`: the column is not imported.
 */
export function suggestMapping(headers: readonly string[]): (ActorColumn | null)[] {
  const used = new Set<ActorColumn>();
  return headers.map((h) => {
    const n = normaliseHeader(h);
    for (const field of ACTOR_COLUMNS) {
      if (!used.has(field) && (SYNONYMS[field].includes(n) || isExportHeader(field, n))) {
        used.add(field);
        return field;
      }
    }
    return null;
  });
}

const CHOICE_EN: Record<ChoiceField, Record<string, string>> = {
  category: { beslisser: 'decision maker', uitvoerder: 'implementer', financier: 'funder', gebruiker: 'user' },
  level: { strategisch: 'strategic', tactisch: 'tactical', uitvoerend: 'operational' },
  scope: { intern: 'internal', extern: 'external' },
  relation: { partner: 'current partner', potentieel: 'potential partner', opponent: 'opponent' },
  frequency: { regelmatig: 'regularly', zelden: 'rarely', nooit: 'never' },
  participation: {
    meeweten: 'kept informed',
    meedenken: 'consulted',
    meedoen: 'co-producing',
    meebeslissen: 'co-deciding',
  },
};

/** More words an import accepts for a choice (the app's labels and common variants). */
const CHOICE_MORE: Record<ChoiceField, Record<string, string[]>> = {
  category: {
    beslisser: ['besluitvormer', 'decision-maker', 'decider'],
    uitvoerder: ['uitvoerende'],
    financier: ['financier / leverancier', 'financier/leverancier', 'leverancier', 'funder / supplier', 'supplier'],
    gebruiker: ['gebruikers', 'bewoner', 'bewoners', 'inwoner', 'inwoners', 'users', 'resident', 'residents'],
  },
  level: { strategisch: ['bestuurlijk', 'strategic level'], tactisch: ['management'], uitvoerend: ['operationeel'] },
  scope: { intern: ['int'], extern: ['ext'] },
  relation: {
    partner: ['huidige partner', 'partner'],
    potentieel: ['potentiele partner', 'potentiële partner', 'potential'],
    opponent: ['(mogelijke) tegenstander', 'mogelijke tegenstander', 'tegenstander', '(possible) opponent'],
  },
  frequency: { regelmatig: ['vaak', 'regular', 'often'], zelden: ['soms', 'rare', 'seldom'], nooit: ['niet'] },
  participation: {
    meeweten: ['informeren'],
    meedenken: ['raadplegen', 'consult'],
    meedoen: ['coproduceren', 'co-produce'],
    meebeslissen: ['co-decide', 'codeciding'],
  },
};

const normaliseValue = (v: string) =>
  v
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

const CHOICE_LOOKUP: Record<ChoiceField, Map<string, string>> = Object.fromEntries(
  (Object.keys(CHOICE_FIELDS) as ChoiceField[]).map((field) => {
    const map = new Map<string, string>();
    for (const key of CHOICE_FIELDS[field]) {
      for (const word of [key, CHOICE_EN[field][key] ?? '', ...(CHOICE_MORE[field][key] ?? [])])
        if (word) map.set(normaliseValue(word), key);
    }
    return [field, map];
  }),
) as Record<ChoiceField, Map<string, string>>;

/** The export's cell for a choice value. */
function choiceCell(field: ChoiceField, value: string | null, lang: IoLang): string {
  if (value === null) return '';
  return lang === 'en' ? (CHOICE_EN[field][value] ?? value) : value;
}

/** A cell value as read from a file: text, a number (XLSX), or empty. */
export type Cell = string | number | null;

/**
 * One actor as a row of cells, in {@link ACTOR_COLUMNS} order. Text is neutralised
 * against formulas; numbers stay numbers (XLSX writes them as numbers; CSV formats them).
 */
export function actorRow(actor: Actor, lang: IoLang): Cell[] {
  return ACTOR_COLUMNS.map((col): Cell => {
    if (col in CHOICE_FIELDS) return choiceCell(col as ChoiceField, actor[col as ChoiceField], lang);
    if (col in NUMBER_FIELDS) return actor[col as NumberField];
    const text = col === 'color' ? actor.color : (actor[col as keyof Actor] as string);
    return neutraliseCell(text);
  });
}

/** A number for a CSV cell: `0,5` with the Dutch `;` separator, `0.5` with `,`. */
export function formatNumber(n: number, decimalComma: boolean): string {
  const s = String(Math.round(n * 1e6) / 1e6);
  return decimalComma ? s.replace('.', ',') : s;
}

/** A table read from a file: header cells and the rows under it. */
export interface Table {
  headers: string[];
  rows: Cell[][];
  /** Spreadsheet row number of `rows[0]` (2 when the header is on row 1). */
  firstRow?: number;
}

/** A problem with one imported row, in the language asked for. */
export interface RowProblem {
  /** Spreadsheet row number (header = 1). */
  row: number;
  field: ActorColumn | null;
  message: string;
}

export type CheckedRow =
  { row: number; ok: true; actor: NewActor } | { row: number; ok: false; problems: RowProblem[] };

function cellText(cell: Cell): string {
  if (cell === null) return '';
  return typeof cell === 'number' ? String(cell) : restoreCell(cell);
}

function parseNumber(cell: Cell): number | null | 'invalid' {
  if (cell === null) return null;
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : 'invalid';
  const s = restoreCell(cell).trim().replace(/^'/, '').replace(/\s/g, '');
  if (s === '') return null;
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(s)) return 'invalid';
  return Number(s.replace(',', '.'));
}

const isBlank = (cells: readonly Cell[]) => cells.every((c) => c === null || (typeof c === 'string' && !c.trim()));

/**
 * Checks every row of a table against a mapping (one field or `null` per column).
 * Empty rows are skipped. Every problem of a row is listed, not only the first.
 */
export function checkRows(table: Table, mapping: readonly (ActorColumn | null)[], lang: IoLang): CheckedRow[] {
  const out: CheckedRow[] = [];
  table.rows.forEach((cells, index) => {
    const row = (table.firstRow ?? 2) + index;
    if (isBlank(cells)) return;
    const actor: Record<string, unknown> = {};
    const problems: RowProblem[] = [];
    const problem = (field: ActorColumn | null, key: IoTextKey, vars: Record<string, string | number> = {}) =>
      problems.push({ row, field, message: translate(lang, `io.${key}`, { row, ...vars }) });
    mapping.forEach((field, col) => {
      if (!field) return;
      const cell = cells[col] ?? null;
      const label = translate(lang, `io.field.${field}`);
      if (field in NUMBER_FIELDS) {
        const [min, max] = NUMBER_FIELDS[field as NumberField];
        const n = parseNumber(cell);
        if (n === 'invalid') problem(field, 'row.notNumber', { field: label, value: cellText(cell).slice(0, 40) });
        else if (n !== null && (n < min || n > max)) problem(field, 'row.range', { field: label, min, max });
        else if (n !== null) actor[field] = n;
      } else if (field in CHOICE_FIELDS) {
        const text = cellText(cell).trim();
        if (!text) return;
        const key = CHOICE_LOOKUP[field as ChoiceField].get(normaliseValue(text));
        if (key) actor[field] = key;
        else
          problem(field, 'row.choice', {
            field: label,
            value: text.slice(0, 40),
            options: CHOICE_FIELDS[field as ChoiceField].join(', '),
          });
      } else if (field === 'color') {
        const text = cellText(cell).trim().toLowerCase();
        if (!text) return;
        if ((ACTOR_COLORS as readonly string[]).includes(text)) actor.color = text;
        else problem(field, 'row.color', { value: text.slice(0, 40) });
      } else {
        const text = cellText(cell);
        const max = TEXT_MAX[field] ?? 200;
        // Names and organisations follow the rule of every name (shared/names.ts); the 3 B's and notes are kept as typed.
        const isName = field === 'name' || field === 'organisation';
        const value = isName ? cleanLine(text) : text;
        if ((isName ? codePointLength(value) : value.length) > max)
          problem(field, 'row.tooLong', { field: label, max });
        else actor[field] = value;
      }
    });
    if (!actor.name && !problems.some((p) => p.field === 'name')) problem('name', 'row.noName');
    out.push(problems.length ? { row, ok: false, problems } : { row, ok: true, actor: actor as NewActor });
  });
  return out;
}

/** Checks a mapping: each field at most once, and a name column. Returns a message or null. */
export function checkMapping(mapping: readonly (ActorColumn | null)[], lang: IoLang): string | null {
  const seen = new Set<ActorColumn>();
  for (const f of mapping) {
    if (!f) continue;
    if (seen.has(f)) return translate(lang, 'io.mapping.twice', { field: translate(lang, `io.field.${f}`) });
    seen.add(f);
  }
  return seen.has('name') ? null : translate(lang, 'io.mapping.noName');
}
