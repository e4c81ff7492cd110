/** The public surface of this feature: other features and the app import only from here. */
import { lazy } from 'react';
import { lazyPart } from '../../ui/lazyPart.ts';
export { EvaluationSection } from './EvaluationSection.tsx';
export { QuestionsSection } from './QuestionsSection.tsx';
export { VoteSection } from './VoteSection.tsx';

/** Resultaten loads when first opened (its own chunk). */
export const ResultsScreen = lazy(() => import('./ResultsScreen.tsx').then((m) => ({ default: m.ResultsScreen })));

// The side panel of questions, votes and evaluation: not needed by the board's first view, it loads after it
// (ui/lazyPart.ts).
export const ParticipatePanel = lazyPart(() => import('./ParticipatePanel.tsx').then((m) => m.ParticipatePanel));
