/**
 * Does an update change anything in a doc? Every y-websocket client answers the
 * server's sync step 1 with an update that carries the doc's whole delete set, so
 * a reconnect sends "deletions" the server already has. Those must not be stored
 * again, nor refused as writes of a read-only connection.
 */
import * as Y from 'yjs';

type Decoded = ReturnType<typeof Y.decodeUpdate>;

export function changesDoc(doc: Y.Doc, decoded: Decoded): boolean {
  const known = (client: number) => Y.getState(doc.store, client);
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue;
    if (struct.id.clock + struct.length > known(struct.id.client)) return true;
  }
  for (const [client, ranges] of decoded.ds.clients) {
    const structs = doc.store.clients.get(client);
    if (!structs?.length) continue; // deletes of items the doc never had: nothing to apply
    for (const { clock, len } of ranges) {
      const end = Math.min(clock + len, known(client));
      if (clock >= end) continue;
      for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
        const s = structs[i]!;
        if (s.id.clock >= end) break;
        if (s instanceof Y.Item && !s.deleted) return true;
      }
    }
  }
  return false;
}

/**
 * Does every struct of the update start at or after the doc's state of its client (nothing
 * the doc has already, so applying it integrates each struct as it is)? Then the update, as
 * the client sent it, is what the doc's own encoding of the change would say (issue 14).
 * A Skip (a gap) is not new. Deletions need no check: deleting again changes nothing.
 */
export function onlyNewStructs(doc: Y.Doc, decoded: Decoded): boolean {
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) return false;
    if (struct.id.clock < Y.getState(doc.store, struct.id.client)) return false;
  }
  return true;
}
