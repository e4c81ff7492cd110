/** The public surface of this feature: other features and the app import only from here. */
import { lazyPart } from '../../ui/lazyPart.ts';
export { AnnotationLayer, AnnotationToggle } from './AnnotationLayer.tsx';
export { BoardCanvas } from './BoardCanvas.tsx';
export { BoardToolbar } from './BoardChrome.tsx';
export type { BoardMode } from './BoardChrome.tsx';
export { BoardTabs } from './canvas/BoardTabs.tsx';
export { BoardPresenceLayer, BoardPresenceOverlay, requestFollow } from './presence/BoardPresence.tsx';
// Not needed by the first view: loads after it is on screen (ui/lazyPart.ts).
export const ExportMenu = lazyPart(() => import('./presence/ExportMenu.tsx').then((m) => m.ExportMenu));
