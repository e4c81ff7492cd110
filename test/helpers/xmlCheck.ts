/**
 * A strict, small XML well-formedness check for tests (no XML parser is installed):
 * one root element, balanced tags, quoted attributes without duplicates, entities
 * only where well-formed, no characters XML forbids. Returns the problems found.
 */
const NAME = /^[A-Za-z_:][\w.:-]*$/;
const ENTITY = /&(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);/g;
const FORBIDDEN_CHAR =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function checkText(text: string, where: string, problems: string[]): void {
  if (text.includes('<')) problems.push(`raw "<" in ${where}`);
  if (text.replace(ENTITY, '').includes('&')) problems.push(`bare "&" in ${where}`);
  if (text.includes(']]>')) problems.push(`"]]>" in ${where}`);
  if (FORBIDDEN_CHAR.test(text)) problems.push(`forbidden character in ${where}`);
}

function checkAttributes(source: string, tag: string, problems: string[]): void {
  const seen = new Set<string>();
  let rest = source.trim();
  while (rest) {
    const m = /^([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')\s*/.exec(rest);
    if (!m) {
      problems.push(`bad attribute syntax in <${tag}>: ${rest.slice(0, 40)}`);
      return;
    }
    const name = m[1]!;
    if (!NAME.test(name)) problems.push(`bad attribute name ${name}`);
    if (seen.has(name)) problems.push(`duplicate attribute ${name} in <${tag}>`);
    seen.add(name);
    checkText(m[2] ?? m[3] ?? '', `attribute ${name}`, problems);
    rest = rest.slice(m[0].length);
  }
}

export function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    const text = xml.slice(i, lt === -1 ? xml.length : lt);
    if (text) {
      if (!stack.length && text.trim()) problems.push(`text outside the root: ${text.slice(0, 40)}`);
      checkText(text, 'text', problems);
    }
    if (lt === -1) break;
    const special = [
      ['<!--', '-->'],
      ['<?', '?>'],
      ['<![CDATA[', ']]>'],
    ].find(([open]) => xml.startsWith(open!, lt));
    if (special) {
      const end = xml.indexOf(special[1]!, lt);
      if (end === -1) return [...problems, `unterminated ${special[0]}`];
      i = end + special[1]!.length;
      continue;
    }
    const gt = xml.indexOf('>', lt);
    if (gt === -1) return [...problems, 'unterminated tag'];
    const tag = xml.slice(lt + 1, gt);
    i = gt + 1;
    if (tag.startsWith('/')) {
      const name = tag.slice(1).trim();
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open ?? 'nothing'}>`);
      continue;
    }
    const selfClosing = tag.endsWith('/');
    const body = selfClosing ? tag.slice(0, -1) : tag;
    const name = /^\S+/.exec(body)?.[0] ?? '';
    if (!NAME.test(name)) problems.push(`bad tag name "${name}"`);
    checkAttributes(body.slice(name.length), name, problems);
    if (!stack.length) roots++;
    if (!selfClosing) stack.push(name);
  }
  if (stack.length) problems.push(`unclosed: ${stack.join(' > ')}`);
  if (roots !== 1) problems.push(`${roots} root elements`);
  return problems;
}
