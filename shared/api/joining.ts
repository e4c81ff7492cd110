/**
 * Getting in (server/api/routes.ts, joiningRoutes.ts):
 *
 *   POST /api/join                         JoinRequest → 201 JoinResponse; refusals: JoinRefusal
 *   GET  /api/sessions/:id/joining         → JoinState (facilitator)
 *   PUT  /api/sessions/:id/joining         SetJoiningRequest → JoinState (facilitator)
 *   POST /api/sessions/:id/joining/code    → JoinState: a new code (facilitator)
 */
import { z } from 'zod';
import { normalizeJoinCode } from './joinCode.ts';
import { PersonName } from './names.ts';

// The codes' plain rules and refusals (no schemas: the start page uses them before the API loads).
export { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, JoinRefusal, formatJoinCode, normalizeJoinCode } from './joinCode.ts';

export const JoinRequest = z.object({
  joinCode: z.string().max(20).transform(normalizeJoinCode),
  name: PersonName,
});
export type JoinRequest = z.input<typeof JoinRequest>;

export const JoinResponse = z.object({
  sessionId: z.string(),
  token: z.string(),
  participantId: z.string(),
});
export type JoinResponse = z.infer<typeof JoinResponse>;

/**
 * Joining under control (issue 11): the facilitator's view of how people get in.
 * GET /api/sessions/:id/joining, and the answer of changing it.
 */
export const JoinState = z.object({
  /** Formatted, `ABC-DEF`. */
  joinCode: z.string(),
  joinUrl: z.string(),
  joinOpen: z.boolean(),
  /** When the code stops working (ms): JOIN_CODE_TTL_DAYS after the session's last activity. */
  joinCodeExpiresAt: z.number(),
});
export type JoinState = z.infer<typeof JoinState>;

/** PUT /api/sessions/:id/joining (facilitator): open or close joining by code. */
export const SetJoiningRequest = z.object({ open: z.boolean() });
export type SetJoiningRequest = z.input<typeof SetJoiningRequest>;
