/** Texts of data in and out: the actors' CSV/Excel export and import, the session as JSON. */
import type { Lang } from '../../../../shared/i18n/lang.ts';
import { defineTexts } from '../../../../shared/i18n/texts.ts';
import { ACTOR_COLUMNS, type ActorColumn } from '../../../../shared/io/actorColumns.ts';
import { ioTexts as sharedIoTexts } from '../../../../shared/io/texts.ts';
import { commonTexts } from '../../base/i18n/common.ts';

/** The columns' names from their one home, the exported file's headers (`shared/io/texts.ts`, `header.*`). */
function columnNames(lang: Lang): Record<`field.${ActorColumn}`, string> {
  const names = sharedIoTexts[lang];
  return Object.fromEntries(ACTOR_COLUMNS.map((c) => [`field.${c}`, names[`header.${c}`]])) as Record<
    `field.${ActorColumn}`,
    string
  >;
}

const nl = {
  ...columnNames('nl'),
  'menu.button': 'Gegevens',
  'menu.label': 'Gegevens in en uit',
  'menu.csv': 'Actoren downloaden (CSV)',
  'menu.xlsx': 'Actoren downloaden (Excel)',
  'menu.import': 'Actoren importeren…',
  'menu.session': 'Bijeenkomst exporteren (JSON)',
  'menu.busy': commonTexts.nl.working,
  'download.failed': 'Downloaden is mislukt: {message}',
  'download.done': '{file} is gedownload.',

  'dlg.title': 'Actoren importeren op “{board}”',
  'dlg.intro':
    'Begin met je eigen Excel-lijst: één rij per actor, met een kopregel (bijvoorbeeld Naam, Organisatie, Rol, Houding). Je ziet eerst wat er binnenkomt; er verandert nog niets.',
  'dlg.file': 'Kies een bestand (.csv of .xlsx)',
  'dlg.otherFile': 'Ander bestand kiezen',
  'dlg.reading': 'Bestand lezen…',
  'dlg.fileName': 'Bestand: {name}',
  'dlg.columns': 'Kolommen',
  'dlg.columnsHint': 'Kies per kolom waar hij in Veldwerk terechtkomt.',
  'dlg.column': 'Kolom “{header}”',
  'dlg.noHeader': '(zonder kop)',
  'dlg.skip': 'Niet importeren',
  'dlg.samples': 'bijv. {samples}',
  'dlg.preview': 'Voorbeeld',
  'dlg.previewCount': '{valid} van {total} rijen zijn goed',
  'dlg.row': 'Rij',
  'dlg.more': { one: 'en nog 1 rij', other: 'en nog {n} rijen' },
  'dlg.rejected': 'Afgekeurde rijen ({n})',
  'dlg.rejectedHint': 'Deze rijen worden overgeslagen. Pas ze aan in je bestand en kies het opnieuw.',
  'dlg.noneRejected': 'Alle rijen zijn goed.',
  'dlg.allOrNothing': 'Alles of niets: importeer niets als er een rij is afgekeurd',
  'dlg.cancel': commonTexts.nl.cancel,
  'dlg.close': commonTexts.nl.close,
  'dlg.commit': { one: 'Importeer 1 actor', other: 'Importeer {n} actoren' },
  'dlg.committing': 'Importeren…',
  'dlg.commitNone': 'Importeren',
  'dlg.why.noFile': 'Kies eerst een bestand.',
  'dlg.why.nothing': 'Er is geen goede rij om te importeren.',
  'dlg.why.allOrNothing': 'Er zijn afgekeurde rijen en je koos “alles of niets”.',
  'dlg.done': { one: '1 actor geïmporteerd op “{board}”.', other: '{n} actoren geïmporteerd op “{board}”.' },
  'dlg.failed': 'Importeren is mislukt: {message}',

  'home.button': 'Bijeenkomst importeren (JSON)',
  'home.text': 'Zet een bijeenkomst terug uit een Veldwerk-bestand (reservekopie of van een andere server).',
  'home.busy': 'Importeren…',
  'home.failed': 'Importeren is mislukt: {message}',
  'home.notJson': 'Dit bestand is geen JSON-bestand van Veldwerk.',
};

export type IoTextKey = keyof typeof nl;

const en = {
  ...columnNames('en'),
  'menu.button': 'Data',
  'menu.label': 'Data in and out',
  'menu.csv': 'Download actors (CSV)',
  'menu.xlsx': 'Download actors (Excel)',
  'menu.import': 'Import actors…',
  'menu.session': 'Export meeting (JSON)',
  'menu.busy': commonTexts.en.working,
  'download.failed': 'The download failed: {message}',
  'download.done': '{file} was downloaded.',

  'dlg.title': 'Import actors into “{board}”',
  'dlg.intro':
    'Start from your own Excel list: one row per actor, with a header row (for example Name, Organisation, Role, Attitude). You first see what comes in; nothing changes yet.',
  'dlg.file': 'Choose a file (.csv or .xlsx)',
  'dlg.otherFile': 'Choose another file',
  'dlg.reading': 'Reading the file…',
  'dlg.fileName': 'File: {name}',
  'dlg.columns': 'Columns',
  'dlg.columnsHint': 'Choose for each column where it goes in Veldwerk.',
  'dlg.column': 'Column “{header}”',
  'dlg.noHeader': '(no header)',
  'dlg.skip': 'Do not import',
  'dlg.samples': 'e.g. {samples}',
  'dlg.preview': 'Preview',
  'dlg.previewCount': '{valid} of {total} rows are fine',
  'dlg.row': 'Row',
  'dlg.more': { one: 'and 1 more row', other: 'and {n} more rows' },
  'dlg.rejected': 'Rejected rows ({n})',
  'dlg.rejectedHint': 'These rows are skipped. Fix them in your file and choose it again.',
  'dlg.noneRejected': 'All rows are fine.',
  'dlg.allOrNothing': 'All or nothing: import nothing if any row is rejected',
  'dlg.cancel': commonTexts.en.cancel,
  'dlg.close': commonTexts.en.close,
  'dlg.commit': { one: 'Import 1 actor', other: 'Import {n} actors' },
  'dlg.committing': 'Importing…',
  'dlg.commitNone': 'Import',
  'dlg.why.noFile': 'Choose a file first.',
  'dlg.why.nothing': 'There is no valid row to import.',
  'dlg.why.allOrNothing': 'Some rows are rejected and you chose “all or nothing”.',
  'dlg.done': { one: '1 actor imported into “{board}”.', other: '{n} actors imported into “{board}”.' },
  'dlg.failed': 'The import failed: {message}',

  'home.button': 'Import a meeting (JSON)',
  'home.text': 'Restore a meeting from a Veldwerk file (a backup, or from another server).',
  'home.busy': 'Importing…',
  'home.failed': 'The import failed: {message}',
  'home.notJson': 'This file is not a Veldwerk JSON file.',
};

export const ioTexts = defineTexts(nl, en);
