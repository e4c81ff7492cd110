/** Small helpers for JSON errors and bearer tokens in the REST API. */
import type { Request, Response } from 'express';
import type { z } from 'zod';
import type { ApiError } from '../../shared/api.ts';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function sendError(res: Response, err: HttpError): void {
  for (const [k, v] of Object.entries(err.headers)) res.setHeader(k, v);
  const body: ApiError = {
    error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) },
  };
  res.status(err.status).json(body);
}

/** Parses a request body with its schema of shared/api; a failure is a 400 naming the fields. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
    throw new HttpError(400, 'invalid_request', 'The request is not valid.', details);
  }
  return parsed.data;
}

/**
 * Parses a request's query with its schema of shared/api; a failure is a 400 with the
 * route's own `message` (which values it takes).
 */
export function parseQuery<S extends z.ZodType>(schema: S, query: unknown, message: string): z.infer<S> {
  const parsed = schema.safeParse(query ?? {});
  if (!parsed.success) throw new HttpError(400, 'invalid_request', message);
  return parsed.data;
}

/**
 * Answers `value` as JSON, typed by the route's response schema of shared/api: the
 * client parses the answer with the same schema, so an answer that drifts from it fails
 * to compile here. (Checked at run time by test/integration/apiContract.test.ts, not on
 * every request.)
 */
export function send<S extends z.ZodType>(res: Response, schema: S, value: z.input<S>, status = 200): void {
  res.status(status).json(value);
}

export function bearerToken(req: Request): string {
  const header = req.get('authorization') ?? '';
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  if (!m?.[1]) throw new HttpError(401, 'unauthorized', 'Send a token: Authorization: Bearer <token>.');
  return m[1];
}
