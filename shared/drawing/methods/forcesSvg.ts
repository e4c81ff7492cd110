/**
 * Positive and negative forces (Lewin) as an SVG drawing, laid out as the app's
 * `ForcesView`: driving forces on the left pushing towards the goal in the middle,
 * restraining forces on the right pushing back, arrow length by strength (1-5); the
 * goal, the totals and the balance in the middle column.
 */
import type { ForceRecord } from '../../model/board/actorSchema.ts';
import { forcesBalance } from '../../methods/forces.ts';
import { num } from '../xml.ts';
import type { CleanMethods } from './input.ts';
import {
  DANGER,
  INK,
  INK_2,
  INK_3,
  LINE,
  OK,
  PAD,
  PRIMARY,
  WIDTH,
  baseline,
  fit,
  heading,
  measure,
  paragraph,
  rect,
  svgDocument,
  svgText,
  translator,
  type Block,
  type HyphenateWord,
  type MethodSvgOptions,
  type Translate,
} from './kit.ts';

type Side = ForceRecord['side'];

const MID_W = 260;
const GAP = 16;
const SIDE_W = (WIDTH - 2 * PAD - MID_W - 2 * GAP) / 2;
const ROW_GAP = 10;
const TEXT_SIZE = 14;
const ARROW_H = 26;

const sideColor = (side: Side) => (side === 'bevorderend' ? OK : DANGER);
const arrowColor = (side: Side) => (side === 'bevorderend' ? '#2e7d32' : '#b42318');

/** The app's arrow (a 100 × 24 box stretched to `w` × 26), pointing to the goal. */
function forceArrow(side: Side, strength: number, x: number, middle: number, w: number): string {
  const len = 20 + (Math.min(5, Math.max(1, strength)) / 5) * 80;
  const sx = w / 100;
  const sy = ARROW_H / 24;
  const top = middle - ARROW_H / 2;
  // Restraining forces point left: mirror the box.
  const X = (u: number) => x + (side === 'bevorderend' ? u : 100 - u) * sx;
  const Y = (v: number) => top + v * sy;
  const x0 = 100 - len;
  const bodyA = X(x0);
  const bodyB = X(x0 + len - 14);
  const color = arrowColor(side);
  return (
    rect({ x: Math.min(bodyA, bodyB), y: Y(8), w: Math.abs(bodyB - bodyA), h: 8 * sy }, ` rx="2" fill="${color}"`) +
    `<polygon points="${num(X(86))},${num(Y(2))} ${num(X(100))},${num(Y(12))} ${num(X(86))},${num(Y(22))}" fill="${color}"/>`
  );
}

/** One force: a card with its text, strength pips and actor, and an arrow towards the goal. */
function forceRow(f: ForceRecord, actorName: string | null, x: number, top: number, hyphenate?: HyphenateWord): Block {
  const arrowW = Math.min(190, Math.max(56, SIDE_W * 0.3));
  const cardW = SIDE_W - arrowW - 4;
  const left = f.side === 'bevorderend';
  const cardX = left ? x : x + arrowW + 4;
  const color = sideColor(f.side);
  const text = paragraph(f.text.trim() || '—', cardX + 12, top + 8, cardW - 22, {
    size: TEXT_SIZE,
    bold: true,
    maxLines: 6,
    hyphenate,
  });
  const metaY = top + 8 + text.height + 6;
  const pips: string[] = [];
  for (let i = 1; i <= 5; i++) {
    const on = i <= f.strength;
    pips.push(
      rect(
        { x: cardX + 12 + (i - 1) * 18, y: metaY, w: 15, h: 15 },
        ` rx="3" fill="${on ? color : '#ffffff'}" stroke="${on ? color : '#c5cfcb'}" stroke-width="1"`,
      ),
    );
  }
  const nX = cardX + 12 + 5 * 18 + 4;
  pips.push(svgText(nX, baseline(metaY + 7.5, 12), String(f.strength), { size: 12, bold: true, fill: INK_2 }));
  let extra = 0;
  if (actorName) {
    // On the pips' line if it fits there, else on a line of its own.
    const ax = nX + 16;
    const own = measure(actorName, { size: 12 }) > cardX + cardW - 10 - ax;
    const nameX = own ? cardX + 12 : ax;
    const nameY = own ? metaY + 15 + 6 + 7.5 : metaY + 7.5;
    pips.push(
      svgText(nameX, baseline(nameY, 12), fit(actorName, cardX + cardW - 10 - nameX, { size: 12 }), {
        size: 12,
        fill: INK_3,
      }),
    );
    if (own) extra = 6 + 15;
  }
  const h = metaY + 15 + extra + 8 - top;
  const accent = left ? { x: cardX, y: top, w: 4, h } : { x: cardX + cardW - 4, y: top, w: 4, h };
  const svg = [
    `<g data-force="${f.side}" data-strength="${f.strength}">`,
    rect({ x: cardX, y: top, w: cardW, h }, ` rx="6" fill="#ffffff" stroke="${LINE}" stroke-width="1"`),
    rect(accent, ` fill="${color}"`),
    text.svg,
    ...pips,
    forceArrow(f.side, f.strength, left ? x + cardW + 4 : x, top + h / 2, arrowW),
    '</g>',
  ].join('');
  return { svg, height: h };
}

function sideColumn(
  data: CleanMethods,
  side: Side,
  x: number,
  top: number,
  t: Translate,
  hyphenate?: HyphenateWord,
): Block {
  const b = forcesBalance(data.forces);
  const right = side === 'belemmerend';
  const at = right ? x + SIDE_W : x;
  const anchor = right ? 'end' : 'start';
  const parts = [
    svgText(at, top + 18, fit(t(`fo.${side}`), SIDE_W, { size: 17, bold: true }), {
      size: 17,
      bold: true,
      fill: sideColor(side),
      anchor,
    }),
  ];
  const total = String(b[side].total);
  const caption = t('fo.total', { total: b[side].total, count: b[side].count });
  const totalW = measure(total, { size: 30, bold: true }) * 0.92;
  if (right) {
    parts.push(
      svgText(at, top + 58, total, { size: 30, bold: true, anchor: 'end' }),
      svgText(at - totalW - 8, top + 56, caption, { size: 13, fill: INK_3, anchor: 'end' }),
    );
  } else {
    parts.push(
      svgText(at, top + 58, total, { size: 30, bold: true }),
      svgText(at + totalW + 8, top + 56, caption, { size: 13, fill: INK_3 }),
    );
  }
  let y = top + 74;
  const own = data.forces.filter((f) => f.side === side);
  for (const f of own) {
    const actor = f.actorId ? data.actorsById.get(f.actorId) : undefined;
    const row = forceRow(f, actor ? actor.name.trim() || t('actors.unnamed') : null, x, y, hyphenate);
    parts.push(row.svg);
    y += row.height + ROW_GAP;
  }
  if (!own.length) {
    parts.push(svgText(at, y + 14, t('fo.empty'), { size: 14, fill: INK_3, anchor }));
    y += 24;
  }
  return { svg: parts.join(''), height: y - top };
}

function middleColumn(data: CleanMethods, x: number, top: number, t: Translate, hyphenate?: HyphenateWord): Block {
  const b = forcesBalance(data.forces);
  const inner = MID_W - 12;
  const bx = x + 6;
  const goal = data.settings.goal.trim();
  const goalText = paragraph(goal || t('fo.noGoal'), bx + 14, top + 34, inner - 28, {
    size: 17,
    bold: true,
    fill: '#ffffff',
    opacity: goal ? 1 : 0.72,
    maxLines: 10,
    hyphenate,
  });
  const goalH = 34 + goalText.height + 14;
  const parts = [
    rect({ x: bx, y: top, w: inner, h: goalH }, ` rx="10" fill="${PRIMARY}"`),
    svgText(bx + 14, top + 24, t('fo.goal').toUpperCase(), { size: 11, bold: true, fill: '#ffffff', opacity: 0.85 }),
    goalText.svg,
  ];
  const btop = top + goalH + 16;
  const verdict = paragraph(t(`fo.verdict.${b.verdict}`), bx + 14, btop + 128, inner - 28, {
    size: 13,
    fill: INK_2,
    anchor: 'middle',
    maxLines: 4,
  });
  const boxH = 128 + verdict.height + 14;
  const mid = bx + inner / 2;
  const max = Math.max(1, b.bevorderend.total + b.belemmerend.total);
  const barW = inner - 28;
  const plusW = (b.bevorderend.total / max) * barW;
  const minusW = (b.belemmerend.total / max) * barW;
  const balance = b.balance > 0 ? `+${b.balance}` : String(b.balance);
  const balColor = b.verdict === 'bevorderend' ? OK : b.verdict === 'belemmerend' ? DANGER : INK;
  parts.push(
    rect({ x: bx, y: btop, w: inner, h: boxH }, ` rx="10" fill="#ffffff" stroke="${LINE}" stroke-width="1"`),
    svgText(mid, btop + 26, t('fo.balance').toUpperCase(), { size: 11, bold: true, fill: INK_2, anchor: 'middle' }),
    svgText(mid, btop + 72, balance, { size: 40, bold: true, fill: balColor, anchor: 'middle' }),
    `<g data-balance="${b.balance}">`,
    rect({ x: bx + 14, y: btop + 88, w: barW, h: 10 }, ` rx="5" fill="${LINE}"`),
    plusW > 0 ? rect({ x: bx + 14, y: btop + 88, w: plusW, h: 10 }, ` rx="5" fill="${OK}"`) : '',
    minusW > 0 ? rect({ x: bx + 14 + plusW, y: btop + 88, w: minusW, h: 10 }, ` rx="5" fill="${DANGER}"`) : '',
    '</g>',
    svgText(bx + 14, btop + 118, String(b.bevorderend.total), { size: 13, bold: true, fill: OK }),
    svgText(bx + inner - 14, btop + 118, String(b.belemmerend.total), {
      size: 13,
      bold: true,
      fill: DANGER,
      anchor: 'end',
    }),
    verdict.svg,
  );
  return { svg: parts.join(''), height: btop + boxH - top };
}

/** The forces of a board as a standalone SVG document. */
export function forcesSvg(data: CleanMethods, opts: MethodSvgOptions = {}) {
  const t = translator(opts.lang ?? 'nl');
  const head = heading(opts.title?.trim() ?? '', '', '', WIDTH);
  const top = head.height + 8;
  const leftX = PAD;
  const midX = PAD + SIDE_W + GAP;
  const rightX = midX + MID_W + GAP;
  const left = sideColumn(data, 'bevorderend', leftX, top, t, opts.hyphenate);
  const right = sideColumn(data, 'belemmerend', rightX, top, t, opts.hyphenate);
  const middle = middleColumn(data, midX, top, t, opts.hyphenate);
  const colH = Math.max(left.height, right.height, middle.height);
  // Lewin's line: the current state, between the two kinds of forces (behind the middle column).
  const lewin = rect({ x: midX + MID_W / 2 - 2, y: top, w: 4, h: colH }, ` fill="${PRIMARY}"`);
  const height = Math.ceil(top + colH + PAD);
  const body = [head.svg, lewin, left.svg, middle.svg, right.svg].join('');
  return { svg: svgDocument(WIDTH, height, opts.title?.trim() || t('view.krachten'), body), width: WIDTH, height };
}
