/**
 * Texts of presence (who is on the board, following) and the board's export: the
 * `presence` namespace of the one layer (issue 12), read with `usePresenceT()`.
 */
import { defineTexts, type Translation } from '../../../../shared/i18n/texts.ts';
import { commonTexts } from '../i18n/common.ts';
import { useT, type Translator } from '../i18n/useT.ts';
import { coreTexts } from '../i18n/core.ts';

const nl = {
  'people.title': 'Op dit bord',
  'people.you': coreTexts.nl['presence.you'],
  'people.follow': 'Volgen',
  'people.following': 'Volgend',
  'people.followLabel': 'Volgen: het beeld van {name}',
  'people.stopLabel': 'Volgend: stop met volgen van {name}',
  'people.noView': 'Volgen: {name} heeft het bord nog niet in beeld',
  'people.followingBanner': 'Je volgt {name}. Esc of zelf schuiven stopt het.',
  'people.stop': 'Stoppen',
  'people.more': '+{count} meer',
  'people.less': commonTexts.nl.less,
  'people.alone': 'Alleen jij',
  'role.facilitator': coreTexts.nl['role.facilitator'],
  'role.participant': coreTexts.nl['role.participant'],
  'role.viewer': 'kijkt mee',
  'export.button': 'Exporteren',
  'export.png': 'PNG (afbeelding)',
  'export.svg': 'SVG (tekening)',
  'export.busy': commonTexts.nl.working,
  'export.failed': 'Exporteren lukte niet.',
  'export.empty': 'Het bord is leeg.',
} as const;

export type PresenceMessageKey = keyof typeof nl;

const en: Translation<typeof nl> = {
  'people.title': 'On this board',
  'people.you': coreTexts.en['presence.you'],
  'people.follow': 'Follow',
  'people.following': 'Following',
  'people.followLabel': "Follow {name}'s view",
  'people.stopLabel': 'Following: stop following {name}',
  'people.noView': 'Follow: {name} does not have the board in view yet',
  'people.followingBanner': 'You are following {name}. Esc or panning yourself stops it.',
  'people.stop': 'Stop',
  'people.more': '+{count} more',
  'people.less': commonTexts.en.less,
  'people.alone': 'Only you',
  'role.facilitator': coreTexts.en['role.facilitator'],
  'role.participant': coreTexts.en['role.participant'],
  'role.viewer': 'viewing',
  'export.button': 'Export',
  'export.png': 'PNG (image)',
  'export.svg': 'SVG (drawing)',
  'export.busy': commonTexts.en.working,
  'export.failed': 'Export failed.',
  'export.empty': 'The board is empty.',
};

export const presenceTexts = defineTexts(nl, en);

export type PresenceTranslate = Translator<PresenceMessageKey>;

export function usePresenceT(): PresenceTranslate {
  return useT(presenceTexts);
}
