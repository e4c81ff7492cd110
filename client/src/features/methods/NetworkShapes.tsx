/**
 * Konva pieces of the network view: the rings around the goal, a relation line with its
 * label, and an actor node with its number of relations. Props only (no context).
 */
import { memo, useState } from 'react';
import { Arrow, Circle, Group, Label, Line, Tag, Text } from 'react-konva';
import { FONT } from '../../../../shared/drawing/itemStyle.ts';
import type { KonvaEventObject } from 'konva/lib/Node';
import type { Point, RingGeometry } from '../../../../shared/methods/geometry.ts';
import { relationLabelFont } from '../../../../shared/methods/networkLayout.ts';
import { MarkerName } from './FieldShapes.tsx';
import './tools.css';

const INK = '#1d2a30';

export const Rings = memo(function Rings({ g, labels, font }: { g: RingGeometry; labels: string[]; font: number }) {
  const { x, y } = g.center;
  const last = g.bands.length - 1;
  return (
    <Group listening={false}>
      {[...g.bands].reverse().map((b, ri) => {
        const i = last - ri;
        return (
          <Circle
            key={i}
            x={x}
            y={y}
            radius={b.outer}
            fill={i === last ? '#f7f7f4' : i % 2 === 0 ? '#eef4f2' : '#f6f9f8'}
            stroke="#c5cfcb"
            strokeWidth={1}
            dash={i === last ? [6, 6] : undefined}
          />
        );
      })}
      {g.bands.map((b, i) => (
        <Text
          key={i}
          x={x - 120}
          y={y - b.outer + 4}
          width={240}
          align="center"
          text={labels[i] ?? ''}
          fontFamily={FONT}
          fontSize={Math.round(font * 0.78)}
          fontStyle="bold"
          fill="#4b5b62"
          opacity={0.75}
        />
      ))}
    </Group>
  );
});

/** The goal in the middle, drawn over the relation lines that cross it. */
export const Goal = memo(function Goal({ g, goal, font }: { g: RingGeometry; goal: string; font: number }) {
  const { x, y } = g.center;
  return (
    <Group listening={false}>
      <Circle x={x} y={y} radius={g.goal} fill="#0e5a63" />
      <Text
        x={x - g.goal * 0.78}
        y={y - g.goal * 0.62}
        width={g.goal * 1.56}
        height={g.goal * 1.24}
        align="center"
        verticalAlign="middle"
        text={goal}
        fontFamily={FONT}
        fontSize={Math.round(Math.max(10, Math.min(font * 0.85, g.goal / 4.5)))}
        fill="#ffffff"
        ellipsis
      />
    </Group>
  );
});

export interface RelationLineProps {
  id: string;
  from: Point;
  to: Point;
  /** Radius of the node at `to`, so an arrow stops at its edge. */
  toRadius: number;
  color: string;
  dash: number[] | null;
  arrow: boolean;
  label: string;
  /** Top-left of the label (see placeLineLabels). */
  labelAt: Point;
  font: number;
  selected: boolean;
  onSelect: (id: string) => void;
}

export const RelationLine = memo(function RelationLine(p: RelationLineProps) {
  const dx = p.to.x - p.from.x;
  const dy = p.to.y - p.from.y;
  const len = Math.hypot(dx, dy) || 1;
  const end = { x: p.to.x - (dx / len) * (p.toRadius + 3), y: p.to.y - (dy / len) * (p.toRadius + 3) };
  const common = {
    stroke: p.color,
    strokeWidth: p.selected ? 4 : 2.5,
    dash: p.dash ?? undefined,
    hitStrokeWidth: 14,
    lineCap: 'round' as const,
    onClick: () => p.onSelect(p.id),
    onTap: () => p.onSelect(p.id),
  };
  const labelFont = relationLabelFont(p.font);
  return (
    <Group>
      {p.arrow ? (
        <Arrow
          points={[p.from.x, p.from.y, end.x, end.y]}
          fill={p.color}
          pointerLength={p.font * 0.7}
          pointerWidth={p.font * 0.6}
          {...common}
        />
      ) : (
        <Line points={[p.from.x, p.from.y, p.to.x, p.to.y]} {...common} />
      )}
      {p.label ? (
        <Label x={p.labelAt.x} y={p.labelAt.y} onClick={() => p.onSelect(p.id)} onTap={() => p.onSelect(p.id)}>
          <Tag
            fill="#ffffff"
            stroke={p.color}
            strokeWidth={p.selected ? 2 : 1}
            cornerRadius={4}
            pointerDirection="none"
          />
          <Text text={p.label} fontFamily={FONT} fontSize={labelFont} fill={INK} padding={3} wrap="none" />
        </Label>
      ) : null}
    </Group>
  );
});

export interface NetNodeProps {
  id: string;
  name: string;
  color: string;
  x: number;
  y: number;
  radius: number;
  degree: number;
  font: number;
  /** Top-left of the name label relative to the node, its width and leader line (see placeLabels). */
  label: { x: number; y: number; w: number; leader?: { x1: number; y1: number; x2: number; y2: number } | null };
  selected: boolean;
  draggable: boolean;
  onSelect: (id: string) => void;
  /** A click or tap without a drag: open the actor (its card). */
  onOpen?: (id: string) => void;
  onDragMove: (id: string, e: KonvaEventObject<DragEvent>) => void;
  onDragEnd: (id: string, e: KonvaEventObject<DragEvent>) => void;
}

export const NetNode = memo(function NetNode(p: NetNodeProps) {
  const labelFont = Math.round(p.font * 0.85);
  const badge = Math.max(8, p.radius * 0.55);
  return (
    <Group
      x={p.x}
      y={p.y}
      draggable={p.draggable}
      onMouseDown={() => p.onSelect(p.id)}
      onClick={() => p.onOpen?.(p.id)}
      onTap={() => (p.onOpen ?? p.onSelect)(p.id)}
      onDragMove={(e) => p.onDragMove(p.id, e)}
      onDragEnd={(e) => p.onDragEnd(p.id, e)}
    >
      {p.selected ? <Circle radius={p.radius + 5} stroke={INK} strokeWidth={2} dash={[5, 4]} /> : null}
      <Circle
        radius={p.radius}
        fill={p.color}
        stroke="#ffffff"
        strokeWidth={2}
        shadowColor="rgba(0,0,0,0.2)"
        shadowBlur={3}
      />
      <Group x={p.radius * 0.75} y={-p.radius * 0.75} listening={false}>
        <Circle radius={badge} fill={p.degree === 0 ? '#b54708' : '#ffffff'} stroke={INK} strokeWidth={1} />
        <Text
          x={-badge}
          y={-badge}
          width={badge * 2}
          height={badge * 2}
          align="center"
          verticalAlign="middle"
          text={String(p.degree)}
          fontFamily={FONT}
          fontSize={Math.round(badge * 1.2)}
          fontStyle="bold"
          fill={p.degree === 0 ? '#ffffff' : INK}
        />
      </Group>
      <MarkerName name={p.name} label={p.label} size={labelFont} bold={p.selected} backing={0.88} />
    </Group>
  );
});

/**
 * The + beside the selected actor: drag it onto another actor for a new relation. The
 * dashed line follows the pointer; the handle jumps back when dropped.
 */
export function ConnectHandle({
  from,
  offset,
  font,
  color,
  onDrop,
}: {
  from: Point;
  offset: number;
  font: number;
  color: string;
  onDrop: (at: Point) => void;
}) {
  const [at, setAt] = useState<Point | null>(null);
  const home = { x: from.x + offset, y: from.y };
  return (
    <>
      {at ? (
        <Line points={[from.x, from.y, at.x, at.y]} stroke={color} strokeWidth={2.5} dash={[6, 4]} listening={false} />
      ) : null}
      <Circle
        x={home.x}
        y={home.y}
        radius={Math.max(9, font * 0.6)}
        fill="#0e5a63"
        stroke="#ffffff"
        strokeWidth={2}
        hitStrokeWidth={14}
        draggable
        onDragMove={(e) => setAt(e.target.position())}
        onDragEnd={(e) => {
          const drop = e.target.position();
          e.target.position(home);
          setAt(null);
          onDrop(drop);
        }}
      />
      <Text
        x={home.x - font}
        y={home.y - font / 2 - 1}
        width={font * 2}
        align="center"
        text="+"
        fontSize={Math.round(font * 1.1)}
        fontStyle="bold"
        fill="#ffffff"
        listening={false}
      />
    </>
  );
}
