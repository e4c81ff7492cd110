/**
 * Sessions (server/api/routes.ts, copyRoutes.ts):
 *
 *   POST   /api/sessions                        CreateSessionRequest → 201 CreateSessionResponse
 *   GET    /api/sessions/:id                    → SessionInfo (everyone in the session)
 *   DELETE /api/sessions/:id                    → 204 (facilitator)
 *   POST   /api/sessions/:id/copy               CopyRequest → 201 CreateSessionResponse (facilitator)
 *   GET    /api/sessions/:id/snapshots          → SnapshotList (facilitator)
 *   POST   /api/sessions/:id/snapshots          → 201 SnapshotsTaken (facilitator)
 *   GET    /api/sessions/:id/snapshots/:sid     → the stored state (bytes), or with
 *                                                 `?format=json` SnapshotContent
 *   GET    /api/time                            → TimeResponse
 */
import { z } from 'zod';
import { ROLES } from '../roles.ts';
import { PersonName, Title } from './names.ts';

export const CreateSessionRequest = z.object({
  title: Title,
  facilitatorName: PersonName.optional(),
  /** The meeting template (shared/model/templates/meetingTemplates.ts); a blank session by default. */
  template: z.enum(['krachtenveld', 'blank']).optional(),
});
export type CreateSessionRequest = z.input<typeof CreateSessionRequest>;

/** The new session's facilitator links and token; also the answer of a copy and of an import. */
export const CreateSessionResponse = z.object({
  sessionId: z.string(),
  facilitatorToken: z.string(),
  facilitatorUrl: z.string(),
  joinCode: z.string(),
  joinUrl: z.string(),
  viewerUrl: z.string(),
});
export type CreateSessionResponse = z.infer<typeof CreateSessionResponse>;

/**
 * A new session from this one (facilitator): `copy`, the same boards with everything on
 * them; `followUp`, the actors and their places, remembering this session.
 */
export const CopyRequest = z.object({
  mode: z.enum(['copy', 'followUp']),
  title: Title.optional(),
});
export type CopyRequest = z.input<typeof CopyRequest>;
export type CopyMode = CopyRequest['mode'];

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

/** POST /api/sessions/:id/snapshots: how many rooms were stored now, and the new list. */
export const SnapshotsTaken = SnapshotList.extend({ taken: z.number().int().min(0) });
export type SnapshotsTaken = z.infer<typeof SnapshotsTaken>;

/** GET /api/sessions/:id/snapshots/:snapshotId: `format=json` for {@link SnapshotContent}, else the stored bytes. */
export const SnapshotQuery = z.object({ format: z.literal('json').optional().catch(undefined) });
export type SnapshotQuery = z.input<typeof SnapshotQuery>;

/** GET /api/sessions/:id/snapshots/:snapshotId?format=json: the snapshot read as the model reads it. */
export const SnapshotContent = SnapshotInfo.extend({ content: z.unknown() });
export type SnapshotContent = z.infer<typeof SnapshotContent>;

/** The server's clock (ms since epoch): clients correct the timer for their own clock with it. */
export const TimeResponse = z.object({ now: z.number() });
export type TimeResponse = z.infer<typeof TimeResponse>;
