/**
 * Every word the app shows comes from a dictionary (issue 12): a scan of client/src for
 * text in JSX (text nodes, and string literals in user-visible props: aria-label, title,
 * placeholder, alt, label, aria-description, aria-roledescription, aria-valuetext) that
 * holds a letter. What is left is in the short reviewed allow-list below: names and
 * symbols that are the same in every language.
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

function filesOf(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return filesOf(p);
    return /\.tsx$/.test(e.name) ? [p] : [];
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

describe('user-visible strings', () => {
  it('are all in the dictionaries (no words in JSX or visible props outside them)', () => {
    const findings = filesOf(ROOT).flatMap(scan);
    expect(findings.map((f) => `${f.file}:${f.line} ${JSON.stringify(f.text)}`)).toEqual([]);
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
