/**
 * Every word the app shows comes from a dictionary (issue 12): a scan of client/src for
 * text in JSX (text nodes, and string literals in user-visible props: aria-label, title,
 * placeholder, alt, label, aria-description, aria-roledescription, aria-valuetext) that
 * holds a letter, and a scan of the string literals elsewhere in the modules (.ts and
 * .tsx: notices, messages built in hooks, document titles, errors) that read as words.
 * What is left is in the short reviewed allow-lists below: names and symbols that are
 * the same in every language, and programmers' errors that the app never shows.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../client/src');
const VISIBLE_PROPS = new Set([
  'aria-label',
  'title',
  'placeholder',
  'alt',
  'label',
  'aria-description',
  'aria-roledescription',
  'aria-valuetext',
]);

/** Reviewed: the same in Dutch and English, or not words at all. */
const ALLOW = new Set<string>([
  'Veldwerk', // the product's name
  'NL',
  'EN',
  'Nederlands', // a language's own name, shown in that language
  'English',
  'CSV',
  'Excel',
  'JSON',
  'PNG',
  'SVG',
  'QR',
  'ABC-DEF', // the shape of a join code
]);

/** A dictionary key handed to a component that translates it (`label="context.edit"`). */
const KEY = /^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9]+)+$/;

/** A text that names nothing in a language: no letters, or only allowed words. */
function isWordless(text: string): boolean {
  const t = text.replace(/\s+/g, ' ').trim();
  if (!/\p{L}/u.test(t)) return true;
  return ALLOW.has(t) || KEY.test(t);
}

interface Finding {
  file: string;
  line: number;
  text: string;
}

function filesOf(dir: string, pattern = /\.tsx$/): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return filesOf(p, pattern);
    return pattern.test(e.name) ? [p] : [];
  });
}

function scan(file: string): Finding[] {
  const source = ts.createSourceFile(
    file,
    fs.readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const found: Finding[] = [];
  const report = (node: ts.Node, text: string) => {
    if (isWordless(text)) return;
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    found.push({ file: path.relative(ROOT, file), line: line + 1, text: text.trim() });
  };
  const literal = (e: ts.Expression | undefined): string | null => {
    if (!e) return null;
    if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return e.text;
    if (ts.isJsxExpression(e)) return literal(e.expression);
    if (ts.isParenthesizedExpression(e)) return literal(e.expression);
    return null;
  };
  // A literal, or each branch of `a ? 'x' : 'y'` and the right of `a && 'x'` / `a ?? 'x'`.
  const strings = (e: ts.Expression | undefined): void => {
    if (!e) return;
    const s = literal(e);
    if (s !== null) report(e, s);
    else if (ts.isConditionalExpression(e)) {
      strings(e.whenTrue);
      strings(e.whenFalse);
    } else if (ts.isBinaryExpression(e)) strings(e.right);
    else if (ts.isJsxExpression(e) || ts.isParenthesizedExpression(e)) strings(e.expression);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node)) report(node, node.text);
    else if (ts.isJsxExpression(node) && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent))) {
      strings(node.expression);
    } else if (ts.isJsxAttribute(node) && VISIBLE_PROPS.has(node.name.getText(source))) {
      strings(node.initializer as ts.Expression | undefined);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Reviewed literals outside JSX: the same in every language, or never shown. */
const ALLOW_MODULE = new Set<string>([
  'Veldwerk', // the product's name (the document title)
  'Nederlands', // a language's own name, shown in that language
  'English',
  'Bearer', // the HTTP Authorization scheme
  'Ctrl', // key names as printed on the keys, in the shortcut list
  'Shift',
  'Alt',
  'Home', // key values compared with KeyboardEvent.key
  'End',
  'toBlob failed', // programmers' errors: the export shows its own text (export.failed)
  'useMeeting outside the session page',
  'useMethods outside MethodsWorkspace',
]);

/** Calls whose string arguments are never words for people (selectors, storage keys, logs). */
const QUIET_CALL =
  /^(console\.\w+|.*\.(querySelector(All)?|addEventListener|removeEventListener|createElement|getItem|setItem|removeItem|setAttribute|getAttribute|closest|matches))$/;

/** A literal that reads as words: a capitalised word ("Opgeslagen") or two words ("bord weg"). */
function isProse(text: string): boolean {
  const t = text.replace(/\s+/g, ' ').trim();
  if (/^[.#[@/]|[{}=<>;]|^(rgba?|hsla?|var|url)\(|sans-serif|monospace/u.test(t)) return false;
  // CSS lengths from a template: `${x}px ${y}px`.
  if (!(t.match(/\p{L}+/gu) ?? []).some((w) => !/^(px|r?em|v[hw]|deg|ms)$/.test(w))) return false;
  // A list of CSS classes: "button button-small is-on".
  if (/^[a-z0-9-]+( [a-z0-9-]*)+$/.test(t) && t.includes('-')) return false;
  return /^\p{Lu}\p{Ll}+([\s.,!?…:]|$)/u.test(t) || /\p{L}{2,} \p{L}{2,}/u.test(t);
}

/** Inside JSX (the JSX scan's part), a comparison (`e.key === 'Enter'`, `case 'Home':`) or a quiet call. */
function isQuiet(node: ts.Node, source: ts.SourceFile): boolean {
  const p = node.parent;
  if (ts.isCallExpression(p) && QUIET_CALL.test(p.expression.getText(source))) return true;
  if (ts.isBinaryExpression(p) && /^[!=]==?$/.test(p.operatorToken.getText(source))) return true;
  if (ts.isCaseClause(p)) return true;
  for (let a: ts.Node | undefined = p; a; a = a.parent) {
    if (ts.isJsxAttribute(a) || ts.isJsxElement(a) || ts.isJsxFragment(a) || ts.isJsxSelfClosingElement(a)) return true;
  }
  return false;
}

/** A dictionary module: its literals are the texts. */
const isDictionary = (file: string, text: string) => text.includes('defineTexts(') || /i18n\/(nl|en)\.ts$/.test(file);

/** Word-like string literals and template texts outside JSX, in a .ts or .tsx module. */
function scanModule(file: string): Finding[] {
  const text = fs.readFileSync(file, 'utf8');
  if (isDictionary(file, text)) return [];
  const source = ts.createSourceFile(
    file,
    text,
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: Finding[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isTypeNode(node)) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node)) {
      const words = ts.isTemplateExpression(node)
        ? [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ')
        : node.text;
      const p = node.parent;
      const isKey = (ts.isPropertyAssignment(p) && p.name === node) || ts.isElementAccessExpression(p);
      const t = words.replace(/\s+/g, ' ').trim();
      if (!isKey && isProse(words) && !ALLOW_MODULE.has(t) && !KEY.test(t) && !isQuiet(node, source)) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        found.push({ file: path.relative(ROOT, file), line: line + 1, text: t });
      }
      if (!ts.isTemplateExpression(node)) return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('user-visible strings', () => {
  it('are all in the dictionaries (no words in JSX or visible props outside them)', () => {
    const findings = filesOf(ROOT).flatMap(scan);
    expect(findings.map((f) => `${f.file}:${f.line} ${JSON.stringify(f.text)}`)).toEqual([]);
  });

  it('are all in the dictionaries in the modules too (notices, messages built in hooks, titles)', () => {
    const findings = filesOf(ROOT, /^(?!.*\.d\.ts$).*\.tsx?$/).flatMap(scanModule);
    expect(findings.map((f) => `${f.file}:${f.line} ${JSON.stringify(f.text)}`)).toEqual([]);
  });

  it('finds words in a module outside JSX (the module scan can fail)', () => {
    const dir = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), 'i18n-scan-'));
    const file = path.join(dir, 'useNotice.ts');
    fs.writeFileSync(
      file,
      [
        "notify('Opgeslagen');",
        'const msg = `Bord ${n} is verwijderd`;',
        "setError(failed ? 'Dat lukte niet' : t('io.failed'));",
        "if (e.key === 'Escape') close();",
        "const cls = on ? 'button button-small is-on' : 'button';",
        'document.querySelector(\'[data-keyboard="field"]\');',
        "const labels = { 'Veldwerk': 1 };",
        "document.title = 'Veldwerk';",
      ].join('\n'),
    );
    try {
      expect(scanModule(file).map((f) => f.text)).toEqual(['Opgeslagen', 'Bord is verwijderd', 'Dat lukte niet']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('finds a word that is not in a dictionary (the scan can fail)', () => {
    const dir = fs.mkdtempSync(path.join(fs.realpathSync(process.env.TMPDIR ?? '/tmp'), 'i18n-scan-'));
    const file = path.join(dir, 'Bad.tsx');
    fs.writeFileSync(
      file,
      'export const A = () => <p title="Sluiten" aria-label={open ? "Menu sluiten" : "Menu openen"}>Nog niet beoordeeld {x ? "ja" : "—"}<b label="context.edit" /></p>;',
    );
    try {
      expect(scan(file).map((f) => f.text)).toEqual([
        'Sluiten',
        'Menu sluiten',
        'Menu openen',
        'Nog niet beoordeeld',
        'ja',
      ]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
