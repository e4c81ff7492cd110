/**
 * UI text of presence and export (Dutch first, English checked against it), kept
 * here until the lead folds it into `i18n/nl.ts` and `i18n/en.ts`.
 */
import { useCallback } from 'react';
import { useLang } from '../i18n/useT.ts';

const nl = {
  'people.title': 'Op dit bord',
  'people.you': 'jij',
  'people.follow': 'Volgen',
  'people.following': 'Volgend',
  'people.followLabel': 'Volgen: het beeld van {name}',
  'people.stopLabel': 'Volgend: stop met volgen van {name}',
  'people.noView': 'Volgen: {name} heeft het bord nog niet in beeld',
  'people.followingBanner': 'Je volgt {name}. Esc of zelf schuiven stopt het.',
  'people.stop': 'Stoppen',
  'people.more': '+{count} meer',
  'people.less': 'Minder',
  'people.alone': 'Alleen jij',
  'role.facilitator': 'procesbegeleider',
  'role.participant': 'deelnemer',
  'role.viewer': 'kijkt mee',
  'export.button': 'Exporteren',
  'export.png': 'PNG (afbeelding)',
  'export.svg': 'SVG (tekening)',
  'export.busy': 'Bezig…',
  'export.failed': 'Exporteren lukte niet.',
  'export.empty': 'Het bord is leeg.',
} as const;

export type PresenceMessageKey = keyof typeof nl;

const en: Record<PresenceMessageKey, string> = {
  'people.title': 'On this board',
  'people.you': 'you',
  'people.follow': 'Follow',
  'people.following': 'Following',
  'people.followLabel': "Follow {name}'s view",
  'people.stopLabel': 'Following: stop following {name}',
  'people.noView': 'Follow: {name} does not have the board in view yet',
  'people.followingBanner': 'You are following {name}. Esc or panning yourself stops it.',
  'people.stop': 'Stop',
  'people.more': '+{count} more',
  'people.less': 'Less',
  'people.alone': 'Only you',
  'role.facilitator': 'facilitator',
  'role.participant': 'participant',
  'role.viewer': 'viewing',
  'export.button': 'Export',
  'export.png': 'PNG (image)',
  'export.svg': 'SVG (drawing)',
  'export.busy': 'Working…',
  'export.failed': 'Export failed.',
  'export.empty': 'The board is empty.',
};

const MESSAGES: Record<'nl' | 'en', Record<PresenceMessageKey, string>> = { nl, en };

export type PresenceTranslate = (key: PresenceMessageKey, vars?: Record<string, string | number>) => string;

export function usePresenceT(): PresenceTranslate {
  const lang = useLang();
  return useCallback(
    (key, vars) =>
      MESSAGES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
        vars && name in vars ? String(vars[name]) : whole,
      ),
    [lang],
  );
}
