/**
 * The calls the start page makes (its forms and "Mijn bijeenkomsten"), loaded by load.ts
 * at the first call. Only these, so the chunk it loads holds their schemas and zod, not
 * the board's routes with the doc model (Yjs) their schemas bring (issue 14).
 */
export { copySession, createSession, deleteSession, getSession } from './sessions.ts';
export { joinSession } from './joining.ts';
export { importSessionFile } from './io.ts';
