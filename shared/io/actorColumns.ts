/**
 * The columns of the actors' table (actorTable.ts), in a module without schemas, so the
 * texts that name them (client features/io/i18n.ts, on the start page) do not load the
 * actor schema and zod (issue 14). actorTable.ts re-exports them.
 */

/** Every column of the table, in the export's order. */
export const ACTOR_COLUMNS = [
  'name',
  'organisation',
  'category',
  'level',
  'scope',
  'relation',
  'frequency',
  'participation',
  'houding',
  'invloed',
  'betrokkenheid',
  'inhoud',
  'vertrouwen',
  'bedoeling',
  'belang',
  'bijdrage',
  'notities',
  'color',
] as const;
export type ActorColumn = (typeof ACTOR_COLUMNS)[number];
