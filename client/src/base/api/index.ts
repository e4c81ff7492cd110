/**
 * The typed client of the REST API (issue 16): one function per route, requests typed
 * and answers parsed with the schemas of shared/api.ts. Every call to our API goes
 * through here (client.ts does the fetch).
 */
export { ApiRequestError, failureReason } from './errors.ts';
export * from './sessions.ts';
export * from './joining.ts';
export * from './participants.ts';
export * from './groups.ts';
export * from './votes.ts';
export * from './evaluation.ts';
export * from './io.ts';
export * from './report.ts';
export { fileNameOf, saveFile } from './download.ts';
