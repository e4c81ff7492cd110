/**
 * What travels between instances on a fan-out channel (issue 13): an instance reads back
 * what another wrote, and skips what is not a message of ours instead of throwing.
 */
import { describe, expect, it } from 'vitest';
import {
  decodeControl,
  decodeEnvelope,
  encodeControl,
  encodeEnvelope,
  EnvelopeKind,
  newInstanceId,
} from '../../server/sync/fanout/envelope.ts';

describe('fan-out envelope', () => {
  it('carries the kind, the sending instance and the payload', () => {
    const from = newInstanceId();
    const payload = new Uint8Array([0, 1, 2, 250, 255]);
    for (const kind of Object.values(EnvelopeKind)) {
      const decoded = decodeEnvelope(encodeEnvelope(kind, from, payload));
      expect(decoded?.kind).toBe(kind);
      expect(decoded?.from.equals(from)).toBe(true);
      expect([...decoded!.payload]).toEqual([...payload]);
    }
    expect(newInstanceId().equals(from)).toBe(false);
  });

  it('skips what is too short or of an unknown kind', () => {
    const from = newInstanceId();
    expect(decodeEnvelope(Buffer.alloc(0))).toBeNull();
    expect(decodeEnvelope(Buffer.alloc(16))).toBeNull();
    const unknown = encodeEnvelope(EnvelopeKind.update, from, new Uint8Array([1]));
    unknown[0] = 99;
    expect(decodeEnvelope(unknown)).toBeNull();
  });

  it('reads back the session-wide events it knows and nothing else', () => {
    const event = { type: 'sessionDeleted', sessionId: 'abc', closeCode: 4410 } as const;
    expect(decodeControl(encodeControl(event))).toEqual(event);
    const renamed = { type: 'participantRenamed', sessionId: 's', participantId: 'p', name: 'Anna' } as const;
    expect(decodeControl(encodeControl(renamed))).toEqual(renamed);
    expect(decodeControl(Buffer.from('{"type":"dropEverything","sessionId":"s"}'))).toBeNull();
    expect(decodeControl(Buffer.from('{"type":"sessionDeleted"}'))).toBeNull();
    expect(decodeControl(Buffer.from('{"type":"sessionDeleted","sessionId":"s","closeCode":"x"}'))).toBeNull();
    expect(decodeControl(Buffer.from('not json'))).toBeNull();
    expect(decodeControl(Buffer.from('null'))).toBeNull();
  });
});
