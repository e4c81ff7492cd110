/** The public surface of this feature: other features and the app import only from here. */
import { lazyPart } from '../../ui/lazyPart.ts';
// Not needed by the first view: loads after it is on screen (ui/lazyPart.ts).
export const GroupsPanel = lazyPart(() => import('./GroupsPanel.tsx').then((m) => m.GroupsPanel));
export { useKnownParticipants } from './people.ts';
