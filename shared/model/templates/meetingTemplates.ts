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
import { appName } from '../../i18n/appNames.ts';

export const MEETING_TEMPLATE_IDS = ['krachtenveld', 'blank'] as const;
export const MeetingTemplateId = z.enum(MEETING_TEMPLATE_IDS);
export type MeetingTemplateId = z.infer<typeof MeetingTemplateId>;

/** The board the group boards are cloned from (facilitators prepare it: goal, a first list of actors). */
export const TEMPLATE_BOARD_ID = 'sjabloon';

export const KRACHTENVELD_PHASES: PhaseInput[] = [
  {
    id: 'theorie',
    kind: 'theory',
    title: appName('theorie.title'),
    description: appName('theorie.description'),
    questions: [],
    where: 'plenary',
    view: 'krachtenveld',
    minutes: 20,
  },
  {
    id: 'ronde',
    kind: 'round',
    title: appName('ronde.title'),
    description: appName('ronde.description'),
    questions: [],
    where: 'plenary',
    view: 'drieB',
    minutes: 15,
    // Everyone lands on their card at once, without the facilitator finding the switch (issue 12).
    startRound: true,
  },
  {
    id: 'groepen',
    kind: 'groups',
    title: appName('groepen.title'),
    description: appName('groepen.description'),
    questions: [
      { id: 'g1', text: appName('groepen.g1') },
      { id: 'g2', text: appName('groepen.g2') },
      { id: 'g3', text: appName('groepen.g3') },
    ],
    where: 'groups',
    view: 'krachtenveld',
    minutes: 45,
    startTimer: true,
  },
  {
    id: 'plenair',
    kind: 'plenary',
    title: appName('plenair.title'),
    description: appName('plenair.description'),
    questions: [
      { id: 'p1', text: appName('plenair.p1'), section: 'lastig' },
      {
        id: 'p2',
        text: appName('plenair.p2'),
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
    title: appName('tips.title'),
    description: appName('tips.description'),
    questions: [{ id: 't1', text: appName('tips.title'), section: 'tips' }],
    where: 'plenary',
    view: 'canvas',
    minutes: 10,
  },
  {
    id: 'evaluatie',
    kind: 'evaluation',
    title: appName('evaluatie.title'),
    description: appName('evaluatie.description'),
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
      addBoard(doc, { id: TEMPLATE_BOARD_ID, title: appName('templateBoard'), kind: 'template' }, origin);
    }
  }, origin);
}
