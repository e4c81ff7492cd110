import { describe, expect, it } from 'vitest';
import { renderBoardSvg } from '../../shared/drawing/boardSvg.ts';
import { isRtl, measureText, wrapText } from '../../shared/drawing/textLayout.ts';
import { cleanText, escapeXml } from '../../shared/drawing/xml.ts';
import type { ArrowItem, BoardItem, FrameItem, NoteItem, TextItem } from '../../shared/model/board/schema.ts';
import { xmlProblems } from '../helpers/xmlCheck.ts';

const note = (id: string, x: number, y: number, text = '', more: Partial<NoteItem> = {}): NoteItem => ({
  id,
  kind: 'note',
  view: 'canvas',
  z: 1,
  author: 'Anna',
  x,
  y,
  w: 180,
  h: 120,
  text,
  color: '#fff3a3',
  ...more,
});
const arrow = (id: string, start: ArrowItem['start'], end: ArrowItem['end'], label = ''): ArrowItem => ({
  id,
  kind: 'arrow',
  view: 'canvas',
  z: 5,
  author: '',
  start,
  end,
  label,
  color: '#0e5a63',
});
const frame = (id: string, title: string): FrameItem => ({
  id,
  kind: 'frame',
  view: 'canvas',
  z: 0,
  author: '',
  x: -100,
  y: -100,
  w: 600,
  h: 400,
  title,
});
const text = (id: string, value: string): TextItem => ({
  id,
  kind: 'text',
  view: 'canvas',
  z: 2,
  author: '',
  x: 300,
  y: 300,
  w: 200,
  h: 40,
  text: value,
  fontSize: 20,
  color: '#1f2933',
});

/** The source of the element group drawn for one item. */
function groupOf(svg: string, id: string): string {
  const start = svg.indexOf(`<g data-id="${id}"`);
  expect(start).toBeGreaterThanOrEqual(0);
  return svg.slice(start, svg.indexOf('</g>', start) + 4);
}

/** All visible text of the document, entities decoded. */
function textContent(svg: string): string {
  return [...svg.matchAll(/>([^<]+)</g)]
    .map((m) => m[1]!)
    .join('\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

describe('renderBoardSvg', () => {
  it('gives a small valid SVG for an empty board', () => {
    const { svg, width, height } = renderBoardSvg([]);
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(width).toBeGreaterThan(0);
    expect(width).toBeLessThanOrEqual(400);
    expect(height).toBeLessThanOrEqual(200);
    expect(svg).toContain(`viewBox="0 0 ${width} ${height}"`);
  });

  it('draws notes, text, frames and bound arrows where the items are', () => {
    const items: BoardItem[] = [
      frame('f1', 'Krachtenveld'),
      note('n1', 0, 0, 'Huisartsen'),
      note('n2', 400, 0, 'Wijkteam'),
      arrow('a1', { itemId: 'n1' }, { itemId: 'n2' }, 'werkt samen'),
      text('t1', 'Draagvlak'),
    ];
    const { svg, width, height } = renderBoardSvg(items, { padding: 20 });
    expect(xmlProblems(svg)).toEqual([]);
    // Items keep their coordinates inside one translated group.
    const n1 = groupOf(svg, 'n1');
    expect(n1).toContain('<rect x="0" y="0" width="180" height="120"');
    expect(n1).toContain('fill="#fff3a3"');
    expect(n1).toContain('>Huisartsen</text>');
    expect(n1).toContain('>Anna</text>');
    expect(groupOf(svg, 'n2')).toContain('<rect x="400" y="0" width="180" height="120"');
    expect(groupOf(svg, 'f1')).toContain('<rect x="-100" y="-100" width="600" height="400"');
    expect(groupOf(svg, 'f1')).toContain('>Krachtenveld</text>');
    expect(groupOf(svg, 't1')).toContain('<text x="302"'); // 2 units of padding, as on the canvas
    // The arrow runs from n1's right edge to n2's left edge (4 units gap), at mid-height;
    // the line stops inside the arrowhead.
    const a1 = groupOf(svg, 'a1');
    expect(a1).toContain('<line x1="184" y1="60" x2="386.4" y2="60"');
    expect(a1).toMatch(/<polygon points="396,60 /);
    expect(a1).toContain('>werkt samen</text>');
    // The frame (title above it) is top-left of the content: padding around it.
    expect(svg).toMatch(/<g transform="translate\(120 14\d(\.\d+)?\)">/);
    expect(width).toBe(680 + 2 * 20); // frame left edge -100 to note n2 right edge 580
    expect(height).toBeGreaterThan(440);
  });

  it('draws in stacking order and only the requested view', () => {
    const items = [note('top', 0, 0, 'boven', { z: 9 }), note('bottom', 0, 0, 'onder', { z: 1 })];
    const other = note('other', 50, 50, 'elders', { view: 'krachtenveld' });
    const { svg } = renderBoardSvg([...items, other]);
    expect(svg.indexOf('data-id="bottom"')).toBeLessThan(svg.indexOf('data-id="top"'));
    expect(svg).not.toContain('elders');
    expect(renderBoardSvg([...items, other], { view: 'krachtenveld' }).svg).toContain('elders');
  });

  it('escapes hostile text everywhere participants can type', () => {
    const evil = '<script>alert("x")</script> & ]]> \'quote\' <![CDATA[ x ]]> <!-- c -->';
    const items: BoardItem[] = [
      note('n1', 0, 0, evil, { author: '<img src=x onerror=alert(1)>&', w: 2000, h: 400 }),
      { ...frame('f1', evil), w: 4000 },
      arrow('a1', { x: 0, y: 500 }, { x: 4000, y: 500 }, '"><script>x</script>'),
      { ...text('t1', evil), w: 4000 },
    ];
    const { svg } = renderBoardSvg(items, { title: '</title><script>alert(1)</script>' });
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).not.toMatch(/<script|<img|<!\[CDATA\[|<!--/i);
    expect(svg).not.toContain(']]>');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; ]]&gt; &apos;quote&apos;');
    const shown = textContent(svg);
    expect(shown).toContain('<script>alert("x")</script> & ]]>');
    expect(shown).toContain('<img src=x onerror=alert(1)>&');
    expect(shown).toContain('</title><script>alert(1)</script>');
  });

  it('keeps the document well-formed with control characters, emoji, RTL text and lone surrogates', () => {
    const odd = 'a\u0000b\u0007c\u001Fd\u007F\u0085e\uFFFE\r\nregel\ttab \uD800 \uDFFF 👩🏽‍⚕️ 🇳🇱 שלום עולם مرحبا';
    const { svg } = renderBoardSvg([note('n1', 0, 0, odd, { w: 2000, h: 300 }), note('n2', 0, 400, 'שלום עולם')]);
    expect(xmlProblems(svg)).toEqual([]);
    expect(textContent(svg)).toContain('abcde');
    expect(svg).toContain('👩🏽‍⚕️');
    expect(svg).toContain('🇳🇱');
    // Right-to-left lines are marked so; a left-aligned one (a text item) is anchored at the right edge.
    expect(groupOf(svg, 'n2')).toMatch(/<text x="90" [^>]*text-anchor="middle" direction="rtl"[^>]*>שלום עולם<\/text>/);
    const rtlText = renderBoardSvg([{ ...text('t1', 'שלום עולם'), x: 0, w: 300 }]).svg;
    expect(groupOf(rtlText, 't1')).toMatch(/<text x="298" [^>]*direction="rtl"/);
  });

  it('shrinks note text to fit, wraps long words and cuts what does not fit even at the smallest size', () => {
    const short = groupOf(renderBoardSvg([note('n1', 0, 0, 'Kort')]).svg, 'n1');
    expect(short).toMatch(/font-size="24"[^>]*>Kort</); // the largest size: one short word
    const long = 'x'.repeat(400);
    const { svg } = renderBoardSvg([note('n1', 0, 0, `${long} ${'woord '.repeat(200)}`)]);
    expect(xmlProblems(svg)).toEqual([]);
    const texts = [...groupOf(svg, 'n1').matchAll(/<text[^>]*font-size="([\d.]+)"[^>]*>([^<]*)<\/text>/g)];
    const body = texts.slice(0, -1).map((m) => ({ size: Number(m[1]), line: m[2]! })); // the last one is the author
    expect(body.length).toBeGreaterThan(1);
    for (const { size, line } of body) {
      expect(size).toBe(11);
      expect(measureText(line, { size })).toBeLessThanOrEqual(180 - 28 + 0.01);
    }
    expect(body.at(-1)!.line).toMatch(/…$/);
    // All lines within the note, above the author line.
    const ys = [...groupOf(svg, 'n1').matchAll(/<text x="[\d.]+" y="([\d.]+)"/g)].map((m) => Number(m[1]));
    for (const y of ys) expect(y).toBeLessThan(120);
  });

  it('cuts even the longest notes to their box', () => {
    const huge = Array.from({ length: 40 }, () => note('n', 0, 0, 'woord '.repeat(830))).map((n, i) => ({
      ...n,
      id: `n${i}`,
    }));
    const { svg } = renderBoardSvg(huge);
    // Wrapping stops once a note is full, so 40 notes of 5,000 characters are cheap.
    expect((svg.match(/…<\/text>/g) ?? []).length).toBe(40);
  });

  it('skips invalid items and arrows whose ends cannot be resolved', () => {
    const bad = { ...note('bad', Number.NaN, 0), text: 'kapot' } as BoardItem;
    const dangling = arrow('a1', { itemId: 'missing' }, { itemId: 'gone' });
    const { svg } = renderBoardSvg([bad, dangling, note('ok', 0, 0, 'goed')]);
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).not.toContain('kapot');
    expect(svg).not.toContain('data-id="a1"');
    expect(svg).toContain('goed');
  });

  it('is deterministic and ignores a hostile background', () => {
    const items = [note('n1', 0, 0, 'een'), note('n2', 300, 200, 'twee')];
    const a = renderBoardSvg(items, { title: 'Bord', background: '"/><script>' });
    expect(a).toEqual(renderBoardSvg([...items].reverse(), { title: 'Bord', background: '"/><script>' }));
    expect(a.svg).toContain('fill="#ffffff"');
    expect(renderBoardSvg(items, { background: 'none' }).svg).not.toContain('height="100%"');
  });
});

describe('text helpers', () => {
  it('escapes and cleans', () => {
    expect(escapeXml(`<a href="x">&'`)).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
    expect(cleanText('a\r\nb\rc\td\u0001')).toBe('a\nb\nc d');
  });

  it('wraps at the width, keeps line breaks and never splits an emoji', () => {
    const { lines } = wrapText('een twee drie vier vijf zes\nzeven', 80, { size: 15 });
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.at(-1)).toBe('zeven');
    const emoji = wrapText('👩🏽‍⚕️'.repeat(20), 50, { size: 15 }).lines;
    for (const line of emoji) expect(line.replaceAll('👩🏽‍⚕️', '')).toBe('');
  });

  it('recognises right-to-left text by its first letter', () => {
    expect(isRtl('123 שלום')).toBe(true);
    expect(isRtl('مرحبا')).toBe(true);
    expect(isRtl('Hallo שלום')).toBe(false);
  });
});
