/**
 * Groups in the sidebar (issue 5): the facilitator forms them (FacilitatorGroups); a
 * participant sees, or chooses, their own (ParticipantGroup). Viewers see nothing here.
 */
import { Role } from '../../../../shared/roles.ts';
import { useIdentity } from '../meeting/index.ts';
import { FacilitatorGroups } from './FacilitatorGroups.tsx';
import { ParticipantGroup } from './ParticipantGroup.tsx';

export function GroupsPanel() {
  const { identity, isFacilitator } = useIdentity();
  if (isFacilitator) return <FacilitatorGroups />;
  if (identity.role === Role.participant) return <ParticipantGroup />;
  return null;
}
