/**
 * The REST API's request and response shapes, parsed with the same schemas on the
 * server (input validation) and in the client (typed responses).
 */
import { z } from 'zod';
import { ROLES } from './roles.ts';

/** Display names and titles: trimmed, no control characters, bounded length. */
const cleanText = (max: number) =>
  z
    .string()
    // eslint-disable-next-line no-control-regex -- stripping control characters is the point
    .transform((s) => s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').trim())
    .pipe(z.string().min(1).max(max));

export const TITLE_MAX = 120;
export const NAME_MAX = 60;

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
  title: cleanText(TITLE_MAX),
  facilitatorName: cleanText(NAME_MAX).optional(),
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
  name: cleanText(NAME_MAX),
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
});
export type SessionInfo = z.infer<typeof SessionInfo>;

export const ApiError = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ApiError = z.infer<typeof ApiError>;

/** POST /api/sessions/:id/groups (facilitator): N new groups, each with a board cloned from the template board. */
export const CreateGroupsRequest = z.object({
  count: z.number().int().min(1).max(24),
  /** Names for the new groups; missing ones become "Groep n". */
  names: z.array(cleanText(80)).max(24).optional(),
  /** Board to clone; the template board when it exists, else an empty board. */
  fromBoardId: z.string().max(64).optional(),
});
export type CreateGroupsRequest = z.input<typeof CreateGroupsRequest>;

/** POST /api/sessions/:id/groups/choose (participant, when the facilitator lets people choose). */
export const ChooseGroupRequest = z.object({ groupId: z.string().min(1).max(64) });
