/** Who a token speaks for. The server enforces what each may do. */
export const Role = {
  facilitator: 'facilitator',
  participant: 'participant',
  viewer: 'viewer',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES = Object.values(Role);

/** May this role write to the session doc (title, phases, groups, locks)? */
export function canWriteSessionDoc(role: Role): boolean {
  return role === Role.facilitator;
}

/** May this role write to a board, given whether the board is locked? */
export function canWriteBoard(role: Role, locked: boolean): boolean {
  switch (role) {
    case Role.facilitator:
      return true;
    case Role.participant:
      return !locked;
    case Role.viewer:
      return false;
    default:
      return assertNever(role);
  }
}

export function assertNever(x: never): never {
  throw new Error(`unexpected value: ${String(x)}`);
}
