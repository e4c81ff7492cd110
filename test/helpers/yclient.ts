/**
 * Real, unmodified y-websocket clients for tests. `disableBc` keeps two providers in one
 * process from talking over BroadcastChannel past the server.
 */
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves at the first `sync` event. */
  synced: Promise<void>;
  /** Resolves with the close code of the first close. */
  closed: Promise<{ code: number; reason: string }>;
  /** Messages "permission denied" the server sent (refused updates). */
  refusals: string[];
  destroy(): void;
}

export function connectClient(
  wsUrl: string,
  room: string,
  token: string,
  opts: { doc?: Y.Doc; connect?: boolean } = {},
): TestClient {
  const doc = opts.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, room, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    connect: opts.connect ?? true,
    maxBackoffTime: 500,
  });
  const refusals: string[] = [];
  // Keep the standard handler's decoding, but record the reason.
  provider.messageHandlers[2] = (_encoder, decoder) => {
    // y-protocols/auth: varUint type (0 = permission denied), then the reason.
    if (decoding.readVarUint(decoder) === 0) refusals.push(decoding.readVarString(decoder));
  };
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    else provider.once('sync', (s: boolean) => s && resolve());
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    provider.on('connection-close', (event) => {
      if (event) resolve({ code: event.code, reason: event.reason });
    });
  });
  return {
    doc,
    provider,
    synced,
    closed,
    refusals,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Polls `cond` until it holds; fails after `timeoutMs` with `what`. */
export async function waitFor(cond: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A raw websocket for abuse tests: hand-built frames, observed close code. */
export async function rawSocket(url: string): Promise<{ ws: WebSocket; closed: Promise<number>; messages: Buffer[] }> {
  const ws = new WebSocket(url);
  const messages: Buffer[] = [];
  ws.on('message', (m: Buffer) => messages.push(m));
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return { ws, closed, messages };
}
