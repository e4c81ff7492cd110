/**
 * Names the app makes (issue 12): the plenary board, the template board, "Groep 1", the
 * krachtenveld template's phases and questions. The app stores them in Dutch, as typed
 * content that people may edit; `showName` translates a stored text only while it is
 * still the app's own default, so whatever someone typed is shown as typed. The meeting
 * template and the board and group defaults take their Dutch from here (one text each).
 */
import { defineTexts, fillVars, translateIn } from './texts.ts';
import type { Lang } from './lang.ts';

export const appNames = defineTexts(
  {
    plenary: 'Plenair',
    templateBoard: 'Sjabloon groepsbord',
    group: 'Groep {n}',
    'theorie.title': 'Theorie',
    'theorie.description':
      'Een korte uiteenzetting over wat een krachtenanalyse is en wat het oplevert, en drie methodieken: ' +
      'negatieve en positieve krachten, het krachtenveld met 3 assen (Den Hollander) en de 3 B’s bij ' +
      'samenwerking: bedoeling, belang en bijdrage. Een goede krachtenveldanalyse levert orde in het denken ' +
      'en inzicht in aannames over andere organisaties.',
    'ronde.title': 'Individuele ronde: de 3 B’s',
    'ronde.description':
      'Pas ieder voor zich het model van de 3 B’s toe op één actor in je netwerk: wat zijn de bedoelingen ' +
      'van de partner, wat zijn de belangen, en wat kunnen mogelijke bijdragen zijn aan de samenwerking?',
    'groepen.title': 'Uitwisseling in kleine groepen',
    'groepen.description': 'Breng in je groep het krachtenveld in kaart en bespreek de drie vragen.',
    'groepen.g1': 'Wat speelt er in het krachtenveld van samenwerkende partners?',
    'groepen.g2': 'Hoe stellen partners zich op?',
    'groepen.g3': 'Waarom stellen ze zich zo op?',
    'plenair.title': 'Plenaire nabespreking',
    'plenair.description': 'We leggen de krachtenvelden van de groepen naast elkaar en bespreken twee vragen.',
    'plenair.p1': 'Wat zijn de lastigste aspecten in het krachtenveld?',
    'plenair.p2': 'Welke tips/adviezen heeft men om overeenstemming te krijgen in het krachtenveld?',
    'tips.title': 'Tips en aandachtspunten',
    'tips.description': 'Welke tips en aandachtspunten nemen we mee? Verdeel je stippen over wat het zwaarst weegt.',
    'evaluatie.title': 'Evaluatie',
    'evaluatie.description': 'Geef de bijeenkomst een cijfer van 1 tot 10 en laat als je wilt een quote achter.',
  },
  {
    plenary: 'Plenary',
    templateBoard: 'Group board template',
    group: 'Group {n}',
    'theorie.title': 'Theory',
    'theorie.description':
      'A short introduction to what a field-of-forces analysis is and what it yields, and three methods: ' +
      'negative and positive forces, the field of forces with three axes (Den Hollander) and the 3 B’s of ' +
      'collaboration: intention, interest and contribution. A good analysis brings order to the thinking ' +
      'and insight into assumptions about other organisations.',
    'ronde.title': 'Individual round: the 3 B’s',
    'ronde.description':
      'Each on your own, apply the 3 B’s to one actor in your network: what does the partner intend, ' +
      'what are their interests, and what could they contribute to the collaboration?',
    'groepen.title': 'Exchange in small groups',
    'groepen.description': 'Map the field of forces in your group and discuss the three questions.',
    'groepen.g1': 'What is going on in the field of forces between the partners?',
    'groepen.g2': 'How do the partners position themselves?',
    'groepen.g3': 'Why do they position themselves that way?',
    'plenair.title': 'Plenary discussion',
    'plenair.description': 'We put the groups’ fields of forces side by side and discuss two questions.',
    'plenair.p1': 'What are the hardest aspects of the field of forces?',
    'plenair.p2': 'Which tips or advice help to reach agreement in the field of forces?',
    'tips.title': 'Tips and points of attention',
    'tips.description': 'Which tips and points of attention do we take along? Spread your dots over what matters most.',
    'evaluatie.title': 'Evaluation',
    'evaluatie.description': 'Give the meeting a grade from 1 to 10 and, if you like, leave a quote.',
  },
);

export type AppNameKey = keyof typeof appNames.nl;

/** The app's default in Dutch, as it is stored (`appName('group', { n: 2 })` is "Groep 2"). */
export function appName(key: AppNameKey, vars?: Record<string, string | number>): string {
  return fillVars(appNames.nl[key], vars);
}

const byDutch = new Map<string, AppNameKey>(
  (Object.keys(appNames.nl) as AppNameKey[]).filter((k) => k !== 'group').map((k) => [appNames.nl[k], k]),
);
const GROUP = /^Groep (\d{1,3})$/;

/**
 * A stored name as shown in `lang`: the app's own default in that language, anything
 * else (a name someone typed or changed) exactly as stored.
 */
export function showName(lang: Lang, stored: string): string {
  if (lang === 'nl') return stored;
  const key = byDutch.get(stored.trim());
  if (key) return translateIn(appNames, lang, key);
  const group = GROUP.exec(stored.trim());
  if (group) return translateIn(appNames, lang, 'group', { n: group[1]! });
  return stored;
}
