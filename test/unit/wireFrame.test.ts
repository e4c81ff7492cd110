/**
 * A frame framed once for many peers (issue 14) is byte for byte what ws would write for
 * the same message, at every length class of the header (7-bit, 16-bit and 64-bit).
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { WireFrame } from '../../server/sync/wireFrame.ts';

// ws's own framing (not in its type definitions): the reference.
const { Sender } = createRequire(import.meta.url)('ws') as {
  Sender: { frame(data: Buffer, options: object): Buffer[] };
};

function wsFrame(payload: Buffer): Buffer {
  return Buffer.concat(Sender.frame(payload, { fin: true, opcode: 2, mask: false, readOnly: true, rsv1: false }));
}

describe('WireFrame', () => {
  for (const length of [0, 1, 125, 126, 127, 65535, 65536, 200_000]) {
    it(`frames ${length} bytes as ws does`, () => {
      const payload = Buffer.alloc(length, 7);
      if (length) payload[length - 1] = 9;
      const frame = new WireFrame(new Uint8Array(payload));
      expect(frame.byteLength).toBe(length);
      expect(Buffer.compare(frame.bytes(), wsFrame(payload))).toBe(0);
      expect(frame.bytes()).toBe(frame.bytes()); // built once
    });
  }

  it('frames a view into a bigger buffer by its own bytes only', () => {
    const big = new Uint8Array([1, 2, 3, 4, 5, 6]);
    const frame = new WireFrame(big.subarray(2, 5));
    expect([...frame.bytes()]).toEqual([0x82, 3, 3, 4, 5]);
  });
});
