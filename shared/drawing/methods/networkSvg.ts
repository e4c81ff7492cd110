/**
 * The network map (webanalyse) as an SVG drawing, as the app's `NetworkView` draws it:
 * the goal in the middle, rings for the participation level or the relation to us (a
 * board setting), actors on their ring with their number of relations, typed relation
 * lines with their labels. Places come from the app's own `networkLayout`.
 */
import type { Actor, RelationRecord } from '../../model/board/actorSchema.ts';
import { markerLabelSize, type Point, type Rect, type RingGeometry } from '../../methods/geometry.ts';
import { networkFigures } from '../../methods/network.ts';
import { networkLayout, relationLabelFont, type NetworkLayout } from '../../methods/networkLayout.ts';
import { RELATION_TYPES } from '../../model/board/actorSchema.ts';
import { actorFill, RELATION_TYPE_STYLE } from '../../methods/palette.ts';
import { overlapArea } from '../labelPlacement.ts';
import { wrapText } from '../textLayout.ts';
import { escapeXml, num } from '../xml.ts';
import type { CleanMethods } from './input.ts';
import {
  FONT,
  INK,
  INK_2,
  PAD,
  PRIMARY,
  WIDTH,
  baseline,
  circle,
  colorLegend,
  fit,
  heading,
  labelHeight,
  labelLines,
  labelText,
  legendRow,
  line,
  markerBox,
  markerNumber,
  measure,
  metric,
  nameList,
  numberKey,
  readableLabels,
  rect,
  svgDocument,
  svgText,
  translator,
  BlockStack,
  type Block,
  type MethodSvgOptions,
  type HyphenateWord,
  type PlacedLabel,
  type Translate,
} from './kit.ts';

export const NETWORK_HEIGHT = 760;
/** Longest relation label drawn; the schema allows 200 characters. */
const MAX_RELATION_LABEL = 220;

function ringsSvg(g: RingGeometry, labels: readonly string[], font: number): string {
  const { x, y } = g.center;
  const last = g.bands.length - 1;
  const parts: string[] = [];
  for (let i = last; i >= 0; i--) {
    const fill = i === last ? '#f7f7f4' : i % 2 === 0 ? '#eef4f2' : '#f6f9f8';
    const dash = i === last ? ' stroke-dasharray="6 6"' : '';
    parts.push(circle(x, y, g.bands[i]!.outer, ` fill="${fill}" stroke="#c5cfcb" stroke-width="1"${dash}`));
  }
  const size = Math.round(font * 0.78);
  g.bands.forEach((b, i) => {
    const text = fit(labels[i] ?? '', 240, { size, bold: true });
    parts.push(
      svgText(x, y - b.outer + 4 + size * 0.95, text, {
        size,
        bold: true,
        fill: INK_2,
        opacity: 0.75,
        anchor: 'middle',
      }),
    );
  });
  return parts.join('');
}

function goalSvg(g: RingGeometry, goal: string, font: number, hyphenate?: HyphenateWord): string {
  const { x, y } = g.center;
  const size = Math.round(Math.max(10, Math.min(font * 0.85, g.goal / 4.5)));
  const box = { w: g.goal * 1.56, h: g.goal * 1.24 };
  const rows = Math.max(1, Math.floor(box.h / (size * 1.2)));
  const { lines } = wrapText(goal, box.w, metric({ size }), rows, hyphenate);
  const top = y - (lines.length * size * 1.2) / 2;
  return (
    circle(x, y, g.goal, ` fill="${PRIMARY}"`) +
    lines
      .map((l, i) =>
        svgText(x, baseline(top + (i + 0.5) * size * 1.2, size), l, { size, fill: '#ffffff', anchor: 'middle' }),
      )
      .join('')
  );
}

/** A relation: its line (dashed by type, an arrow for a dependency). */
function relationLine(r: RelationRecord, from: Point, to: Point, nodeR: number, font: number): string {
  const s = RELATION_TYPE_STYLE[r.type];
  const dash = s.dash ? ` stroke-dasharray="${s.dash.join(' ')}"` : '';
  const attrs = ` stroke="${s.color}" stroke-width="2.5" stroke-linecap="round"${dash}`;
  if (!s.arrow) return line(from, to, attrs);
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  const end = { x: to.x - ux * (nodeR + 3), y: to.y - uy * (nodeR + 3) };
  const head = font * 0.7;
  const half = (font * 0.6) / 2;
  const back = { x: end.x - ux * head, y: end.y - uy * head };
  return (
    line(from, { x: end.x - ux * head * 0.7, y: end.y - uy * head * 0.7 }, attrs) +
    `<polygon points="${num(end.x)},${num(end.y)} ${num(back.x - uy * half)},${num(back.y + ux * half)} ${num(back.x + uy * half)},${num(back.y - ux * half)}" fill="${s.color}"/>`
  );
}

interface RelationTag {
  r: RelationRecord;
  box: Rect;
  text: string;
}

/** A relation's label, cut to fit, centred where the app puts it (`placeLineLabels`). */
function relationTag(r: RelationRecord, at: Point, font: number): RelationTag | null {
  const size = relationLabelFont(font);
  const text = fit(r.label, MAX_RELATION_LABEL, { size });
  if (!text) return null;
  // The app's box is sized by an estimate (`labelWidth`); the tag is centred on it.
  const appW = Math.min(1e4, Math.max(size * 3, r.label.length * size * 0.58 + 8));
  const w = measure(text, { size }) + 8;
  const h = size + 8;
  return { r, text, box: { x: at.x + appW / 2 - w / 2, y: at.y, w, h } };
}

function relationTagSvg(tag: RelationTag, font: number): string {
  const size = relationLabelFont(font);
  const color = RELATION_TYPE_STYLE[tag.r.type].color;
  const { box } = tag;
  return (
    rect(box, ` rx="4" fill="#ffffff" stroke="${color}" stroke-width="1"`) +
    svgText(box.x + box.w / 2, baseline(box.y + box.h / 2, size), tag.text, { size, anchor: 'middle' })
  );
}

function nodeSvg(a: Actor, p: Point, r: number, degree: number, color: string): string {
  const badge = Math.max(8, r * 0.55);
  const bx = p.x + r * 0.75;
  const by = p.y - r * 0.75;
  const size = Math.round(badge * 1.2);
  return [
    `<g data-actor="${escapeXml(a.id)}">`,
    circle(p.x, p.y + 1, r + 1, ` fill="#000000" fill-opacity="0.12"`),
    circle(p.x, p.y, r, ` fill="${color}" stroke="#ffffff" stroke-width="2"`),
    circle(bx, by, badge, ` fill="${degree === 0 ? '#b54708' : '#ffffff'}" stroke="${INK}" stroke-width="1"`),
    svgText(bx, baseline(by, size), String(degree), {
      size: degree > 99 ? size * 0.7 : size,
      bold: true,
      anchor: 'middle',
      fill: degree === 0 ? '#ffffff' : INK,
    }),
    '</g>',
  ].join('');
}

/** The node labels the app would place, cut to their width; crowded ones give way to numbers. */
function nodeLabels(
  layout: NetworkLayout,
  actors: readonly Actor[],
  nameOf: (a: Actor) => string,
  hyphenate?: HyphenateWord,
) {
  const size = Math.round(FONT * 0.85);
  const boxes = actors.map((a) => {
    const p = layout.positions.get(a.id)!;
    const l = layout.nodeLabel(a.id);
    // As wide as the name needs (the app's width is an estimate), up to the app's limit;
    // a long name on two lines when the drawing has hyphenation.
    const lines = labelLines(nameOf(a), FONT * 14 - 8, { size }, hyphenate);
    const h = lines.length > 1 ? labelHeight(size, lines.length) : markerLabelSize(nameOf(a), FONT).h;
    const w = Math.max(...lines.map((t) => measure(t, { size }))) + 8;
    // Centred on the app's box, which is sized by an estimate.
    return {
      id: a.id,
      text: lines.join(' '),
      ...(lines.length > 1 ? { lines } : {}),
      x: p.x + l.x + (l.w - w) / 2,
      y: p.y + l.y,
      w,
      h,
    } satisfies PlacedLabel & { id: string };
  });
  const markers = actors.map((a) => ({ id: a.id, ...layout.positions.get(a.id)!, r: layout.nodeR, name: '' }));
  return {
    size,
    ...readableLabels(
      boxes,
      actors.map((a) => a.id),
      markers,
    ),
  };
}

function legends(data: CleanMethods, t: Translate, top: number): Block {
  const below = new BlockStack(top);
  below.add(
    legendRow(
      `${t('nw.rings')}:`,
      [{ swatch: () => ({ svg: '', w: -6 }), label: t(`nw.rings.${data.settings.networkRings}`) }],
      below.at,
      WIDTH,
    ),
  );
  below.add(colorLegend(data.settings.colorBy, t, below.at, WIDTH));
  const figures = networkFigures(
    data.actors.map((a) => a.id),
    data.relations,
  );
  below.add(
    legendRow(
      `${t('nw.total', { n: data.relations.length })}:`,
      RELATION_TYPES.map((type) => {
        const s = RELATION_TYPE_STYLE[type];
        const dash = s.dash ? ` stroke-dasharray="${s.dash.map((d) => d / 2).join(' ')}"` : '';
        return {
          swatch: (x: number, my: number) => ({
            svg:
              line(
                { x: x + 1, y: my },
                { x: x + (s.arrow ? 28 : 35), y: my },
                ` stroke="${s.color}" stroke-width="2.5"${dash}`,
              ) +
              (s.arrow
                ? `<polygon points="${num(x + 27)},${num(my - 4)} ${num(x + 35)},${num(my)} ${num(x + 27)},${num(my + 4)}" fill="${s.color}"/>`
                : ''),
            w: 36,
          }),
          label: `${t(`reltype.${type}`)} (${figures.byType[type]})`,
        };
      }),
      below.at,
      WIDTH,
    ),
    8,
  );
  const nameOf = (id: string) => data.actorsById.get(id)?.name.trim() || t('actors.unnamed');
  below.add(nameList(t('nw.isolated'), figures.isolated.map(nameOf), below.at, WIDTH));
  return { svg: below.svg, height: below.at - top };
}

/** The network map of a board as a standalone SVG document. */
export function networkSvg(data: CleanMethods, opts: MethodSvgOptions = {}) {
  const t = translator(opts.lang ?? 'nl');
  const nameOf = (a: Actor) => a.name.trim() || t('actors.unnamed');
  const head = heading(opts.title?.trim() ?? '', t('fo.goal'), data.settings.goal.trim(), WIDTH, opts.hyphenate);
  const stageW = WIDTH - 2 * PAD;
  const layout = networkLayout({
    actors: data.actors,
    relations: data.relations,
    rings: data.settings.networkRings,
    width: stageW,
    height: NETWORK_HEIGHT,
    font: FONT,
    drag: null,
    name: nameOf,
  });
  const { g, nodeR, positions, values, field } = layout;
  const degree = networkFigures(
    data.actors.map((a) => a.id),
    data.relations,
  ).degree;
  const ringLabels = [
    ...values.map((v) => t((field === 'participation' ? `part.${v}` : `rel.${v}`) as Parameters<Translate>[0])),
    t('nw.unset'),
  ];
  const { size, labels, numbers } = nodeLabels(layout, data.actors, nameOf, opts.hyphenate);
  const stage: string[] = [ringsSvg(g, ringLabels, FONT)];
  for (const r of data.relations) {
    const from = positions.get(r.from);
    const to = positions.get(r.to);
    if (from && to) stage.push(relationLine(r, from, to, nodeR, FONT));
  }
  // Relation labels that would lie over a name or another label are listed below instead.
  const taken: Rect[] = [
    ...labels.values(),
    markerBox({ ...g.center, r: g.goal }),
    ...data.actors.map((a) => markerBox({ ...positions.get(a.id)!, r: nodeR })),
  ];
  const unshown: RelationTag[] = [];
  for (const r of data.relations) {
    const at = layout.relationLabels.get(r.id);
    const tag = at && r.label.trim() ? relationTag(r, at, FONT) : null;
    if (!tag) continue;
    const covered = taken.reduce((sum, k) => sum + overlapArea(tag.box, k), 0);
    if (covered > 0.12 * tag.box.w * tag.box.h) unshown.push(tag);
    else {
      taken.push(tag.box);
      stage.push(relationTagSvg(tag, FONT));
    }
  }
  stage.push(goalSvg(g, data.settings.goal.trim() || t('fo.noGoal'), FONT, opts.hyphenate));
  for (const a of data.actors) {
    const p = positions.get(a.id)!;
    stage.push(nodeSvg(a, p, nodeR, degree.get(a.id) ?? 0, actorFill(a, data.settings.colorBy)));
    const n = numbers.get(a.id);
    if (n !== undefined) stage.push(markerNumber(p.x, p.y, nodeR, n, size));
  }
  for (const a of data.actors) {
    const l = labels.get(a.id);
    if (l) stage.push(rect(l, ` rx="3" fill="#ffffff" fill-opacity="0.88"`) + labelText(l, size));
  }

  let y = head.height + NETWORK_HEIGHT + 8;
  const below = legends(data, t, y);
  y += below.height;
  const more = nameList(
    t('draw.moreRelations'),
    unshown.map(
      ({ r }) =>
        `${fit(nameOf(data.actorsById.get(r.from)!), 160, { size: 13 })} – ${fit(nameOf(data.actorsById.get(r.to)!), 160, { size: 13 })}: ${r.label.trim()}`,
    ),
    y,
    WIDTH,
    { separator: '; ', entryWidth: WIDTH - 2 * PAD },
  );
  y += more.height;
  const key = numberKey(numbers, (id) => nameOf(data.actorsById.get(id)!), t, y, WIDTH);
  y += key.height;
  const height = Math.ceil(y + PAD - 4);
  const body = [
    head.svg,
    `<g transform="translate(${PAD} ${num(head.height)})" data-view="netwerk">`,
    ...stage,
    '</g>',
    below.svg,
    more.svg,
    key.svg,
  ].join('');
  return { svg: svgDocument(WIDTH, height, opts.title?.trim() || t('view.netwerk'), body), width: WIDTH, height };
}
