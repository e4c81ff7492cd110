/** The public surface of this feature: other features and the app import only from here. */
import { lazy } from 'react';
export { MethodsContext, readWorkspace } from './context.ts';
export type { MethodsContextValue } from './context.ts';
export { FieldBackdrop } from './FieldShapes.tsx';
export { measureCanvasText } from './measureText.ts';
export { MethodStage, useStageBox } from './MethodStage.tsx';
export { RoundCard } from './RoundPanel.tsx';

/** The method views load when a method view is first opened (their own chunk). */
export const MethodsWorkspace = lazy(() =>
  import('./MethodsWorkspace.tsx').then((m) => ({ default: m.MethodsWorkspace })),
);
