/**
 * The API client loaded when it is first needed (issue 14): the start page's forms call
 * the API through this, so its schemas (zod) are not part of the start page's first
 * load. The answers are parsed with the same schemas, only once the module is there;
 * {@link preloadApiWhenIdle} fetches it after the first paint, so a person submitting a
 * form does not wait for it.
 */
import { ApiRequestError } from './errors.ts';
import type * as ApiModule from './start.ts';

export type Api = typeof ApiModule;

let loading: Promise<Api> | null = null;

/**
 * The start page's calls of the API client (base/api/start.ts), loaded once. A load that fails (offline) rejects
 * with a `network` {@link ApiRequestError}, as a failed call would, and is tried again
 * on the next call.
 */
export function loadApi(): Promise<Api> {
  loading ??= import('./start.ts').catch((err: unknown) => {
    loading = null;
    throw new ApiRequestError(0, 'network', err instanceof Error ? err.message : String(err));
  });
  return loading;
}

/** Loads the API client when the browser is idle (after the first paint), without blocking anything. */
export function preloadApiWhenIdle(): void {
  const load = () => void loadApi().catch(() => undefined);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: 2000 });
  else setTimeout(load, 200);
}
