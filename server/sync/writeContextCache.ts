/**
 * The write-rules context of a connection, kept until the session doc changes (issue 14).
 * Reading it (the session doc's boards, groups and private mode) was about 7 % of a busy
 * room's CPU: twice per update (before decoding and after the tentative apply), for a
 * context that changes only when the session doc does. An entry holds while the session
 * doc is the same object at the same version (every transaction on it counts) and the
 * connection's identity is the same object (a rename replaces it).
 */
import type { Doc } from '../../shared/model/doc.ts';
import type { WriteContext } from '../../shared/model/writeRules.ts';
import type { Identity } from './awarenessGuard.ts';

interface Entry {
  doc: Doc | null;
  version: number;
  identity: Identity;
  context: WriteContext;
}

export class WriteContextCache {
  private readonly versions = new WeakMap<Doc, number>();
  private readonly entries = new WeakMap<object, Entry>();

  /** The context for `peer` on `doc` (the session doc, or null): kept, or made by `make`. */
  get(peer: { identity: Identity }, doc: Doc | null, make: () => WriteContext): WriteContext {
    const version = doc ? this.versionOf(doc) : 0;
    const kept = this.entries.get(peer);
    if (kept && kept.doc === doc && kept.version === version && kept.identity === peer.identity) return kept.context;
    const context = make();
    this.entries.set(peer, { doc, version, identity: peer.identity, context });
    return context;
  }

  private versionOf(doc: Doc): number {
    const known = this.versions.get(doc);
    if (known !== undefined) return known;
    this.versions.set(doc, 0);
    doc.on('afterTransaction', () => this.versions.set(doc, (this.versions.get(doc) ?? 0) + 1));
    return 0;
  }
}
