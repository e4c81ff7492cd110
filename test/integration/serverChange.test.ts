import { describe, expect, it } from 'vitest';
import { parseRoomName, sessionRoomName } from '../../shared/protocol.ts';
import { useHarness } from '../helpers/harness.ts';
import { createSessionWith, tempDir } from '../helpers/server.ts';
import { waitFor } from '../helpers/yclient.ts';

const h = useHarness();

describe('changes made by the server itself', () => {
  it('are stored before they are broadcast, reach every client and survive a restart', async () => {
    const dataDir = tempDir();
    const server = await h.server({ dataDir });
    const s = await createSessionWith(server.url, 'Onthulling', ['Anna']);
    const room = parseRoomName(sessionRoomName(s.sessionId))!;
    const anna = h.client(server.wsUrl, room.name, s.participants[0]!.token);
    await anna.synced;
    const before = server.server.metrics.updatesTotal;
    const changed = await server.server.registry.change(room, (doc) => doc.getMap('results').set('votes', { n1: 3 }));
    expect(changed).toBe(true);
    expect(server.server.metrics.updatesTotal).toBe(before + 1);
    await waitFor(() => anna.doc.getMap('results').get('votes') !== undefined, 'anna receives the server change');
    expect(anna.doc.getMap('results').get('votes')).toEqual({ n1: 3 });

    // The same change again changes nothing and stores nothing.
    expect(await server.server.registry.change(room, (doc) => doc.getMap('results').set('votes', { n1: 3 }))).toBe(
      true,
    );
    expect(await server.server.registry.change(room, () => undefined)).toBe(false);

    // A second server change by the same room continues the server's own history.
    await server.server.registry.change(room, (doc) => doc.getMap('results').set('shown', true));
    await waitFor(() => anna.doc.getMap('results').get('shown') === true, 'second change');

    await h.stop(server);
    const again = await h.server({ dataDir });
    const fresh = h.client(again.wsUrl, room.name, s.participants[0]!.token);
    await fresh.synced;
    expect(fresh.doc.getMap('results').toJSON()).toEqual({ votes: { n1: 3 }, shown: true });
    expect(fresh.doc.getMap('meta').get('title')).toBe('Onthulling');
  });
});
