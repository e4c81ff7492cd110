/** Every refused request answers `{error: {code, message, details?}}` with a 4xx or 5xx status. */
import { z } from 'zod';

export const ApiError = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ApiError = z.infer<typeof ApiError>;
