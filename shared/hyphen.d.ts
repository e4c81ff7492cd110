/** Types of the parts of the `hyphen` package we use (it ships none). */
declare module 'hyphen/hyphen.js' {
  interface HyphenatorOptions {
    hyphenChar?: string;
    minWordLength?: number;
    html?: boolean;
  }
  const createHyphenator: (patterns: object, options?: HyphenatorOptions) => (text: string) => string;
  export default createHyphenator;
}

declare module 'hyphen/patterns/nl.js' {
  const patterns: object;
  export default patterns;
}
