/**
 * The evaluation of the meeting (server/api/evaluationRoutes.ts). Grades stay on the
 * server, linked to nobody in any answer.
 *
 *   PUT  /api/sessions/:id/evaluation        EvaluationRequest → MyEvaluation (participant)
 *   GET  /api/sessions/:id/evaluation        → MyEvaluationAnswer (participant) or EvaluationSummary (facilitator)
 *   POST /api/sessions/:id/evaluation/show   → SharedEvaluation, written into the session doc (facilitator)
 */
import { z } from 'zod';
import { SharedEvaluation } from '../model/sessionDoc.ts';

/** A grade 1-10 and a quote, anonymous unless the person signs the quote (never the grade). */
export const EvaluationRequest = z.object({
  grade: z.number().int().min(1).max(10),
  quote: z.string().max(1000).default(''),
  anonymous: z.boolean().default(true),
});
export type EvaluationRequest = z.input<typeof EvaluationRequest>;

/** A participant's own evaluation, as stored. */
export const MyEvaluation = z.object({
  grade: z.number().int().min(1).max(10),
  quote: z.string(),
  anonymous: z.boolean(),
});
export type MyEvaluation = z.infer<typeof MyEvaluation>;

/** GET for a participant: their own, or `null` before they graded. */
export const MyEvaluationAnswer = z.object({ mine: MyEvaluation.nullable() });
export type MyEvaluationAnswer = z.infer<typeof MyEvaluationAnswer>;

/** The facilitator's live summary (quotes carry a name where the writer allowed it). */
export const EvaluationSummary = SharedEvaluation.omit({ shownAt: true });
export type EvaluationSummary = z.infer<typeof EvaluationSummary>;

/** What the facilitator showed everyone, as the session doc keeps it (shared/model/sessionDoc.ts). */
export { SharedEvaluation };
