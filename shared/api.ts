/**
 * The REST API's request and response shapes, parsed with the same schemas on the
 * server (input validation) and in the client (typed responses).
 */
import { z } from 'zod';
import { cleanLine, codePointLength, GROUP_NAME_MAX, PERSON_NAME_MAX, TITLE_MAX } from './names.ts';
import { ROLES } from './roles.ts';

/**
 * A name or title as the API takes it: cleaned by the one rule of shared/names.ts, then
 * at least one visible character and at most `max` code points (a longer one is refused,
 * not cut, so nobody's name changes behind their back).
 */
const cleanText = (max: number) =>
  z
    .string()
    // Raw input is bounded before the rule runs on it (a name is never kilobytes).
    .max(max * 16)
    .transform((s) => cleanLine(s))
    .pipe(
      z
        .string()
        .min(1)
        .refine((s) => codePointLength(s) <= max, { message: `at most ${max} characters` }),
    );

export { TITLE_MAX, GROUP_NAME_MAX };
/** A person's name: {@link PERSON_NAME_MAX} code points. */
export const NAME_MAX = PERSON_NAME_MAX;
/** Schemas of a person's name, a session's or board's title and a group's name. */
export const PersonName = cleanText(PERSON_NAME_MAX);
export const Title = cleanText(TITLE_MAX);
export const GroupName = cleanText(GROUP_NAME_MAX);

/** Join codes are shown as `ABC-DEF`; typed case-insensitively, with or without the dash. */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const JOIN_CODE_LENGTH = 6;
export function normalizeJoinCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}
export function formatJoinCode(code: string): string {
  return `${code.slice(0, 3)}-${code.slice(3)}`;
}

export const CreateSessionRequest = z.object({
  title: Title,
  facilitatorName: PersonName.optional(),
  /** The meeting template (shared/model/templates/meetingTemplates.ts); a blank session by default. */
  template: z.enum(['krachtenveld', 'blank']).optional(),
});
export type CreateSessionRequest = z.input<typeof CreateSessionRequest>;

export const CreateSessionResponse = z.object({
  sessionId: z.string(),
  facilitatorToken: z.string(),
  facilitatorUrl: z.string(),
  joinCode: z.string(),
  joinUrl: z.string(),
  viewerUrl: z.string(),
});
export type CreateSessionResponse = z.infer<typeof CreateSessionResponse>;

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

export const Participant = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
});
export type Participant = z.infer<typeof Participant>;

export const SessionInfo = z.object({
  sessionId: z.string(),
  title: z.string(),
  createdAt: z.number(),
  you: Participant,
  /** Facilitator only. */
  joinCode: z.string().optional(),
  /** Facilitator only. */
  joinUrl: z.string().optional(),
  /** Facilitator only: read-only link for the projector. */
  viewerUrl: z.string().optional(),
  /** Facilitator only. */
  participants: z.array(Participant).optional(),
  /** Facilitator only: `POST /api/join` accepts the code (issue 11). */
  joinOpen: z.boolean().optional(),
  /** Facilitator only: when the code stops working (ms; JOIN_CODE_TTL_DAYS after the last activity). */
  joinCodeExpiresAt: z.number().optional(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;

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

/**
 * DELETE /api/sessions/:id/participants/:pid answers this with `?rejoin=false`: the code
 * was changed so the removed person cannot come back with it (the new state).
 */
export const RemoveParticipantResponse = z.object({ join: JoinState });
export type RemoveParticipantResponse = z.infer<typeof RemoveParticipantResponse>;

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

export const ApiError = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ApiError = z.infer<typeof ApiError>;

/** PATCH /api/sessions/:id/participants/:pid (facilitator): a new name. */
export const RenameParticipantRequest = z.object({ name: PersonName });
export type RenameParticipantRequest = z.input<typeof RenameParticipantRequest>;

/** POST /api/sessions/:id/groups (facilitator): N new groups, each with a board cloned from the template board. */
export const CreateGroupsRequest = z.object({
  count: z.number().int().min(1).max(24),
  /** Names for the new groups; missing ones become "Groep n". */
  names: z.array(GroupName).max(24).optional(),
  /** Board to clone; the template board when it exists, else an empty board. */
  fromBoardId: z.string().max(64).optional(),
});
export type CreateGroupsRequest = z.input<typeof CreateGroupsRequest>;

/** POST /api/sessions/:id/groups/choose (participant, when the facilitator lets people choose). */
export const ChooseGroupRequest = z.object({ groupId: z.string().min(1).max(64) });

/** One history snapshot of a room (GET /api/sessions/:id/snapshots, facilitator). */
export const SnapshotInfo = z.object({
  id: z.number().int(),
  /** The room's name: `s/<sessionId>` or `s/<sessionId>/b/<boardId>` (shared/protocol.ts). */
  room: z.string(),
  createdAt: z.number(),
  reason: z.string(),
  bytes: z.number(),
});
export type SnapshotInfo = z.infer<typeof SnapshotInfo>;

/** GET /api/sessions/:id/snapshots: every room's snapshots, newest first. */
export const SnapshotList = z.object({ snapshots: z.array(SnapshotInfo) });
export type SnapshotList = z.infer<typeof SnapshotList>;
