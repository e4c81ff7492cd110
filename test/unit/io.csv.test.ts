import { describe, expect, it } from 'vitest';
import {
  CsvError,
  decodeText,
  detectSeparator,
  neutraliseCell,
  parseCsv,
  quoteField,
  restoreCell,
  writeCsv,
} from '../../shared/io/csv.ts';
import { actorsCsv, readCsvTable } from '../../shared/io/actorsFile.ts';
import { ACTOR_COLUMNS, checkRows, headerOf, suggestMapping, normaliseHeader } from '../../shared/io/actorTable.ts';
import type { Actor } from '../../shared/model/board/actorSchema.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('formula neutralising', () => {
  it.each(['=HYPERLINK("http://x","y")', '+1', '-2', '@SUM(A1)', '\tx', '\rx'])('neutralises %j', (v) => {
    expect(neutraliseCell(v)).toBe(`'${v}`);
    expect(restoreCell(neutraliseCell(v))).toBe(v);
  });

  it('leaves harmless text alone', () => {
    for (const v of ['Gemeente', "'quoted", '1+1', 'a=b', '', ' =x', '😀', 'مرحبا']) expect(neutraliseCell(v)).toBe(v);
  });

  it('round-trips text that already starts with quotes before a formula', () => {
    for (const v of ["'=x", "''+1", "'", "''"]) expect(restoreCell(neutraliseCell(v))).toBe(v);
    expect(neutraliseCell("'=x")).toBe("''=x");
  });

  it('restores only what it added', () => {
    expect(restoreCell("'hello")).toBe("'hello");
    expect(restoreCell('=x')).toBe('=x');
  });
});

describe('writing CSV', () => {
  it('quotes fields with the separator, quotes and line breaks', () => {
    expect(quoteField('a;b', ';')).toBe('"a;b"');
    expect(quoteField('a,b', ';')).toBe('a,b');
    expect(quoteField('a,b', ',')).toBe('"a,b"');
    expect(quoteField('say "hi"', ';')).toBe('"say ""hi"""');
    expect(quoteField('two\nlines', ';')).toBe('"two\nlines"');
    expect(quoteField('cr\r', ';')).toBe('"cr\r"');
  });

  it('starts with a BOM and ends lines with CRLF', () => {
    const text = writeCsv(
      [
        ['a', 'b'],
        ['1', '2'],
      ],
      { separator: ';' },
    );
    expect(text).toBe('\uFEFFa;b\r\n1;2\r\n');
    expect(writeCsv([['a']], { separator: ',', bom: false })).toBe('a\r\n');
  });
});

describe('parsing CSV', () => {
  it('parses quoted fields with separators, doubled quotes and line breaks', () => {
    const { rows, separator } = parseCsv('\uFEFFnaam;notities\r\n"Gemeente; wijk";"zei ""ja""\r\nen nee"\r\nGGD;\r\n');
    expect(separator).toBe(';');
    expect(rows).toEqual([
      ['naam', 'notities'],
      ['Gemeente; wijk', 'zei "ja"\r\nen nee'],
      ['GGD', ''],
    ]);
  });

  it('detects comma, semicolon and tab separators', () => {
    expect(detectSeparator('a,b,c\n1;2')).toBe(',');
    expect(detectSeparator('a;b;c\n1,2')).toBe(';');
    expect(detectSeparator('a\tb\n')).toBe('\t');
    expect(detectSeparator('"a;b",c\n')).toBe(',');
    expect(parseCsv('name,org\nAnna,"GGD, regio"\n').rows).toEqual([
      ['name', 'org'],
      ['Anna', 'GGD, regio'],
    ]);
  });

  it("takes Excel's sep= line", () => {
    expect(parseCsv('sep=,\na;b,c\n').rows).toEqual([['a;b', 'c']]);
  });

  it('reads LF, CRLF and CR line ends and a last line without one', () => {
    expect(parseCsv('a;b\n1;2').rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a;b\r1;2\r').rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('refuses an unclosed quote, naming its line', () => {
    expect(() => parseCsv('a;b\n1;2\n"open;3\n4;5\n')).toThrow(CsvError);
    try {
      parseCsv('a;b\n1;2\n"open;3\n4;5\n');
    } catch (err) {
      expect((err as CsvError).line).toBe(3);
    }
  });

  it('round-trips hostile text through write and parse', () => {
    const hostile = [
      '=HYPERLINK("http://evil","klik")',
      '+1',
      '-2',
      '@SUM(1;2)',
      '😀🎉',
      'שלום עולם',
      'x'.repeat(2000),
      'a;b,"c"\n\rd',
    ];
    for (const sep of [';', ','] as const) {
      const text = writeCsv([hostile.map(neutraliseCell)], { separator: sep });
      const back = parseCsv(text).rows[0]!.map(restoreCell);
      expect(back).toEqual(hostile);
    }
  });
});

describe('decoding uploads', () => {
  it('reads UTF-8 with and without BOM, and Windows-1252', () => {
    expect(decodeText(enc('\uFEFFcafé'))).toBe('café');
    expect(decodeText(new Uint8Array([0x63, 0x61, 0x66, 0xe9]))).toBe('café');
  });

  it('refuses binary and empty files', () => {
    expect(() => decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2]))).toThrow(/not_text/);
    expect(() => decodeText(new Uint8Array())).toThrow(/empty/);
    expect(() => decodeText(enc('   \r\n'))).toThrow(/empty/);
  });
});

const actor = (over: Partial<Actor>): Actor => ({
  id: 'a1',
  name: 'Gemeente',
  organisation: '',
  category: null,
  level: null,
  scope: null,
  relation: null,
  frequency: null,
  participation: null,
  color: '#0e5a63',
  houding: null,
  invloed: null,
  betrokkenheid: 0.5,
  inhoud: null,
  vertrouwen: null,
  netHoek: null,
  order: 1,
  bedoeling: '',
  belang: '',
  bijdrage: '',
  notities: '',
  ...over,
});

describe('the actors table', () => {
  it('writes Dutch headers, `;` and decimal commas; English with `,` and points', () => {
    const nl = actorsCsv([actor({ houding: -0.5, category: 'financier' })], 'nl');
    expect(nl.split('\r\n')[0]).toBe(
      '\uFEFFNaam;Organisatie;Rol;Niveau;Intern/extern;Relatie;Frequentie;Participatie;Houding (-1 tot 1);Invloed (0 tot 1);Betrokkenheid (0 tot 1);Inhoud (-1 tot 1);Vertrouwen (0 tot 1);Bedoeling;Belang;Bijdrage;Notities;Kleur',
    );
    expect(nl.split('\r\n')[1]).toBe('Gemeente;;financier;;;;;;-0,5;;0,5;;;;;;;#0e5a63');
    const en = actorsCsv([actor({ houding: -0.5, category: 'financier' })], 'en');
    expect(en.split('\r\n')[1]).toBe('Gemeente,,funder,,,,,,-0.5,,0.5,,,,,,,#0e5a63');
  });

  it('suggests a mapping from Dutch and English headers', () => {
    expect(
      suggestMapping(['Naam', 'Organisatie', 'Rol', 'Houding (-1 tot 1)', 'Belang', 'Betrokkenheid', 'xyz']),
    ).toEqual(['name', 'organisation', 'category', 'houding', 'belang', 'betrokkenheid', null]);
    expect(suggestMapping(['Name', 'Organization', 'Influence', 'Interest', 'Notes', 'Name'])).toEqual([
      'name',
      'organisation',
      'invloed',
      'belang',
      'notities',
      null,
    ]);
    expect(normaliseHeader('  Organisatié (verplicht) ')).toBe('organisatie');
  });

  it('reads back the headers of an exported file in either language (from the io dictionary)', () => {
    for (const lang of ['nl', 'en'] as const) {
      const headers = ACTOR_COLUMNS.map((c) => headerOf(lang, c));
      expect(headers[0]).toBe(lang === 'nl' ? 'Naam' : 'Name');
      expect(suggestMapping(headers)).toEqual([...ACTOR_COLUMNS]);
    }
  });

  it('says per row what is wrong, in Dutch or English', () => {
    const table = readCsvTable(
      enc('Naam;Houding;Rol;Invloed\nGGD;0,5;beslisser;1\n;0;;\nWijkteam;3;;\nSchool;;koning;abc\n;;;\n'),
      'nl',
    );
    const mapping = suggestMapping(table.headers);
    const rows = checkRows(table, mapping, 'nl');
    expect(rows.map((r) => r.row)).toEqual([2, 3, 4, 5]);
    expect(rows[0]).toEqual({
      row: 2,
      ok: true,
      actor: { name: 'GGD', houding: 0.5, category: 'beslisser', invloed: 1 },
    });
    const messages = rows.flatMap((r) => (r.ok ? [] : r.problems.map((p) => p.message)));
    expect(messages).toContain('Rij 3: naam ontbreekt');
    expect(messages).toContain('Rij 4: houding moet tussen -1 en 1 liggen');
    expect(messages.some((m) => m.startsWith('Rij 5: rol “koning” ken ik niet'))).toBe(true);
    expect(messages).toContain('Rij 5: invloed moet een getal zijn, niet “abc”');
    const en = checkRows(table, mapping, 'en').flatMap((r) => (r.ok ? [] : r.problems.map((p) => p.message)));
    expect(en).toContain('Row 3: the name is missing');
  });

  it('accepts English and label words for choices', () => {
    const table = readCsvTable(enc('name,role,level,relation\nA,Decision maker,strategic,Huidige partner\n'), 'en');
    const [row] = checkRows(table, suggestMapping(table.headers), 'en');
    expect(row).toEqual({
      row: 2,
      ok: true,
      actor: { name: 'A', category: 'beslisser', level: 'strategisch', relation: 'partner' },
    });
  });
});
