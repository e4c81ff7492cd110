/** Small groups (shared/api/groups.ts): the facilitator creates groups, a participant chooses one. */
import {
  ChooseGroupResponse,
  GroupsResponse,
  type ChooseGroupRequest,
  type CreateGroupsRequest,
} from '../../../../shared/api.ts';
import type { GroupRecord } from '../../../../shared/model/meeting/groups.ts';
import { request, sessionPath } from './client.ts';

/** N new groups, each with a board cloned from the template board (facilitator); every group after. */
export async function createGroups(sessionId: string, token: string, count: number): Promise<GroupRecord[]> {
  const body: CreateGroupsRequest = { count };
  return (await request(GroupsResponse, sessionPath(sessionId, 'groups'), { method: 'POST', body, token })).groups;
}

/** Joins a group, when the facilitator lets participants choose (participant). */
export async function chooseGroup(sessionId: string, token: string, groupId: string): Promise<string> {
  const body: ChooseGroupRequest = { groupId };
  const path = sessionPath(sessionId, 'groups', 'choose');
  return (await request(ChooseGroupResponse, path, { method: 'POST', body, token })).groupId;
}
