/**
 * The typology chart as an SVG drawing, as the app's `TypologyView` draws it: agreement
 * on content from left to right, trust from bottom to top, the six types' zones with
 * their names, and the judged actors at their places. Actors not judged yet are listed.
 */
import type { Actor } from '../../model/board/actorSchema.ts';
import { fieldLayout, toChartPoint, TYPE_ZONES, type Rect } from '../../methods/geometry.ts';
import { TYPE_COLORS } from '../../methods/palette.ts';
import { TRUST_THRESHOLD, TYPE_TEXTS } from '../../methods/typology.ts';
import { num } from '../xml.ts';
import type { CleanMethods } from './input.ts';
import { markersSvg } from './krachtenveldSvg.ts';
import {
  FONT,
  INK,
  INK_2,
  PAD,
  WIDTH,
  colorLegend,
  fit,
  heading,
  line,
  markerLabels,
  nameList,
  numberKey,
  rect,
  svgDocument,
  svgText,
  translator,
  BlockStack,
  type MethodSvgOptions,
  type Translate,
} from './kit.ts';

export const CHART_HEIGHT = 560;

type Judged = Actor & { inhoud: number; vertrouwen: number };
const isJudged = (a: Actor): a is Judged => a.inhoud !== null && a.vertrouwen !== null;

function arrowHead(tip: { x: number; y: number }, dx: number, dy: number, size: number): string {
  const back = { x: tip.x - dx * size, y: tip.y - dy * size };
  const half = size / 2;
  return `<polygon points="${num(tip.x)},${num(tip.y)} ${num(back.x - dy * half)},${num(back.y + dx * half)} ${num(back.x + dy * half)},${num(back.y - dx * half)}" fill="${INK_2}"/>`;
}

function zonesSvg(plot: Rect, font: number, lang: 'nl' | 'en', t: Translate): string {
  const parts: string[] = [];
  const zoneFont = { size: Math.round(font * 1.1), bold: true };
  for (const z of TYPE_ZONES) {
    const a = toChartPoint(plot, z.x[0], z.y[1]);
    const b = toChartPoint(plot, z.x[1], z.y[0]);
    const top = z.y[0] >= TRUST_THRESHOLD;
    const colors = TYPE_COLORS[z.type];
    const label = fit(TYPE_TEXTS[lang][z.type].label, b.x - a.x - 16, zoneFont);
    const ty = top ? a.y + 8 + zoneFont.size * 0.9 : b.y - font * 1.3 - 8 + zoneFont.size * 0.9;
    parts.push(
      `<g data-type="${z.type}">`,
      rect({ x: a.x, y: a.y, w: b.x - a.x, h: b.y - a.y }, ` fill="${colors.fill}" stroke="#ffffff" stroke-width="2"`),
      svgText(a.x + 8, ty, label, { ...zoneFont, fill: colors.ink }),
      '</g>',
    );
  }
  const xAxisY = plot.y + plot.h + font * 0.8;
  const yAxisX = plot.x - font * 0.8;
  const head = font * 0.6;
  const stroke = ` stroke="${INK_2}" stroke-width="1.5"`;
  parts.push(
    line({ x: plot.x, y: xAxisY }, { x: plot.x + plot.w, y: xAxisY }, stroke),
    arrowHead({ x: plot.x + plot.w, y: xAxisY }, 1, 0, head),
    arrowHead({ x: plot.x, y: xAxisY }, -1, 0, head),
    line({ x: yAxisX, y: plot.y + plot.h }, { x: yAxisX, y: plot.y }, stroke),
    arrowHead({ x: yAxisX, y: plot.y }, 0, -1, head),
    arrowHead({ x: yAxisX, y: plot.y + plot.h }, 0, 1, head),
  );
  const textY = xAxisY + font * 0.5 + font * 0.85;
  const s = { size: font, fill: INK_2 };
  parts.push(
    svgText(plot.x, textY, t('ty.xLow'), s),
    svgText(plot.x + plot.w / 2, textY, t('ty.x'), { ...s, bold: true, fill: INK, anchor: 'middle' }),
    svgText(plot.x + plot.w, textY, t('ty.xHigh'), { ...s, anchor: 'end' }),
  );
  const labelX = plot.x - font * 2.9 + font * 0.85;
  const rotated = (y: number, text: string, anchor: 'start' | 'middle' | 'end', bold: boolean) =>
    svgText(0, 0, text, {
      ...s,
      bold,
      anchor,
      fill: bold ? INK : INK_2,
      attrs: ` transform="translate(${num(labelX)} ${num(y)}) rotate(-90)"`,
    });
  parts.push(
    rotated(plot.y + plot.h, t('ty.yLow'), 'start', false),
    rotated(plot.y + plot.h / 2, t('ty.y'), 'middle', true),
    rotated(plot.y, t('ty.yHigh'), 'end', false),
  );
  return parts.join('');
}

/** The typology of a board's actors as a standalone SVG document. */
export function typologySvg(data: CleanMethods, opts: MethodSvgOptions = {}) {
  const lang = opts.lang ?? 'nl';
  const t = translator(lang);
  const nameOf = (a: Actor) => a.name.trim() || t('actors.unnamed');
  const head = heading(opts.title?.trim() ?? '', '', '', WIDTH);
  const stageW = WIDTH - 2 * PAD;
  const { plot } = fieldLayout(stageW, CHART_HEIGHT, FONT, null);
  const markerR = Math.max(8, FONT * 0.7);
  const judged = data.actors.filter(isJudged);
  const points = judged.map((a) => ({
    id: a.id,
    ...toChartPoint(plot, a.inhoud, a.vertrouwen),
    r: markerR,
    name: nameOf(a),
    actor: a,
  }));
  // Zone names sit in the zones' corners: keep labels off them (as the app does).
  const zoneNames = TYPE_ZONES.map((z) => {
    const a = toChartPoint(plot, z.x[0], z.y[1]);
    const b = toChartPoint(plot, z.x[1], z.y[0]);
    const top = z.y[0] >= TRUST_THRESHOLD;
    return { x: a.x, y: top ? a.y : b.y - FONT * 1.3 - 16, w: (b.x - a.x) * 0.7, h: FONT * 1.3 + 16 };
  });
  const size = Math.round(FONT * 0.85);
  const { labels, numbers } = markerLabels(
    points,
    size,
    FONT * 14,
    { x: plot.x - FONT * 1.8, y: 0, w: stageW - plot.x + FONT * 1.8, h: plot.y + plot.h },
    zoneNames,
    points.map((p) => p.id),
    opts.hyphenate,
  );
  const stage = [
    zonesSvg(plot, FONT, lang, t),
    markersSvg(points, { labels, numbers }, size, data.settings.colorBy),
  ].join('');

  const below = new BlockStack(head.height + CHART_HEIGHT + 8);
  below.add(colorLegend(data.settings.colorBy, t, below.at, WIDTH), 10);
  below.add(nameList(t('ty.notJudged'), data.actors.filter((a) => !isJudged(a)).map(nameOf), below.at, WIDTH));
  below.add(numberKey(numbers, (id) => nameOf(data.actorsById.get(id)!), t, below.at, WIDTH));
  const height = Math.ceil(below.at + PAD - 4);
  const body = [
    head.svg,
    `<g transform="translate(${PAD} ${num(head.height)})" data-view="typologie" data-plot="${num(plot.x)} ${num(plot.y)} ${num(plot.w)} ${num(plot.h)}">`,
    stage,
    '</g>',
    below.svg,
  ].join('');
  return { svg: svgDocument(WIDTH, height, opts.title?.trim() || t('view.typologie'), body), width: WIDTH, height };
}
