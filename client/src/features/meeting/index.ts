/** The public surface of this feature: other features and the app import only from here. */
import { lazyPart } from '../../ui/lazyPart.ts';
export { LockToggle, OpenToggle } from './BoardToggles.tsx';
// The facilitator's panel (invitation, QR code, projector link) is not needed by the first view: it loads
// after that (ui/lazyPart.ts), and a participant never loads it.
export const FacilitatorPanel = lazyPart(() => import('./FacilitatorPanel.tsx').then((m) => m.FacilitatorPanel));
export { MeetingBar } from './MeetingBar.tsx';
export {
  MeetingProvider,
  useBoardRecord,
  useBoardSelection,
  useGroups,
  useIdentity,
  useMeeting,
  useMeetingDerived,
  useMeetingStore,
  usePresent,
  useProgram,
  useScreen,
  useSessionDocSnapshot,
  useSessionSnapshot,
} from './MeetingContext.tsx';
export type { BoardSelection, MeetingIdentity, ScreenSelection, SessionScreen } from './MeetingContext.tsx';
export { createMeetingStore, type MeetingData, type MeetingStore } from './meetingStore.ts';
export { MeetingEffects } from './MeetingEffects.tsx';
export { ProjectorView } from './ProjectorView.tsx';
export { ScreenTabs } from './ScreenTabs.tsx';
export { serverNow } from './serverClock.ts';
export { TimerDisplay } from './Timer.tsx';
export { usePhoneLayout } from './usePhoneLayout.ts';
export { ViewTabs } from './ViewTabs.tsx';
export { boardModeFor, boardWriteAccess, useBoardWriteAccess } from './writeAccess.ts';
