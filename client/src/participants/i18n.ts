/** Texts of managing participants (the facilitator renames or removes someone). */
import { textsHook } from '../i18n/texts.ts';

const nl = {
  manage: 'Beheren',
  manageLabel: '{name} beheren',
  rename: 'Naam wijzigen',
  renameLabel: 'Nieuwe naam',
  save: 'Opslaan',
  cancel: 'Annuleren',
  remove: 'Verwijderen uit de bijeenkomst',
  removeConfirm:
    '{name} verwijderen? Diegene wordt losgekoppeld en kan niet meer terugkomen met deze uitnodiging. Wat al op de borden staat, blijft staan.',
  removeYes: 'Ja, verwijderen',
  anonymise: 'Naam weghalen bij wat {name} schreef (notities en antwoorden blijven staan, zonder naam)',
  renamed: 'De naam is gewijzigd in “{name}”.',
  removed: '{name} is verwijderd uit de bijeenkomst.',
  failed: 'Dat lukte niet: {reason}',
  absentTitle: 'Niet verbonden ({n})',
  absentHint: 'Deelnemers die eerder meededen en nu niet verbonden zijn.',
};

const en: Record<keyof typeof nl, string> = {
  manage: 'Manage',
  manageLabel: 'Manage {name}',
  rename: 'Rename',
  renameLabel: 'New name',
  save: 'Save',
  cancel: 'Cancel',
  remove: 'Remove from the meeting',
  removeConfirm:
    'Remove {name}? They are disconnected and cannot come back with this invitation. What is on the boards stays.',
  removeYes: 'Yes, remove',
  anonymise: 'Take {name}’s name off what they wrote (notes and answers stay, without a name)',
  renamed: 'The name is now “{name}”.',
  removed: '{name} has been removed from the meeting.',
  failed: 'That did not work: {reason}',
  absentTitle: 'Not connected ({n})',
  absentHint: 'Participants who took part earlier and are not connected now.',
};

export const useParticipantsT = textsHook(nl, en);
