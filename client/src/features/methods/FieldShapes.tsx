/**
 * Konva pieces of the krachtenveld: the backdrop (quadrants, axes, labels) and one
 * actor, drawn as a marker on the field or as a chip in the tray. One node per actor
 * in both places, so a drag from the tray onto the field is never interrupted.
 * Components inside the Stage get what they need as props (no React context there).
 */
import { memo } from 'react';
import { Arrow, Circle, Group, Label, Line, Rect, Tag, Text } from 'react-konva';
import type { KonvaEventObject } from 'konva/lib/Node';
import { FONT } from '../../../../shared/drawing/itemStyle.ts';
import type { AxisLabels } from '../../../../shared/model/board/actorSchema.ts';
import type { LabelSpot, Rect as Box, TrayOptions } from '../../../../shared/methods/geometry.ts';

const INK = '#1d2a30';
const INK_2 = '#4b5b62';

interface BackdropProps {
  plot: Box;
  tray: Box | null;
  font: number;
  axes: { houding: AxisLabels; invloed: AxisLabels };
  quadrants: { tr: string; tl: string; br: string; bl: string };
  trayTitle: string;
}

/** Quadrant tints, centre lines, quadrant names, both axes with their end labels, the tray. */
export const FieldBackdrop = memo(function FieldBackdrop({
  plot,
  tray,
  font,
  axes,
  quadrants,
  trayTitle,
}: BackdropProps) {
  const midX = plot.x + plot.w / 2;
  const midY = plot.y + plot.h / 2;
  const hw = plot.w / 2;
  const hh = plot.h / 2;
  const pad = font * 0.7;
  const qFont = Math.round(font * 1.05);
  const quadrant = (x: number, y: number, fill: string, text: string, align: 'left' | 'right', top: boolean) => (
    <Group>
      <Rect x={x} y={y} width={hw} height={hh} fill={fill} />
      <Text
        x={x + pad}
        y={top ? y + pad : y + hh - pad - qFont}
        width={hw - 2 * pad}
        align={align}
        text={text}
        fontFamily={FONT}
        fontSize={qFont}
        fontStyle="bold"
        fill={INK_2}
        opacity={0.55}
        listening={false}
      />
    </Group>
  );
  return (
    <Group listening={false}>
      {quadrant(plot.x, plot.y, '#fcefed', quadrants.tl, 'left', true)}
      {quadrant(midX, plot.y, '#e7f3ea', quadrants.tr, 'right', true)}
      {quadrant(plot.x, midY, '#f4f4f1', quadrants.bl, 'left', false)}
      {quadrant(midX, midY, '#f1f7f2', quadrants.br, 'right', false)}
      <Rect x={plot.x} y={plot.y} width={plot.w} height={plot.h} stroke="#c5cfcb" strokeWidth={1} cornerRadius={4} />
      <Line points={[midX, plot.y, midX, plot.y + plot.h]} stroke="#aab6b2" strokeWidth={1} dash={[6, 6]} />
      <Line points={[plot.x, midY, plot.x + plot.w, midY]} stroke="#aab6b2" strokeWidth={1} dash={[6, 6]} />

      <ChartAxes plot={plot} font={font} x={axes.houding} y={axes.invloed} />

      {tray ? (
        <Group>
          <Rect x={tray.x} y={tray.y} width={tray.w} height={tray.h} fill="#f1f3f0" cornerRadius={6} />
          <Text
            x={tray.x + 8}
            y={tray.y + 6}
            width={tray.w - 16}
            text={trayTitle}
            fontFamily={FONT}
            fontSize={Math.round(font * 0.85)}
            fill={INK_2}
            ellipsis
            wrap="none"
          />
        </Group>
      ) : null}
    </Group>
  );
});

/**
 * Both axes of a chart (the krachtenveld, the typology): an arrow below and one left of
 * the plot, each with its low end, its name (bold, in the middle) and its high end.
 */
export function ChartAxes({ plot, font, x, y }: { plot: Box; font: number; x: AxisLabels; y: AxisLabels }) {
  const xAxisY = plot.y + plot.h + font * 0.8;
  const yAxisX = plot.x - font * 0.8;
  const arrow = { pointerAtBeginning: true, pointerLength: font * 0.6, pointerWidth: font * 0.6, strokeWidth: 1.5 };
  const ends = (axis: AxisLabels, at: { x: number; y: number; width: number; rotation?: number }) =>
    (['low', 'name', 'high'] as const).map((end) => (
      <Text
        key={end}
        {...at}
        align={end === 'low' ? 'left' : end === 'name' ? 'center' : 'right'}
        text={axis[end]}
        fontFamily={FONT}
        fontSize={font}
        fontStyle={end === 'name' ? 'bold' : 'normal'}
        fill={end === 'name' ? INK : INK_2}
      />
    ));
  return (
    <Group listening={false}>
      <Arrow points={[plot.x, xAxisY, plot.x + plot.w, xAxisY]} {...arrow} stroke={INK_2} fill={INK_2} />
      {ends(x, { x: plot.x, y: xAxisY + font * 0.5, width: plot.w })}
      <Arrow points={[yAxisX, plot.y + plot.h, yAxisX, plot.y]} {...arrow} stroke={INK_2} fill={INK_2} />
      {/* Rotated texts: x and y name the top-left corner before the rotation. */}
      {ends(y, { x: plot.x - font * 2.9, y: plot.y + plot.h, width: plot.h, rotation: -90 })}
    </Group>
  );
}

/** A marker's name on a white tag (cut with "…" to its width), a leader line when it stands away (placeLabels). */
export function MarkerName({
  name,
  label,
  size,
  bold,
  backing = 0.86,
}: {
  name: string;
  label: { x: number; y: number; w: number; leader?: LabelSpot['leader'] };
  size: number;
  bold: boolean;
  /** The tag's opacity. */
  backing?: number;
}) {
  const { leader } = label;
  return (
    <>
      {leader ? (
        <Line
          points={[leader.x1, leader.y1, leader.x2, leader.y2]}
          stroke="#7a8a90"
          strokeWidth={1}
          listening={false}
        />
      ) : null}
      <Label x={label.x} y={label.y} listening={false}>
        <Tag fill={`rgba(255,255,255,${backing})`} cornerRadius={3} />
        <Text
          text={name}
          fontFamily={FONT}
          fontSize={size}
          fontStyle={bold ? 'bold' : 'normal'}
          fill={INK}
          padding={2}
          wrap="none"
          ellipsis
          width={label.w}
          align="center"
        />
      </Label>
    </>
  );
}

export interface ActorNodeProps {
  id: string;
  name: string;
  color: string;
  /** Marker centre (on the field) or the chip's dot (in the tray). */
  x: number;
  y: number;
  onField: boolean;
  radius: number;
  font: number;
  /** Top-left of the name label relative to the marker, its width and leader line (see placeLabels). */
  label: { x: number; y: number; w: number; leader?: LabelSpot['leader'] };
  chip: TrayOptions;
  selected: boolean;
  draggable: boolean;
  dragBound: (pos: { x: number; y: number }) => { x: number; y: number };
  onSelect: (id: string) => void;
  /** A click or tap without a drag: open the actor (its card). */
  onOpen?: (id: string) => void;
  onDragStart: (id: string) => void;
  onDragMove: (id: string, e: KonvaEventObject<DragEvent>) => void;
  onDragEnd: (id: string, e: KonvaEventObject<DragEvent>) => void;
}

/** One actor: a sized marker with its name on the field, or a chip in the tray. */
export const ActorNode = memo(function ActorNode(p: ActorNodeProps) {
  const labelFont = Math.round(p.font * 0.85);
  const dot = p.chip.chipHeight * 0.28;
  return (
    <Group
      x={p.x}
      y={p.y}
      draggable={p.draggable}
      dragBoundFunc={p.dragBound}
      onMouseDown={() => p.onSelect(p.id)}
      onClick={() => p.onOpen?.(p.id)}
      onTap={() => (p.onOpen ?? p.onSelect)(p.id)}
      onDragStart={() => p.onDragStart(p.id)}
      onDragMove={(e) => p.onDragMove(p.id, e)}
      onDragEnd={(e) => p.onDragEnd(p.id, e)}
      onMouseEnter={(e) => {
        const c = e.target.getStage()?.container();
        if (c && p.draggable) c.style.cursor = 'grab';
      }}
      onMouseLeave={(e) => {
        const c = e.target.getStage()?.container();
        if (c) c.style.cursor = '';
      }}
    >
      {p.onField ? (
        <>
          {p.selected ? <Circle radius={p.radius + 6} stroke={INK} strokeWidth={2} dash={[5, 4]} /> : null}
          <Circle
            radius={p.radius}
            fill={p.color}
            opacity={0.82}
            stroke="#ffffff"
            strokeWidth={2}
            shadowColor="rgba(0,0,0,0.25)"
            shadowBlur={4}
            shadowOffsetY={1}
          />
          <MarkerName name={p.name} label={p.label} size={labelFont} bold={p.selected} />
        </>
      ) : (
        <>
          <Rect
            x={-dot - 8}
            y={-p.chip.chipHeight / 2}
            width={p.chip.chipWidth}
            height={p.chip.chipHeight}
            fill="#ffffff"
            stroke={p.selected ? INK : '#c5cfcb'}
            strokeWidth={p.selected ? 2 : 1}
            cornerRadius={p.chip.chipHeight / 2}
            shadowColor="rgba(0,0,0,0.12)"
            shadowBlur={3}
            shadowOffsetY={1}
          />
          <Circle radius={dot} fill={p.color} />
          <Text
            x={dot + 6}
            y={-labelFont / 2 - 1}
            width={p.chip.chipWidth - dot * 2 - 22}
            text={p.name}
            fontFamily={FONT}
            fontSize={labelFont}
            fill={INK}
            wrap="none"
            ellipsis
            listening={false}
          />
        </>
      )}
    </Group>
  );
});
