/**
 * Names and titles as the API takes them: the one rule of shared/names.ts, then a
 * length in code points.
 */
import { z } from 'zod';
import { cleanLine, codePointLength, GROUP_NAME_MAX, PERSON_NAME_MAX, TITLE_MAX } from '../names.ts';

// The lengths as plain numbers (no schemas: the start page's forms use them before the API loads).
export { GROUP_NAME_MAX, NAME_MAX, TITLE_MAX } from './limits.ts';

/**
 * A name or title as the API takes it: cleaned by the one rule of shared/names.ts, then
 * at least one visible character and at most `max` code points (a longer one is refused,
 * not cut, so nobody's name changes behind their back).
 */
const cleanText = (max: number) =>
  z
    .string()
    // Raw input is bounded before the rule runs on it (a name is never kilobytes).
    .max(max * 16)
    .transform((s) => cleanLine(s))
    .pipe(
      z
        .string()
        .min(1)
        .refine((s) => codePointLength(s) <= max, { message: `at most ${max} characters` }),
    );

/** Schemas of a person's name, a session's or board's title and a group's name. */
export const PersonName = cleanText(PERSON_NAME_MAX);
export const Title = cleanText(TITLE_MAX);
export const GroupName = cleanText(GROUP_NAME_MAX);
