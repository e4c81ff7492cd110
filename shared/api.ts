/**
 * The REST API's contract: every route's request and response shapes, parsed with the
 * same schemas on the server (input validation, typed answers: server/api/) and in the
 * client (one typed client that parses every answer). One file per part of the API in
 * shared/api/, each listing its routes.
 */
export * from './api/names.ts';
export * from './api/errors.ts';
export * from './api/query.ts';
export * from './api/sessions.ts';
export * from './api/joining.ts';
export * from './api/participants.ts';
export * from './api/groups.ts';
export * from './api/votes.ts';
export * from './api/evaluation.ts';
export * from './api/io.ts';
export * from './api/report.ts';
