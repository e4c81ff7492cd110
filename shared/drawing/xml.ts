/**
 * Making participants' text safe to put in an XML document (SVG exports, reports).
 * Pure string functions: no DOM.
 */

/**
 * Characters XML 1.0 does not allow (C0 controls except tab and newline, lone
 * surrogates, U+FFFE/U+FFFF), plus DEL and the C1 controls, which are allowed but
 * invisible and only ever typed by accident or malice. Carriage returns are handled
 * by {@link cleanText}.
 */
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as typed, made fit for XML: line ends normalised to `\n`, tabs to spaces, controls removed. */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ').replace(FORBIDDEN, '');
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Escapes text for element content and (double- or single-quoted) attribute values.
 * Also removes what XML cannot hold, so the result is always well-formed.
 */
export function escapeXml(text: string): string {
  return cleanText(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}

/** A number as an SVG attribute: at most two decimals, never exponent notation or NaN. */
export function num(n: number): string {
  if (!Number.isFinite(n)) return '0';
  const rounded = Math.round(Math.max(-1e9, Math.min(1e9, n)) * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}
