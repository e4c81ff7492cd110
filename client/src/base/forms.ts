/**
 * Client-side checks for the start page forms, mirroring shared/api.ts (same limits),
 * and the mapping of API errors onto the field they are about.
 */
// The plain modules of shared/api (no schemas): the start page loads these forms before the API client.
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH, normalizeJoinCode } from '../../../shared/api/joinCode.ts';
import { NAME_MAX, TITLE_MAX } from '../../../shared/api/limits.ts';
import { cleanLine, codePointLength } from '../../../shared/names.ts';
import { ApiRequestError } from './api/errors.ts';
import type { Translate } from './i18n/useT.ts';

export type FieldErrors<F extends string> = Partial<Record<F, string>> & { form?: string };

function checkText(t: Translate, value: string, max: number, required: 'error.required.name' | 'error.required.title') {
  // The server's rule (shared/names.ts): what passes here is stored exactly as {@link cleanName} shows it.
  const clean = cleanLine(value);
  if (!clean) return t(required);
  if (codePointLength(clean) > max) return t('error.tooLong', { max });
  return undefined;
}

export const checkName = (t: Translate, value: string) => checkText(t, value, NAME_MAX, 'error.required.name');
/** A name or title as the server will store it (send this, not the raw input). */
export const cleanName = (value: string) => cleanLine(value);
export const checkTitle = (t: Translate, value: string) => checkText(t, value, TITLE_MAX, 'error.required.title');

export function checkJoinCode(t: Translate, value: string): string | undefined {
  const code = normalizeJoinCode(value);
  if (!code) return t('error.required.code');
  if (code.length !== JOIN_CODE_LENGTH || [...code].some((c) => !JOIN_CODE_ALPHABET.includes(c))) {
    return t('error.codeFormat');
  }
  return undefined;
}

/** Shows what is typed as `ABC-DEF` while typing, whatever the case or spacing. */
export function formatJoinCodeInput(value: string): string {
  const code = normalizeJoinCode(value).slice(0, JOIN_CODE_LENGTH);
  return code.length > 3 ? `${code.slice(0, 3)}-${code.slice(3)}` : code;
}

/** Field names a 400's details name: `[{field, message}]`, or zod issues with a `path`. */
function fieldsInDetails(details: unknown): string[] {
  if (!Array.isArray(details)) return [];
  return details.flatMap((issue: unknown) => {
    if (!issue || typeof issue !== 'object') return [];
    if ('field' in issue && typeof issue.field === 'string') return [issue.field.split('.')[0] ?? ''];
    if ('path' in issue && Array.isArray(issue.path) && issue.path.length > 0) return [String(issue.path[0])];
    return [];
  });
}

/**
 * Turns a failed request into messages per field. `fields` maps the API's field names
 * to the form's; `notFoundField` is the field a 404 is about (the join code).
 */
export function errorsFromApi<F extends string>(
  t: Translate,
  err: unknown,
  fields: Record<string, F>,
  notFoundField?: F,
): FieldErrors<F> {
  const form = (message: string) => ({ form: message }) as FieldErrors<F>;
  if (!(err instanceof ApiRequestError)) return form(t('error.generic'));
  if (err.code === 'network') return form(t('error.network'));
  if (err.status === 429) {
    return form(err.retryAfter ? t('error.tooMany', { seconds: err.retryAfter }) : t('error.tooManySoon'));
  }
  if (err.status === 404 && notFoundField) return { [notFoundField]: t('error.unknownCode') } as FieldErrors<F>;
  if (err.status === 400) {
    const named = fieldsInDetails(err.details).flatMap((f) => (fields[f] ? [fields[f]] : []));
    if (named.length > 0) return Object.fromEntries(named.map((f) => [f, t('error.invalid')])) as FieldErrors<F>;
    return form(t('error.invalid'));
  }
  return form(t('error.generic'));
}
