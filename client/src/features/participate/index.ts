/** The public surface of this feature: other features and the app import only from here. */
import { lazy } from 'react';
export { EvaluationSection } from './EvaluationSection.tsx';
export { ParticipatePanel } from './ParticipatePanel.tsx';
export { QuestionsSection } from './QuestionsSection.tsx';
export { VoteSection } from './VoteSection.tsx';

/** Resultaten loads when first opened (its own chunk). */
export const ResultsScreen = lazy(() => import('./ResultsScreen.tsx').then((m) => ({ default: m.ResultsScreen })));
