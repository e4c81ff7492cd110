/**
 * Getting in (server/api/routes.ts, joiningRoutes.ts):
 *
 *   POST /api/join                         JoinRequest → 201 JoinResponse; refusals: JoinRefusal
 *   GET  /api/sessions/:id/joining         → JoinState (facilitator)
 *   PUT  /api/sessions/:id/joining         SetJoiningRequest → JoinState (facilitator)
 *   POST /api/sessions/:id/joining/code    → JoinState: a new code (facilitator)
 */
import { z } from 'zod';
import { PersonName } from './names.ts';

/** Join codes are shown as `ABC-DEF`; typed case-insensitively, with or without the dash. */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const JOIN_CODE_LENGTH = 6;
export function normalizeJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}
export function formatJoinCode(code: string): string {
  return `${code.slice(0, 3)}-${code.slice(3)}`;
}

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

/** Why `POST /api/join` refuses a code (the `error.code` of its answer). */
export const JoinRefusal = {
  /** 404: no session has this code (never had, or it was changed). */
  unknown: 'unknown_join_code',
  /** 403: the facilitator closed joining. */
  closed: 'joining_closed',
  /** 410: JOIN_CODE_TTL_DAYS passed since the session's last activity. */
  expired: 'join_code_expired',
} as const;
export type JoinRefusal = (typeof JoinRefusal)[keyof typeof JoinRefusal];
