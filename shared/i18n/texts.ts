/**
 * The one way the app says things (issue 12): dictionaries of texts per language, Dutch
 * the source in the users' own words, English with every Dutch key (a missing one does
 * not compile). A text is a string with `{name}` placeholders, or a plural by
 * `Intl.PluralRules` on `{count}`: `{ one: '1 organisatie', other: '{count} organisaties' }`.
 * Parts of the app keep their texts in namespaces (`defineTexts`) merged by type into one
 * key space; `translate` is the one function that turns a key into words.
 */
import { formatNumber } from './format.ts';
import { LOCALES, type Lang } from './lang.ts';

/** A text that depends on a number, chosen by `Intl.PluralRules` on `vars.count`. */
export interface Plural {
  /** Exactly zero, where the language says it differently ("nog geen stemmen"). */
  zero?: string;
  one: string;
  other: string;
}

export type Entry = string | Plural;
export type Dictionary = Readonly<Record<string, Entry>>;
export type TextVars = Readonly<Record<string, string | number>>;

/** English has the same keys as Dutch, and a plural where Dutch has a plural. */
export type Translation<N extends Dictionary> = { readonly [K in keyof N]: N[K] extends string ? string : Plural };

/** Both languages of one namespace. */
export interface Texts<N extends Dictionary> {
  readonly nl: N;
  readonly en: Translation<N>;
}

/** A namespace's texts; the type makes English complete. */
export function defineTexts<const N extends Dictionary>(nl: N, en: Translation<N>): Texts<N> {
  return { nl, en };
}

/** Keys of a namespace with a prefix: `report` + `date` is `report.date`. */
export type Prefixed<P extends string, N> = { [K in keyof N & string as `${P}.${K}`]: N[K] };

/** One dictionary from namespaces, each key prefixed with its namespace's name. */
export function mergeTexts<const M extends Record<string, Texts<Dictionary>>>(parts: M): Texts<Merged<M>> {
  const nl: Record<string, Entry> = {};
  const en: Record<string, Entry> = {};
  for (const [ns, texts] of Object.entries(parts)) {
    for (const [k, v] of Object.entries(texts.nl)) nl[`${ns}.${k}`] = v;
    for (const [k, v] of Object.entries(texts.en)) en[`${ns}.${k}`] = v;
  }
  return { nl, en } as unknown as Texts<Merged<M>>;
}

/** The namespaces of `M` as one flat dictionary type. */
export type Merged<M extends Record<string, Texts<Dictionary>>> = Flat<
  UnionToIntersection<{ [P in keyof M & string]: Prefixed<P, M[P]['nl']> }[keyof M & string]>
>;
type Flat<T> = { [K in keyof T]: T[K] extends Entry ? T[K] : never };

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

const pluralRules = new Map<Lang, Intl.PluralRules>();

function pluralOf(lang: Lang, entry: Plural, count: number): string {
  if (count === 0 && entry.zero !== undefined) return entry.zero;
  let rules = pluralRules.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(LOCALES[lang]);
    pluralRules.set(lang, rules);
  }
  return rules.select(count) === 'one' ? entry.one : entry.other;
}

/** Fills `{name}` placeholders; an unknown placeholder stays visible so it gets noticed. */
export function fillVars(text: string, vars?: TextVars): string {
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/**
 * THE translate function: the text of `key` in `lang` from `texts`, the plural form for
 * `vars.count` (or `vars.n`), placeholders filled.
 */
export function translateIn<N extends Dictionary>(
  texts: Texts<N>,
  lang: Lang,
  key: keyof N & string,
  vars?: TextVars,
): string {
  const entry = (texts[lang] as Dictionary)[key] ?? (texts.nl as Dictionary)[key] ?? key;
  if (typeof entry === 'string') return fillVars(entry, vars);
  // The number is `count` (written as the language writes numbers), or `n` as many texts say it.
  const count = Number(vars?.count ?? vars?.n ?? 0);
  const filled = vars?.count === undefined ? vars : { ...vars, count: formatNumber(lang, count) };
  return fillVars(pluralOf(lang, entry, count), filled);
}

/** Every Dutch text of a dictionary (plurals' forms included), for checks and tests. */
export function textsOf(dictionary: Dictionary): string[] {
  return Object.values(dictionary).flatMap((e) =>
    typeof e === 'string' ? [e] : [e.one, e.other, ...(e.zero ? [e.zero] : [])],
  );
}
