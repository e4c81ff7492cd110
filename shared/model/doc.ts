/**
 * The one place (with the server's room code) that imports `yjs`. Everything else
 * works with the typed functions of this folder. Docs are untrusted input: any client
 * can write anything into them, so every read validates (see `sessionDoc.ts`).
 */
import * as Y from 'yjs';

export type Doc = Y.Doc;

/** Transaction origins of the model's commands; undo managers track these. */
export const Origin = {
  /** Writes made by the server itself (creating a session doc). */
  server: 'veldwerk:server',
  /** Writes made by a local user through the model's commands (tracked by their undo). */
  local: 'veldwerk:local',
  /** Schema migrations: never undone. */
  migration: 'veldwerk:migration',
} as const;

export function createDoc(): Doc {
  return new Y.Doc();
}

export function encodeDoc(doc: Doc): Uint8Array {
  return Y.encodeStateAsUpdate(doc);
}

export function applyDocUpdate(doc: Doc, update: Uint8Array, origin?: unknown): void {
  Y.applyUpdate(doc, update, origin);
}

/** A doc built from a stored state (a snapshot or an export). */
export function docFromState(state: Uint8Array): Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

/**
 * Calls `listener` after every change of the doc, local or remote. Returns the
 * function that stops listening.
 */
export function onDocChange(doc: Doc, listener: () => void): () => void {
  const handler = () => listener();
  doc.on('afterTransaction', handler);
  return () => doc.off('afterTransaction', handler);
}

/**
 * Calls `listener` after a change that came from elsewhere (another person, through the
 * server; not this client's own commands): what the board's live region announces
 * (issue 12). Returns the function that stops listening.
 */
export function onRemoteChange(doc: Doc, listener: () => void): () => void {
  const handler = (tr: Y.Transaction) => {
    if (!tr.local) listener();
  };
  doc.on('afterTransaction', handler);
  return () => doc.off('afterTransaction', handler);
}
