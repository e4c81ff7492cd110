/** The public surface of this feature: other features and the app import only from here. */
import { lazy } from 'react';

/** Vergelijken loads when first opened (its own chunk). */
export const CompareScreen = lazy(() => import('./CompareScreen.tsx').then((m) => ({ default: m.CompareScreen })));
