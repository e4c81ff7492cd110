/** The public surface of this feature: other features and the app import only from here. */
export { JoinControls } from './JoinControls.tsx';
export { setJoinState, useJoinState } from './joinState.ts';
export { ProjectionOverlay } from './ProjectionOverlay.tsx';
export { ProjectorLink } from './ProjectorLink.tsx';
export { QrImage } from './QrImage.tsx';
