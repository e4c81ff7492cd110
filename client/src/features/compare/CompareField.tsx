/**
 * One krachtenveld with several placements per actor: the groups' positions of the
 * same actor joined by a thin line (three or more: a light hull), or an arrow from the
 * previous meeting's place to this one's. Same axes, quadrants and mapping as the
 * board's krachtenveld (`methods/geometry.ts`, `FieldBackdrop`). Read-only.
 */
import { useMemo } from 'react';
import { Arrow, Circle, Group, Label, Line, Tag, Text } from 'react-konva';
import { FONT } from '../../../../shared/drawing/itemStyle.ts';
import type { AxisLabels } from '../../../../shared/model/board/actorSchema.ts';
import { FieldBackdrop, MethodStage, useStageBox } from '../methods/index.ts';
import {
  canvasFont,
  fieldLabelBounds,
  fieldLayout,
  quadrantLabelRects,
  markerLabelSize,
  placeLabels,
  toFieldPoint,
  type Point,
  type Rect,
} from '../../../../shared/methods/geometry.ts';
import { measureCanvasText } from '../methods/index.ts';
import './CompareField.css';

const INK = '#1d2a30';
const DIM = 0.22;

export interface FieldPos {
  houding: number;
  invloed: number;
}

/** One dot: an actor as one group (or one meeting) placed it. */
export interface FieldMark extends FieldPos {
  id: string;
  /** The matched actor this dot belongs to. */
  actorKey: string;
  betrokkenheid: number;
  color: string;
  /** Short text inside the dot (the group's number). */
  tag?: string;
  /** Drawn as an outline (the previous meeting's place). */
  hollow?: boolean;
  dashed?: boolean;
}

export interface FieldLabel {
  /** Unique among the labels; defaults to `actorKey`. */
  id?: string;
  actorKey: string;
  name: string;
  /** The dot the name belongs to: its place, and its size if it has one. */
  at: FieldPos & { betrokkenheid?: number };
  /** A word in front of the name ("nieuw"). */
  badge?: string;
  badgeColor?: string;
}

export interface FieldArrow {
  actorKey: string;
  from: FieldPos;
  /** With the size of the dot it points at, so the head stops at its edge. */
  to: FieldPos & { betrokkenheid?: number };
}

interface CompareFieldProps {
  axes: { houding: AxisLabels; invloed: AxisLabels };
  quadrants: { tr: string; tl: string; br: string; bl: string };
  marks: readonly FieldMark[];
  labels: readonly FieldLabel[];
  /** Actors whose dots are joined (by group). */
  joins?: readonly { actorKey: string; points: readonly FieldPos[] }[];
  arrows?: readonly FieldArrow[];
  highlight: string | null;
  onHover(key: string | null): void;
  onSelect(key: string): void;
  /** Shown over the field when there is nothing to draw. */
  empty?: string | null;
  testId?: string;
}

/** Convex hull (monotone chain), for the outline joining three or more placements. */
export function hull(points: readonly Point[]): Point[] {
  const p = [...points].sort((a, b) => a.x - b.x || a.y - b.y);
  if (p.length < 3) return p;
  const cross = (o: Point, a: Point, b: Point) => (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
  const lower: Point[] = [];
  for (const q of p) {
    while (lower.length >= 2 && cross(lower[lower.length - 2]!, lower[lower.length - 1]!, q) <= 0) lower.pop();
    lower.push(q);
  }
  const upper: Point[] = [];
  for (const q of [...p].reverse()) {
    while (upper.length >= 2 && cross(upper[upper.length - 2]!, upper[upper.length - 1]!, q) <= 0) upper.pop();
    upper.push(q);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

export function CompareField(props: CompareFieldProps) {
  const { marks, labels, joins = [], arrows = [], highlight, onHover, onSelect } = props;
  const stage = useStageBox();
  const { width, height } = stage;
  const font = canvasFont(width, height);
  const { plot, area, radii } = fieldLayout(width, height, font, null);
  const dot = useMemo(
    () => ({ min: Math.max(8, radii.min * 0.9), max: Math.max(12, radii.max * 0.5) }),
    [radii.min, radii.max],
  );
  const radius = (b: number) => dot.min + Math.min(1, Math.max(0, b)) * (dot.max - dot.min);
  const at = (p: FieldPos) => toFieldPoint(area, p.houding, p.invloed);
  const faded = (key: string) => (highlight !== null && highlight !== key ? DIM : 1);

  // Names out of each other's way (and off the dots); the highlighted one chooses first.
  const labelFont = markerLabelSize('x', font).size;
  const ordered = [...labels].sort((a, b) => Number(b.actorKey === highlight) - Number(a.actorKey === highlight));
  const idOf = (l: FieldLabel) => l.id ?? l.actorKey;
  const sizes = new Map(
    ordered.map((l) => {
      const s = markerLabelSize((l.badge ? `${l.badge} ` : '') + l.name, font, measureCanvasText);
      // Bold (highlighted) text is wider than the estimate.
      return [idOf(l), { ...s, w: s.w * 1.12 }] as const;
    }),
  );
  const dotRects: Rect[] = marks.map((m) => {
    const p = at(m);
    const r = radius(m.betrokkenheid);
    return { x: p.x - r, y: p.y - r, w: 2 * r, h: 2 * r };
  });
  const placed = placeLabels(
    ordered.map((l) => {
      const p = at(l.at);
      const s = sizes.get(idOf(l))!;
      const r = l.at.betrokkenheid === undefined ? 4 : radius(l.at.betrokkenheid);
      return { id: idOf(l), x: p.x, y: p.y, r, w: s.w, h: s.h };
    }),
    // Inside the field's column: the axis names at the left and below stay clear (issue 12).
    fieldLabelBounds(plot, width),
    [...dotRects, ...quadrantLabelRects(plot, font, props.quadrants, measureCanvasText)],
  );

  const hover = (key: string | null) => (e: { target: { getStage(): { container(): HTMLDivElement } | null } }) => {
    const c = e.target.getStage()?.container();
    if (c) c.style.cursor = key ? 'pointer' : '';
    onHover(key);
  };

  return (
    <MethodStage
      box={stage}
      className="cmp-stage"
      data-testid={props.testId}
      backdrop={
        <FieldBackdrop plot={plot} tray={null} font={font} axes={props.axes} quadrants={props.quadrants} trayTitle="" />
      }
      after={
        props.empty ? (
          <p className="cmp-stage-empty" role="status">
            {props.empty}
          </p>
        ) : null
      }
    >
      {joins.map((j) => {
        const pts = j.points.map(at);
        const on = j.actorKey === highlight;
        const shape = pts.length >= 3 ? hull(pts) : pts;
        if (shape.length < 2) return null;
        return (
          <Line
            key={`join:${j.actorKey}`}
            points={shape.flatMap((p) => [p.x, p.y])}
            closed={shape.length >= 3}
            fill={shape.length >= 3 ? (on ? 'rgba(14,90,99,0.12)' : 'rgba(29,42,48,0.05)') : undefined}
            stroke={on ? '#0e5a63' : '#6f7e84'}
            strokeWidth={on ? 3 : 1.5}
            lineJoin="round"
            opacity={faded(j.actorKey)}
            hitStrokeWidth={10}
            onMouseEnter={hover(j.actorKey)}
            onMouseLeave={hover(null)}
            onClick={() => onSelect(j.actorKey)}
            onTap={() => onSelect(j.actorKey)}
          />
        );
      })}
      {arrows.map((a) => {
        const from = at(a.from);
        const to = at(a.to);
        const on = a.actorKey === highlight;
        // Stop at the new dot's edge, so the head stays visible.
        const len = Math.hypot(to.x - from.x, to.y - from.y) || 1;
        const back = Math.min(len / 2, (a.to.betrokkenheid === undefined ? dot.min : radius(a.to.betrokkenheid)) + 3);
        const end = { x: to.x - ((to.x - from.x) / len) * back, y: to.y - ((to.y - from.y) / len) * back };
        return (
          <Arrow
            key={`arrow:${a.actorKey}`}
            points={[from.x, from.y, end.x, end.y]}
            stroke={on ? '#0e5a63' : INK}
            fill={on ? '#0e5a63' : INK}
            strokeWidth={on ? 3.5 : 2.5}
            pointerLength={font * 0.7}
            pointerWidth={font * 0.6}
            opacity={faded(a.actorKey) * 0.85}
            hitStrokeWidth={12}
            onMouseEnter={hover(a.actorKey)}
            onMouseLeave={hover(null)}
            onClick={() => onSelect(a.actorKey)}
            onTap={() => onSelect(a.actorKey)}
          />
        );
      })}
      {marks.map((m) => {
        const p = at(m);
        const r = radius(m.betrokkenheid);
        const on = m.actorKey === highlight;
        return (
          <Group
            key={m.id}
            x={p.x}
            y={p.y}
            opacity={faded(m.actorKey)}
            onMouseEnter={hover(m.actorKey)}
            onMouseLeave={hover(null)}
            onClick={() => onSelect(m.actorKey)}
            onTap={() => onSelect(m.actorKey)}
          >
            {on ? <Circle radius={r + 5} stroke={INK} strokeWidth={2} dash={[4, 3]} /> : null}
            <Circle
              radius={r}
              fill={m.hollow ? 'rgba(255,255,255,0.85)' : m.color}
              stroke={m.hollow ? m.color : '#ffffff'}
              strokeWidth={m.hollow ? 2.5 : 2}
              dash={m.dashed ? [4, 3] : undefined}
              opacity={m.hollow ? 1 : 0.9}
              shadowColor="rgba(0,0,0,0.25)"
              shadowBlur={m.hollow ? 0 : 3}
              shadowOffsetY={1}
            />
            {m.tag && r >= 9 ? (
              <Text
                text={m.tag}
                x={-r}
                y={-r}
                width={2 * r}
                height={2 * r}
                align="center"
                verticalAlign="middle"
                fontFamily={FONT}
                fontStyle="bold"
                fontSize={Math.round(Math.min(r * 1.1, font * 0.8))}
                fill={m.hollow ? m.color : '#ffffff'}
                listening={false}
              />
            ) : null}
          </Group>
        );
      })}
      {ordered.map((l) => {
        const p = at(l.at);
        const leader = placed.get(idOf(l))?.leader;
        return leader ? (
          <Line
            key={`leader:${idOf(l)}`}
            points={[p.x + leader.x1, p.y + leader.y1, p.x + leader.x2, p.y + leader.y2]}
            stroke="#7a8a90"
            strokeWidth={1}
            opacity={highlight !== null && l.actorKey !== highlight ? 0.35 : 1}
            listening={false}
          />
        ) : null;
      })}
      {ordered.map((l) => {
        const p = at(l.at);
        const s = sizes.get(idOf(l))!;
        const off = placed.get(idOf(l)) ?? { x: -s.w / 2, y: 6 };
        const on = l.actorKey === highlight;
        return (
          <Label
            key={`label:${idOf(l)}`}
            x={p.x + off.x}
            y={p.y + off.y}
            opacity={highlight !== null && !on ? 0.35 : 1}
            onMouseEnter={hover(l.actorKey)}
            onMouseLeave={hover(null)}
            onClick={() => onSelect(l.actorKey)}
            onTap={() => onSelect(l.actorKey)}
          >
            <Tag
              fill={on ? '#ffffff' : 'rgba(255,255,255,0.88)'}
              stroke={on ? INK : l.badgeColor}
              strokeWidth={on || l.badgeColor ? 1 : 0}
              cornerRadius={3}
            />
            <Text
              text={(l.badge ? `${l.badge} ` : '') + l.name}
              fontFamily={FONT}
              fontSize={labelFont}
              fontStyle={on ? 'bold' : 'normal'}
              fill={INK}
              padding={2}
              wrap="none"
              ellipsis
              width={s.w}
              align="center"
            />
          </Label>
        );
      })}
    </MethodStage>
  );
}
