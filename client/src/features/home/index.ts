/** The public surface of this feature: other features and the app import only from here. */
export { CreateSessionForm } from './CreateSessionForm.tsx';
export { JoinForm } from './JoinForm.tsx';
export { MySessions } from './MySessions.tsx';
