/**
 * A hostile client for abuse tests: a raw websocket that sends hand-made y-websocket
 * frames and records what the server answers (refusals, updates, the close code). Also
 * builders for frames no correct client sends (deeply nested values, flipped bits).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';

export interface HostileClient {
  ws: WebSocket;
  /** The close code once closed, else `null`. */
  readonly closeCode: number | null;
  closed: Promise<number>;
  /** "Permission denied" reasons received, in order. */
  refusals: string[];
  /** Sync updates (step 2 or update) received from the server. */
  updates: Uint8Array[];
  send(frame: Uint8Array | string): void;
  /** Sends a Yjs update as a sync "update" message. */
  sendUpdate(update: Uint8Array): void;
  /**
   * Resolves once the server has handled everything sent before: sends a sync step 1 and
   * waits for its step 2 (the room answers in order). Resolves `false` if the server
   * closed the connection instead.
   */
  roundTrip(timeoutMs?: number): Promise<boolean>;
  close(): void;
}

/** A y-websocket sync frame (`sub`: 0 step 1, 1 step 2, 2 update). */
export function syncFrame(sub: 0 | 1 | 2, payload: Uint8Array): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, sub);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

export async function connectHostile(wsUrl: string, room: string, token: string): Promise<HostileClient> {
  const ws = new WebSocket(`${wsUrl}/${room}?token=${token}`);
  ws.binaryType = 'nodebuffer';
  const refusals: string[] = [];
  const updates: Uint8Array[] = [];
  let closeCode: number | null = null;
  let stepTwos = 0;
  const waiters = new Set<() => void>();
  const closed = new Promise<number>((resolve) =>
    ws.on('close', (code) => {
      closeCode = code;
      resolve(code);
      for (const w of waiters) w();
    }),
  );
  ws.on('message', (data: Buffer) => {
    const d = decoding.createDecoder(new Uint8Array(data));
    const type = decoding.readVarUint(d);
    if (type === 2 && decoding.readVarUint(d) === 0) refusals.push(decoding.readVarString(d));
    if (type !== 0) return;
    const sub = decoding.readVarUint(d);
    if (sub === 1) stepTwos++;
    if (sub === 1 || sub === 2) updates.push(decoding.readVarUint8Array(d));
    for (const w of waiters) w();
  });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const send = (frame: Uint8Array | string) => {
    if (ws.readyState === WebSocket.OPEN) ws.send(frame);
  };
  return {
    ws,
    get closeCode() {
      return closeCode;
    },
    closed,
    refusals,
    updates,
    send,
    sendUpdate: (update) => send(syncFrame(2, update)),
    roundTrip: (timeoutMs = 10_000) =>
      new Promise<boolean>((resolve, reject) => {
        if (closeCode !== null) return resolve(false);
        const target = stepTwos + 1;
        const timer = setTimeout(() => reject(new Error('no answer to sync step 1')), timeoutMs);
        const check = () => {
          if (closeCode === null && stepTwos < target) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(closeCode === null);
        };
        waiters.add(check);
        send(syncFrame(0, Y.encodeStateVector(new Y.Doc())));
      }),
    close: () => ws.close(),
  };
}

/**
 * A valid Yjs update that sets `root[key]` to an array nested `depth` deep. lib0 cannot
 * encode that on a normal stack, so the value's bytes are written by hand (writeAny:
 * 117 = array, then its length).
 */
export function deeplyNestedUpdate(depth: number, root = 'items', key = 'deep'): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap(root).set(key, ['zzzz']);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  const marker = [117, 1, 119, 4, 122, 122, 122, 122]; // ['zzzz']
  const at = update.findIndex((_, i) => marker.every((b, j) => update[i + j] === b));
  if (at < 0) throw new Error('marker not found');
  const nesting = new Uint8Array(2 * (depth - 1)).map((_, i) => (i % 2 ? 1 : 117));
  const out = new Uint8Array(update.length + nesting.length);
  out.set(update.subarray(0, at));
  out.set(nesting, at);
  out.set(update.subarray(at), at + nesting.length);
  return out;
}

/** A copy of `bytes` with bit `bit` (0 = lowest bit of the first byte) flipped. */
export function flipBit(bytes: Uint8Array, bit: number): Uint8Array {
  const out = bytes.slice();
  out[bit >> 3]! ^= 1 << (bit & 7);
  return out;
}

/** A small seeded random source (mulberry32), for reproducible abuse. */
/** Replaces the first occurrence of `find` in `bytes` by `put` (same length): a hand-made fault. */
export function patchBytes(bytes: Uint8Array, find: number[], put: number[]): Uint8Array {
  const at = bytes.findIndex((_, i) => find.every((b, j) => bytes[i + j] === b));
  if (at < 0) throw new Error('pattern not found');
  const out = bytes.slice();
  out.set(put, at);
  return out;
}

export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
