/** Unmodified y-websocket clients for the benchmarks (no BroadcastChannel shortcut). */
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Endpoint } from './servers.ts';

export interface BenchClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  synced: Promise<void>;
  destroy(): void;
}

export function benchClient(ep: Endpoint, onFirstSync?: (doc: Y.Doc) => void): BenchClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(ep.serverUrl, ep.room, doc, {
    params: ep.params,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 300,
  });
  const synced = new Promise<void>((resolve) =>
    provider.once('sync', () => {
      onFirstSync?.(doc);
      resolve();
    }),
  );
  return {
    doc,
    provider,
    synced,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}

export async function until(cond: () => boolean, timeoutMs = 20_000): Promise<boolean> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > timeoutMs) return false;
    await new Promise((r) => setTimeout(r, 5));
  }
  return true;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
