import crypto from 'node:crypto';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../../shared/api.ts';

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Uniform random string over `alphabet` (rejection sampling, no modulo bias). */
export function randomString(alphabet: string, length: number): string {
  const limit = 256 - (256 % alphabet.length);
  let out = '';
  while (out.length < length) {
    for (const b of crypto.randomBytes(length * 2)) {
      if (b < limit && out.length < length) out += alphabet[b % alphabet.length];
    }
  }
  return out;
}

/** Session ids: 16 base62 characters (95 bits); they appear in URLs, so unguessable. */
export const createSessionId = () => randomString(BASE62, 16);

/** Participant ids: 12 base62 characters, unique within a session. */
export const createParticipantId = () => randomString(BASE62, 12);

/**
 * Join codes: 6 characters from 31 unambiguous ones (no 0/O, 1/I/L): 887 million codes.
 * With 20 attempts a minute per address and even 10,000 live sessions, one address
 * needs about 3 days of non-stop guessing for a 50% chance at any session.
 */
export const createJoinCode = () => randomString(JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH);
