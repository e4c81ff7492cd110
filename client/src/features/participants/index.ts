/** The public surface of this feature: other features and the app import only from here. */
import { lazyPart } from '../../ui/lazyPart.ts';
// Facilitator's panels, not needed by the first view: they load after it is on screen (ui/lazyPart.ts).
export const AbsentParticipants = lazyPart(() => import('./AbsentParticipants.tsx').then((m) => m.AbsentParticipants));
export const ParticipantActions = lazyPart(() => import('./ParticipantActions.tsx').then((m) => m.ParticipantActions));
