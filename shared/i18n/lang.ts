/** The app's languages: Dutch is the source and the default, English is complete. */
export const LANGS = ['nl', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(value: unknown): value is Lang {
  return value === 'nl' || value === 'en';
}

/** The locale each language writes dates and numbers in. */
export const LOCALES: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };
