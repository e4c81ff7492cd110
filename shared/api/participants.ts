/**
 * The facilitator manages participants (server/api/participantRoutes.ts):
 *
 *   PATCH  /api/sessions/:id/participants/:pid   RenameParticipantRequest → Participant
 *   DELETE /api/sessions/:id/participants/:pid[?anonymise=true][&rejoin=false]
 *          → 204, or with `rejoin=false` RemoveParticipantResponse
 */
import { z } from 'zod';
import { PersonName } from './names.ts';
import { JoinState } from './joining.ts';
import { queryFlag, queryFlagUnless } from './query.ts';

/** PATCH /api/sessions/:id/participants/:pid (facilitator): a new name. The answer is the {@link Participant}. */
export const RenameParticipantRequest = z.object({ name: PersonName });
export type RenameParticipantRequest = z.input<typeof RenameParticipantRequest>;

/**
 * DELETE's query: `anonymise=true` keeps what they wrote without their name (issue 10);
 * `rejoin=false` changes the join code so they cannot come back with it (issue 11).
 */
export const RemoveParticipantQuery = z.object({
  anonymise: queryFlag('true'),
  rejoin: queryFlagUnless('false'),
});
export type RemoveParticipantQuery = z.input<typeof RemoveParticipantQuery>;

/**
 * DELETE /api/sessions/:id/participants/:pid answers this with `?rejoin=false`: the code
 * was changed so the removed person cannot come back with it (the new state).
 */
export const RemoveParticipantResponse = z.object({ join: JoinState });
export type RemoveParticipantResponse = z.infer<typeof RemoveParticipantResponse>;
