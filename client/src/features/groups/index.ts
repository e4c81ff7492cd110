/** The public surface of this feature: other features and the app import only from here. */
export { GroupsPanel } from './GroupsPanel.tsx';
export { useKnownParticipants } from './people.ts';
