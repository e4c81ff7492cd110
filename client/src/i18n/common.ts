/**
 * The words many parts of the app say alike (issue 12): buttons (Annuleren, Opslaan,
 * Sluiten ...) and a few field names, in one home. A part's namespace takes them from
 * here (`'edit.cancel': commonTexts.nl.cancel`), so its own chunk stays its own and this
 * small dictionary is all it pulls in.
 */
import { defineTexts } from '../../../shared/i18n/texts.ts';

export const commonTexts = defineTexts(
  {
    cancel: 'Annuleren',
    save: 'Opslaan',
    close: 'Sluiten',
    delete: 'Verwijderen',
    confirmDelete: 'Ja, verwijderen',
    reallyDelete: 'Echt verwijderen?',
    edit: 'Bewerken',
    add: 'Toevoegen',
    open: 'Openen',
    duplicate: 'Dupliceren',
    undo: 'Ongedaan maken',
    retry: 'Opnieuw proberen',
    working: 'Bezig…',
    name: 'Naam',
    newName: 'Nieuwe naam',
    title: 'Titel',
    kind: 'Soort',
    notes: 'Notities',
    questions: 'Vragen',
    less: 'Minder',
    away: 'niet verbonden',
    openBoard: 'Open bord',
    openBoardOf: 'Open bord van {name}',
    /** Before the first phase (a heading on the bar, the projector and the phone). */
    waiting: 'De bijeenkomst begint zo',
  },
  {
    cancel: 'Cancel',
    save: 'Save',
    close: 'Close',
    delete: 'Delete',
    confirmDelete: 'Yes, delete',
    reallyDelete: 'Really delete?',
    edit: 'Edit',
    add: 'Add',
    open: 'Open',
    duplicate: 'Duplicate',
    undo: 'Undo',
    retry: 'Try again',
    working: 'Working…',
    name: 'Name',
    newName: 'New name',
    title: 'Title',
    kind: 'Kind',
    notes: 'Notes',
    questions: 'Questions',
    less: 'Less',
    away: 'not connected',
    openBoard: 'Open board',
    openBoardOf: 'Open the board of {name}',
    waiting: 'The meeting starts shortly',
  },
);
