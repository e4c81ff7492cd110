/** The public surface of this feature: other features and the app import only from here. */
export { AnnotationLayer, AnnotationToggle } from './AnnotationLayer.tsx';
export { BoardCanvas } from './BoardCanvas.tsx';
export { BoardToolbar } from './BoardChrome.tsx';
export type { BoardMode } from './BoardChrome.tsx';
export { BoardTabs } from './canvas/BoardTabs.tsx';
export { BoardPresenceLayer, BoardPresenceOverlay, requestFollow } from './presence/BoardPresence.tsx';
export { ExportMenu } from './presence/ExportMenu.tsx';
