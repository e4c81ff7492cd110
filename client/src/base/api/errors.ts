/**
 * A failed API call as an error, in a module of its own (no schemas): the start page's
 * forms check for it without loading the API client and its schemas (issue 14).
 */

/** A failed request. `code` is the server's error code, or `network` / `bad-response`. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Seconds to wait before trying again (from `Retry-After` on 429). */
    readonly retryAfter: number | null = null,
    readonly details: unknown = undefined,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

/** Why a call failed, in a message to a person: the server's message, else the error as text. */
export function failureReason(err: unknown): string {
  return err instanceof ApiRequestError ? err.message : String(err);
}
