/**
 * The dictionary of the code that client and server share: the verslag (`report.*`),
 * data import and export (`io.*`), the names the app makes (`names.*`) and the method
 * views' words that the app and the drawings share (`methods.*`), merged into
 * one typed key space, and `translate(lang, key, vars)` for the server and shared code.
 * The client's own namespaces are in `client/src/i18n/` (`useT`).
 */
import { ioTexts } from '../io/texts.ts';
import { methodLabels } from '../methods/labels.ts';
import { reportTexts } from '../report/texts.ts';
import { appNames } from './appNames.ts';
import type { Lang } from './lang.ts';
import { mergeTexts, translateIn, type TextVars } from './texts.ts';

export const sharedTexts = mergeTexts({ report: reportTexts, io: ioTexts, names: appNames, methods: methodLabels });
export type SharedKey = keyof typeof sharedTexts.nl & string;

/** A shared text in `lang`: plural by `vars.count`, placeholders filled. */
export function translate(lang: Lang, key: SharedKey, vars?: TextVars): string {
  return translateIn(sharedTexts, lang, key, vars);
}

/** Whether `key` is in the shared dictionary (for keys made from data, e.g. `report.word.<value>`). */
export function isSharedKey(key: string): key is SharedKey {
  return Object.hasOwn(sharedTexts.nl, key);
}
