/** The public surface of this feature: other features and the app import only from here. */
import { lazyPart } from '../../ui/lazyPart.ts';
export { setJoinState, useJoinState } from './joinState.ts';
export { ProjectorLink } from './ProjectorLink.tsx';

// The facilitator's invitation (join controls, QR code, projection) is not needed by the first view:
// it loads after that is on screen (ui/lazyPart.ts).
export const JoinControls = lazyPart(() => import('./JoinControls.tsx').then((m) => m.JoinControls));
export const ProjectionOverlay = lazyPart(() => import('./ProjectionOverlay.tsx').then((m) => m.ProjectionOverlay));
export const QrImage = lazyPart(() => import('./QrImage.tsx').then((m) => m.QrImage));
