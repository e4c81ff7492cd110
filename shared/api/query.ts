/**
 * Query-string parts the API shares between routes. A query value arrives as a string
 * (or a list of them, or nothing); a flag that is not exactly its "on" word is off, as
 * it always was.
 */
import { z } from 'zod';

/** A flag that is on when the query says one of `on` (`?history=1`, `?anonymise=true`). */
export const queryFlag = <const V extends string>(...on: [V, ...V[]]) =>
  z
    .enum(on)
    .optional()
    .catch(undefined)
    .transform((v) => v !== undefined);

/** A flag that is on unless the query says `off` (`?rejoin=false`). */
export const queryFlagUnless = <const V extends string>(off: V) =>
  z
    .literal(off)
    .optional()
    .catch(undefined)
    .transform((v) => v === undefined);

/** The language of a download or an import's messages. */
export const ApiLang = z.enum(['nl', 'en']);
export type ApiLang = z.infer<typeof ApiLang>;
