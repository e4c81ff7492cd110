/**
 * Join codes and why a code is refused: plain values, without schemas, so the start page
 * can check and show a code without loading the API's schemas (issue 14). The schemas of
 * the join route (joining.ts) use these and re-export them.
 */

/** Join codes are shown as `ABC-DEF`; typed case-insensitively, with or without the dash. */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const JOIN_CODE_LENGTH = 6;
export function normalizeJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}
export function formatJoinCode(code: string): string {
  return `${code.slice(0, 3)}-${code.slice(3)}`;
}

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
