/** The public surface of this feature: other features and the app import only from here. */
import { lazy } from 'react';

/** The phone view loads on phones only (its own chunk). */
export const PhoneView = lazy(() => import('./PhoneView.tsx').then((m) => ({ default: m.PhoneView })));
