/**
 * Every namespace of the app's texts merged into one typed dictionary per language
 * (`app.nl`, `app.en`, keys `<namespace>.<key>`), with the shared ones (verslag, data,
 * the names the app makes). The app itself loads each part's namespace with that part
 * (`useT(phoneTexts)` in the phone view's chunk), so the start page does not carry every
 * text; this module is for checks over all of them: the tests, a translator's overview.
 */
import { sharedTexts } from '../../../shared/i18n/messages.ts';
import { mergeTexts } from '../../../shared/i18n/texts.ts';
import { compareTexts } from '../compare/i18n.ts';
import { joiningTexts } from '../components/invite/i18n.ts';
import { controlTexts } from '../control/i18n.ts';
import { groupsTexts } from '../groups/i18n.ts';
import { homeTexts } from '../home/i18n.ts';
import { ioTexts } from '../io/i18n.ts';
import { meetingTexts } from '../meeting/i18n.ts';
import { methodsTexts } from '../methods/i18n.ts';
import { participantsTexts } from '../participants/i18n.ts';
import { participateTexts } from '../participate/i18n.ts';
import { phoneTexts } from '../phone/i18n.ts';
import { presenceTexts } from '../presence/messages.ts';
import { reportTexts } from '../report/i18n.ts';
import { commonTexts } from './common.ts';
import { coreTexts } from './core.ts';

export const clientNamespaces = {
  core: coreTexts,
  common: commonTexts,
  compare: compareTexts,
  joining: joiningTexts,
  control: controlTexts,
  groups: groupsTexts,
  home: homeTexts,
  io: ioTexts,
  meeting: meetingTexts,
  methods: methodsTexts,
  participants: participantsTexts,
  participate: participateTexts,
  phone: phoneTexts,
  presence: presenceTexts,
  reportDialog: reportTexts,
};

/** The whole app's texts: the client's namespaces and the shared ones (`shared.report.*`, ...). */
export const appTexts = mergeTexts({ ...clientNamespaces, shared: sharedTexts });
export type AppKey = keyof typeof appTexts.nl & string;
