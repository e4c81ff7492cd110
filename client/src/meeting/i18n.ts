/** Texts of the live meeting (phases, timer, live controls, screens). */
import { textsHook } from '../i18n/texts.ts';

const nl = {
  'screen.label': 'Schermen',
  'screen.board': 'Borden',
  'screen.control': 'Regiekamer',
  'screen.compare': 'Vergelijken',
  'screen.results': 'Resultaten',
};

const en: Record<keyof typeof nl, string> = {
  'screen.label': 'Screens',
  'screen.board': 'Boards',
  'screen.control': 'Control room',
  'screen.compare': 'Compare',
  'screen.results': 'Results',
};

export type MeetingKey = keyof typeof nl;
export const useMeetingT = textsHook(nl, en);
