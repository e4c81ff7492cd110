/** The public surface of this feature: other features and the app import only from here. */
export { AbsentParticipants } from './AbsentParticipants.tsx';
export { ParticipantActions } from './ParticipantActions.tsx';
