/**
 * Who a token speaks for. What each may write is decided in one place,
 * `shared/model/writeRules.ts` (the server for every update, the client for its controls).
 */
export const Role = {
  facilitator: 'facilitator',
  participant: 'participant',
  viewer: 'viewer',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES = Object.values(Role);

export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${String(x)}`);
}
