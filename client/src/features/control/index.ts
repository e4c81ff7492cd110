/** The public surface of this feature: other features and the app import only from here. */
import { lazy } from 'react';

/** The Regiekamer loads when first opened (its own chunk). */
export const ControlRoom = lazy(() => import('./ControlRoom.tsx').then((m) => ({ default: m.ControlRoom })));
