import { describe, expect, it } from 'vitest';
import { createDoc } from '../../shared/model/doc.ts';
import { addBoard } from '../../shared/model/sessionDoc.ts';
import type { WriteContext } from '../../shared/model/writeRules.ts';
import { Role } from '../../shared/roles.ts';
import { WriteContextCache } from '../../server/sync/writeContextCache.ts';

const context = (name: string): WriteContext => ({
  writer: { role: Role.participant, participantId: 'p1', name },
  target: { doc: 'session' },
});

describe('write-rules context cache', () => {
  it('keeps a context until the session doc changes or the identity is replaced', () => {
    const cache = new WriteContextCache();
    const doc = createDoc();
    const peer = { identity: { id: 'p1', name: 'Anna', role: Role.participant } };
    let made = 0;
    const make = () => (made++, context(peer.identity.name));
    cache.get(peer, doc, make);
    cache.get(peer, doc, make);
    expect(made).toBe(1);
    addBoard(doc, { id: 'b1', title: 'Groep 1', kind: 'group' });
    cache.get(peer, doc, make);
    expect(made).toBe(2);
    peer.identity = { ...peer.identity, name: 'Anna B.' }; // renamed
    expect(cache.get(peer, doc, make).writer.name).toBe('Anna B.');
    expect(made).toBe(3);
    cache.get(peer, createDoc(), make); // the session doc was reloaded
    expect(made).toBe(4);
    cache.get({ identity: peer.identity }, doc, make); // another connection
    expect(made).toBe(5);
  });
});
