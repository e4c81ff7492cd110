/**
 * Every namespace of the app's texts merged into one typed dictionary per language
 * (`app.nl`, `app.en`, keys `<namespace>.<key>`), with the shared ones (verslag, data,
 * the names the app makes). The app itself loads each part's namespace with that part
 * (`useT(phoneTexts)` in the phone view's chunk), so the start page does not carry every
 * text; this module is for checks over all of them: the tests, a translator's overview.
 */
import { sharedTexts } from '../../../shared/i18n/messages.ts';
import { mergeTexts } from '../../../shared/i18n/texts.ts';
import { compareTexts } from '../features/compare/i18n.ts';
import { joiningTexts } from '../features/invite/i18n.ts';
import { controlTexts } from '../features/control/i18n.ts';
import { groupsTexts } from '../features/groups/i18n.ts';
import { homeTexts } from '../features/home/i18n.ts';
import { ioTexts } from '../features/io/i18n.ts';
import { meetingTexts } from '../features/meeting/i18n.ts';
import { methodsTexts } from '../features/methods/i18n.ts';
import { participantsTexts } from '../features/participants/i18n.ts';
import { participateTexts } from '../features/participate/i18n.ts';
import { phoneTexts } from '../features/phone/i18n.ts';
import { presenceTexts } from '../base/presence/messages.ts';
import { reportTexts } from '../features/report/i18n.ts';
import { commonTexts } from '../base/i18n/common.ts';
import { coreTexts } from '../base/i18n/core.ts';

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
