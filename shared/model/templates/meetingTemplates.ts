/**
 * Meeting templates: what a new session starts with. "Netwerkbijeenkomst
 * krachtenveld" follows the programme of seed 003 (theory, an individual round of the
 * 3 B's, small groups with three questions, the plenary with two, tips and points of
 * attention, evaluation), in the words of that report. "Leeg" starts with nothing but
 * the plenary board. Everything is editable afterwards.
 */
import { z } from 'zod';
import type { Doc } from '../doc.ts';
import { Origin } from '../doc.ts';
import { setPhases, type PhaseInput } from '../meeting/program.ts';
import { addBoard } from '../sessionDoc.ts';

export const MEETING_TEMPLATE_IDS = ['krachtenveld', 'blank'] as const;
export const MeetingTemplateId = z.enum(MEETING_TEMPLATE_IDS);
export type MeetingTemplateId = z.infer<typeof MeetingTemplateId>;

/** The board the group boards are cloned from (facilitators prepare it: goal, a first list of actors). */
export const TEMPLATE_BOARD_ID = 'sjabloon';

export const KRACHTENVELD_PHASES: PhaseInput[] = [
  {
    id: 'theorie',
    kind: 'theory',
    title: 'Theorie',
    description:
      'Een korte uiteenzetting over wat een krachtenanalyse is en wat het oplevert, en drie methodieken: ' +
      'negatieve en positieve krachten, het krachtenveld met 3 assen (Den Hollander) en de 3 B’s bij ' +
      'samenwerking: bedoeling, belang en bijdrage. Een goede krachtenveldanalyse levert orde in het denken ' +
      'en inzicht in aannames over andere organisaties.',
    questions: [],
    where: 'plenary',
    view: 'krachtenveld',
    minutes: 20,
  },
  {
    id: 'ronde',
    kind: 'round',
    title: 'Individuele ronde: de 3 B’s',
    description:
      'Pas ieder voor zich het model van de 3 B’s toe op één actor in je netwerk: wat zijn de bedoelingen ' +
      'van de partner, wat zijn de belangen, en wat kunnen mogelijke bijdragen zijn aan de samenwerking?',
    questions: [],
    where: 'plenary',
    view: 'drieB',
    minutes: 15,
  },
  {
    id: 'groepen',
    kind: 'groups',
    title: 'Uitwisseling in kleine groepen',
    description: 'Breng in je groep het krachtenveld in kaart en bespreek de drie vragen.',
    questions: [
      { id: 'g1', text: 'Wat speelt er in het krachtenveld van samenwerkende partners?' },
      { id: 'g2', text: 'Hoe stellen partners zich op?' },
      { id: 'g3', text: 'Waarom stellen ze zich zo op?' },
    ],
    where: 'groups',
    view: 'krachtenveld',
    minutes: 45,
  },
  {
    id: 'plenair',
    kind: 'plenary',
    title: 'Plenaire nabespreking',
    description: 'We leggen de krachtenvelden van de groepen naast elkaar en bespreken twee vragen.',
    questions: [
      { id: 'p1', text: 'Wat zijn de lastigste aspecten in het krachtenveld?', section: 'lastig' },
      {
        id: 'p2',
        text: 'Welke tips/adviezen heeft men om overeenstemming te krijgen in het krachtenveld?',
        section: 'tips',
      },
    ],
    where: 'plenary',
    view: 'krachtenveld',
    minutes: 30,
  },
  {
    id: 'tips',
    kind: 'tips',
    title: 'Tips en aandachtspunten',
    description: 'Welke tips en aandachtspunten nemen we mee? Verdeel je stippen over wat het zwaarst weegt.',
    questions: [{ id: 't1', text: 'Tips en aandachtspunten', section: 'tips' }],
    where: 'plenary',
    view: 'canvas',
    minutes: 10,
  },
  {
    id: 'evaluatie',
    kind: 'evaluation',
    title: 'Evaluatie',
    description: 'Geef de bijeenkomst een cijfer van 1 tot 10 en laat als je wilt een quote achter.',
    questions: [],
    where: 'plenary',
    view: 'canvas',
    minutes: 5,
  },
];

export interface MeetingTemplate {
  id: MeetingTemplateId;
  phases: PhaseInput[];
  /** Has a board the group boards are cloned from. */
  templateBoard: boolean;
}

export const MEETING_TEMPLATES: Record<MeetingTemplateId, MeetingTemplate> = {
  krachtenveld: { id: 'krachtenveld', phases: KRACHTENVELD_PHASES, templateBoard: true },
  blank: { id: 'blank', phases: [], templateBoard: false },
};

/** Fills a new session doc from a template (the server runs it when creating a session). */
export function applyMeetingTemplate(doc: Doc, id: MeetingTemplateId, origin: unknown = Origin.server): void {
  const template = MEETING_TEMPLATES[id];
  doc.transact(() => {
    setPhases(doc, template.phases, origin);
    if (template.templateBoard) {
      addBoard(doc, { id: TEMPLATE_BOARD_ID, title: 'Sjabloon groepsbord', kind: 'template' }, origin);
    }
  }, origin);
}
