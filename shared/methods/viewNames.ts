/**
 * The method views' names (the view tabs, the drawings' titles): their one home, part of
 * `labels.ts`'s dictionary. Apart so that the session page's tabs (issue 14) do not load
 * every word of the methods before the board's first paint.
 */
import { defineTexts } from '../i18n/texts.ts';

const nl = {
  'view.krachtenveld': 'Krachtenveld',
  'view.krachten': 'Krachten + en −',
  'view.netwerk': 'Netwerk',
  'view.typologie': 'Typologie',
  'view.drieB': 'De 3 B’s',
};

const en = {
  'view.krachtenveld': 'Field of forces',
  'view.krachten': 'Forces + and −',
  'view.netwerk': 'Network',
  'view.typologie': 'Typology',
  'view.drieB': 'The 3 B’s',
};

export const viewNames = defineTexts(nl, en);
export type ViewNameKey = keyof typeof nl;
