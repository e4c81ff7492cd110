/**
 * What travels on a fan-out channel (issue 13): one byte of kind, the 16-byte id of the
 * instance that sent it (an instance skips its own messages), then the payload (a Yjs
 * update, an awareness update, or a session-wide event as JSON).
 */
import crypto from 'node:crypto';
import { z } from 'zod';
import type { ControlEvent } from './Fanout.ts';

export const EnvelopeKind = {
  update: 0,
  awareness: 1,
  control: 2,
  /** A room loaded on the sender: every other instance publishes its clients' presence. */
  queryAwareness: 3,
} as const;
export type EnvelopeKind = (typeof EnvelopeKind)[keyof typeof EnvelopeKind];

const ID_BYTES = 16;

function isEnvelopeKind(kind: number | undefined): kind is EnvelopeKind {
  return (Object.values(EnvelopeKind) as (number | undefined)[]).includes(kind);
}

export interface Envelope {
  kind: EnvelopeKind;
  /** The sending instance. */
  from: Buffer;
  payload: Uint8Array;
}

/** A new random instance id. */
export function newInstanceId(): Buffer {
  return crypto.randomBytes(ID_BYTES);
}

export function encodeEnvelope(kind: EnvelopeKind, from: Buffer, payload: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(1 + ID_BYTES + payload.byteLength);
  out[0] = kind;
  from.copy(out, 1);
  out.set(payload, 1 + ID_BYTES);
  return out;
}

/** The envelope, or `null` when the message is not one of ours (too short, unknown kind). */
export function decodeEnvelope(message: Buffer): Envelope | null {
  if (message.byteLength < 1 + ID_BYTES) return null;
  const kind = message[0];
  if (!isEnvelopeKind(kind)) return null;
  return {
    kind,
    from: message.subarray(1, 1 + ID_BYTES),
    payload: new Uint8Array(message.buffer, message.byteOffset + 1 + ID_BYTES, message.byteLength - 1 - ID_BYTES),
  };
}

export function encodeControl(event: ControlEvent): Uint8Array {
  return Buffer.from(JSON.stringify(event));
}

const ControlEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('sessionDeleted'), sessionId: z.string(), closeCode: z.number().int() }),
  z.object({
    type: z.literal('participantRemoved'),
    sessionId: z.string(),
    participantId: z.string(),
    closeCode: z.number().int(),
    reason: z.string(),
  }),
  z.object({
    type: z.literal('participantRenamed'),
    sessionId: z.string(),
    participantId: z.string(),
    name: z.string(),
  }),
]);

/** A session-wide event, or `null` when it is not one this version knows. */
export function decodeControl(payload: Uint8Array): ControlEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(payload).toString('utf8'));
  } catch {
    return null;
  }
  const parsed = ControlEventSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
