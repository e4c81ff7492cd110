/** Texts of managing participants (the facilitator renames or removes someone). */
import { defineTexts } from '../../../../shared/i18n/texts.ts';
import { commonTexts } from '../../base/i18n/common.ts';

const nl = {
  manage: 'Beheren',
  manageLabel: '{name} beheren',
  rename: 'Naam wijzigen',
  renameLabel: commonTexts.nl.newName,
  save: commonTexts.nl.save,
  cancel: commonTexts.nl.cancel,
  remove: 'Verwijderen uit de bijeenkomst',
  removeConfirm:
    '{name} verwijderen? Diegene wordt meteen losgekoppeld en de eigen link werkt niet meer. Wat al op de borden staat, blijft staan.',
  rejoinLegend: 'Mag {name} later terugkomen?',
  rejoinYes: 'Mag terugkomen met de deelnamecode (als nieuwe deelnemer).',
  rejoinNo:
    'Mag niet terugkomen tot de code verandert: de deelnamecode wordt nu vervangen door een nieuwe. Wie al meedoet, blijft erin; nieuwe deelnemers hebben de nieuwe code nodig, de oude link en QR-code werken niet meer.',
  removeYes: 'Ja, verwijderen',
  removedRejoin: '{name} is verwijderd. Met de deelnamecode kan diegene opnieuw meedoen.',
  removedNewCode: '{name} is verwijderd en kan niet terugkomen met de oude code. De nieuwe deelnamecode is {code}.',
  anonymise: 'Naam weghalen bij wat {name} schreef (notities en antwoorden blijven staan, zonder naam)',
  renamed: 'De naam is gewijzigd in “{name}”.',
  failed: commonTexts.nl.failed,
  absentTitle: 'Niet verbonden ({n})',
  absentHint: 'Deelnemers die eerder meededen en nu niet verbonden zijn.',
};

const en = {
  manage: 'Manage',
  manageLabel: 'Manage {name}',
  rename: 'Rename',
  renameLabel: commonTexts.en.newName,
  save: commonTexts.en.save,
  cancel: commonTexts.en.cancel,
  remove: 'Remove from the meeting',
  removeConfirm:
    'Remove {name}? They are disconnected at once and their own link stops working. What is on the boards stays.',
  rejoinLegend: 'May {name} come back later?',
  rejoinYes: 'May come back with the join code (as a new participant).',
  rejoinNo:
    'May not come back until the code changes: the join code is replaced by a new one now. Those already taking part stay in; new participants need the new code, the old link and QR code stop working.',
  removeYes: 'Yes, remove',
  removedRejoin: '{name} has been removed. With the join code they can take part again.',
  removedNewCode: '{name} has been removed and cannot come back with the old code. The new join code is {code}.',
  anonymise: 'Take {name}’s name off what they wrote (notes and answers stay, without a name)',
  renamed: 'The name is now “{name}”.',
  failed: commonTexts.en.failed,
  absentTitle: 'Not connected ({n})',
  absentHint: 'Participants who took part earlier and are not connected now.',
};

export const participantsTexts = defineTexts(nl, en);
