/**
 * Small groups (server/api/groupRoutes.ts):
 *
 *   POST /api/sessions/:id/groups          CreateGroupsRequest → 201 GroupsResponse (facilitator)
 *   POST /api/sessions/:id/groups/choose   ChooseGroupRequest → ChooseGroupResponse (participant)
 */
import { z } from 'zod';
import { GroupRecord } from '../model/meeting/groups.ts';
import { GroupName } from './names.ts';

/** POST /api/sessions/:id/groups (facilitator): N new groups, each with a board cloned from the template board. */
export const CreateGroupsRequest = z.object({
  count: z.number().int().min(1).max(24),
  /** Names for the new groups; missing ones become "Groep n". */
  names: z.array(GroupName).max(24).optional(),
  /** Board to clone; the template board when it exists, else an empty board. */
  fromBoardId: z.string().max(64).optional(),
});
export type CreateGroupsRequest = z.input<typeof CreateGroupsRequest>;

/** Every group of the session after the new ones were added. */
export const GroupsResponse = z.object({ groups: z.array(GroupRecord) });
export type GroupsResponse = z.infer<typeof GroupsResponse>;

/** POST /api/sessions/:id/groups/choose (participant, when the facilitator lets people choose). */
export const ChooseGroupRequest = z.object({ groupId: z.string().min(1).max(64) });
export type ChooseGroupRequest = z.input<typeof ChooseGroupRequest>;

/** The group the participant is in now. */
export const ChooseGroupResponse = z.object({ groupId: z.string() });
export type ChooseGroupResponse = z.infer<typeof ChooseGroupResponse>;
