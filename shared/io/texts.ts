/**
 * Words of the data import and export that the server sends (row messages, errors):
 * Dutch first, in the users' words; English checked against it by type.
 */
import { defineTexts } from '../i18n/texts.ts';
import type { Lang } from '../i18n/lang.ts';

export type IoLang = Lang;

const nl = {
  'field.name': 'naam',
  'field.organisation': 'organisatie',
  'field.category': 'rol',
  'field.level': 'niveau',
  'field.scope': 'intern/extern',
  'field.relation': 'relatie',
  'field.frequency': 'frequentie',
  'field.participation': 'participatie',
  'field.houding': 'houding',
  'field.invloed': 'invloed',
  'field.betrokkenheid': 'betrokkenheid',
  'field.inhoud': 'inhoud',
  'field.vertrouwen': 'vertrouwen',
  'field.bedoeling': 'bedoeling',
  'field.belang': 'belang',
  'field.bijdrage': 'bijdrage',
  'field.notities': 'notities',
  'field.color': 'kleur',
  'row.noName': 'Rij {row}: naam ontbreekt',
  'row.range': 'Rij {row}: {field} moet tussen {min} en {max} liggen',
  'row.notNumber': 'Rij {row}: {field} moet een getal zijn, niet “{value}”',
  'row.choice': 'Rij {row}: {field} “{value}” ken ik niet (kies uit: {options})',
  'row.color': 'Rij {row}: kleur “{value}” is geen kleur van Veldwerk',
  'row.tooLong': 'Rij {row}: {field} is langer dan {max} tekens',
  'mapping.twice': 'De kolom voor {field} is twee keer gekozen.',
  'mapping.noName': 'Kies welke kolom de naam van de actor bevat.',
  'file.empty': 'Het bestand is leeg.',
  'file.notText': 'Dit is geen CSV- of Excel-bestand (het bevat binaire gegevens).',
  'file.unclosedQuote': 'Dit CSV-bestand is beschadigd: een aanhalingsteken op regel {line} wordt nooit gesloten.',
  'file.badXlsx': 'Dit Excel-bestand kan niet worden gelezen: het is beschadigd of geen .xlsx-bestand.',
  'file.noSheet': 'Dit Excel-bestand heeft geen werkblad met gegevens.',
  'file.noRows': 'Het bestand heeft een kopregel maar geen rijen met actoren.',
  'file.tooManyRows': 'Het bestand heeft meer dan {max} rijen; splits het op.',
  'file.tooManyColumns': 'Het bestand heeft meer dan {max} kolommen.',
  'file.tooLarge': 'Het bestand is groter dan {max} MB.',
  'file.type': 'Stuur een CSV-bestand (text/csv) of een Excel-bestand (.xlsx).',
  'import.rejected': {
    one: '1 rij is afgekeurd; er is niets geïmporteerd (alles of niets).',
    other: '{count} rijen zijn afgekeurd; er is niets geïmporteerd (alles of niets).',
  },
  'import.nothing': 'Er is geen geldige rij om te importeren.',
  'import.failed': 'Het importeren is mislukt; er is niets veranderd.',
};

export type IoTextKey = keyof typeof nl;

const en = {
  'field.name': 'name',
  'field.organisation': 'organisation',
  'field.category': 'role',
  'field.level': 'level',
  'field.scope': 'internal/external',
  'field.relation': 'relation',
  'field.frequency': 'frequency',
  'field.participation': 'participation',
  'field.houding': 'attitude',
  'field.invloed': 'influence',
  'field.betrokkenheid': 'involvement',
  'field.inhoud': 'agreement on content',
  'field.vertrouwen': 'trust',
  'field.bedoeling': 'intention',
  'field.belang': 'interest',
  'field.bijdrage': 'contribution',
  'field.notities': 'notes',
  'field.color': 'colour',
  'row.noName': 'Row {row}: the name is missing',
  'row.range': 'Row {row}: {field} must be between {min} and {max}',
  'row.notNumber': 'Row {row}: {field} must be a number, not “{value}”',
  'row.choice': 'Row {row}: {field} “{value}” is unknown (choose from: {options})',
  'row.color': 'Row {row}: colour “{value}” is not a Veldwerk colour',
  'row.tooLong': 'Row {row}: {field} is longer than {max} characters',
  'mapping.twice': 'The column for {field} is chosen twice.',
  'mapping.noName': 'Choose the column that holds the actor’s name.',
  'file.empty': 'The file is empty.',
  'file.notText': 'This is not a CSV or Excel file (it holds binary data).',
  'file.unclosedQuote': 'This CSV file is broken: a quote on line {line} is never closed.',
  'file.badXlsx': 'This Excel file cannot be read: it is broken or not an .xlsx file.',
  'file.noSheet': 'This Excel file has no worksheet with data.',
  'file.noRows': 'The file has a header row but no rows with actors.',
  'file.tooManyRows': 'The file has more than {max} rows; split it up.',
  'file.tooManyColumns': 'The file has more than {max} columns.',
  'file.tooLarge': 'The file is larger than {max} MB.',
  'file.type': 'Send a CSV file (text/csv) or an Excel file (.xlsx).',
  'import.rejected': {
    one: '1 row was rejected; nothing was imported (all or nothing).',
    other: '{count} rows were rejected; nothing was imported (all or nothing).',
  },
  'import.nothing': 'There is no valid row to import.',
  'import.failed': 'The import failed; nothing was changed.',
};

/** The `io` namespace of the app's one dictionary (`shared/i18n/messages.ts`, `translate`). */
export const ioTexts = defineTexts(nl, en);
