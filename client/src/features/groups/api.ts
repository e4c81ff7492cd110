/** The groups API (see server/api/groupRoutes.ts): the facilitator creates groups, a participant chooses one. */
import { z } from 'zod';
import { GroupRecord } from '../../../../shared/model/meeting/groups.ts';
import { request } from '../../base/api/client.ts';

const CreateGroupsResponse = z.object({ groups: z.array(GroupRecord) });
const ChooseGroupResponse = z.object({ groupId: z.string() });

const groupsPath = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}/groups`;

/** N new groups, each with a board cloned from the template board (facilitator). */
export function createGroups(sessionId: string, token: string, count: number): Promise<GroupRecord[]> {
  return request(CreateGroupsResponse, groupsPath(sessionId), { method: 'POST', body: { count }, token }).then(
    (r) => r.groups,
  );
}

/** Joins a group, when the facilitator lets participants choose (participant). */
export function chooseGroup(sessionId: string, token: string, groupId: string): Promise<string> {
  return request(ChooseGroupResponse, `${groupsPath(sessionId)}/choose`, {
    method: 'POST',
    body: { groupId },
    token,
  }).then((r) => r.groupId);
}
