/**
 * Canvas drawing of board items, called from one Konva `Shape` per item (its
 * `sceneFunc`). Speed (issue 3): one node per item instead of a Group with a Rect and
 * two Texts, text laid out once per change (itemStyle.ts), no blurred shadows, items off
 * screen skipped, and text too small to read drawn as grey bars. Culling and level of
 * detail read the context's real transform, so an export to another canvas (other
 * offset, other pixel ratio) draws correctly too.
 */
import type { Point } from '../../../../../../shared/model/board/geometry.ts';
import type { ArrowItem, FrameItem, NoteItem, TextItem } from '../../../../../../shared/model/board/schema.ts';
import { ARROW, FONT, FRAME, INK, NOTE, TEXT, noteTextBox, textMeasure } from '../../../../base/board/itemStyle.ts';
import { FRAME_TITLE_H } from '../../../../base/board/hitTest.ts';
import { truncateToWidth, type TextLayout } from '../../../../../../shared/drawing/textLayout.ts';

type Ctx = CanvasRenderingContext2D;

/** Device pixels per world unit, and whether the box (world, relative to the shape) is on the canvas. */
function view(ctx: Ctx, x: number, y: number, w: number, h: number): { scale: number; visible: boolean } {
  const m = ctx.getTransform();
  const scale = Math.hypot(m.a, m.b);
  const left = m.a * x + m.c * y + m.e;
  const top = m.b * x + m.d * y + m.f;
  const visible = left + w * scale >= 0 && top + h * scale >= 0 && left <= ctx.canvas.width && top <= ctx.canvas.height;
  return { scale, visible };
}

/** Text smaller than this (device px) is drawn as bars: unreadable anyway, and much cheaper. */
const MIN_READABLE_PX = 4;

function drawLines(
  ctx: Ctx,
  layout: TextLayout,
  x: number,
  y: number,
  width: number,
  align: 'left' | 'center',
  scale: number,
  color: string,
) {
  if (layout.fontSize * scale < MIN_READABLE_PX) {
    ctx.fillStyle = color;
    ctx.globalAlpha *= 0.25;
    layout.lines.forEach((line, i) => {
      if (!line.trim()) return;
      const w = Math.min(width, line.length * layout.fontSize * 0.5);
      const left = align === 'center' ? x + (width - w) / 2 : x;
      ctx.fillRect(left, y + i * layout.lineHeight + layout.lineHeight * 0.3, w, layout.lineHeight * 0.4);
    });
    ctx.globalAlpha /= 0.25;
    return;
  }
  ctx.font = `${layout.fontSize}px ${FONT}`;
  ctx.fillStyle = color;
  ctx.textBaseline = 'middle';
  ctx.textAlign = align;
  const left = align === 'center' ? x + width / 2 : x;
  layout.lines.forEach((line, i) => ctx.fillText(line, left, y + (i + 0.5) * layout.lineHeight));
}

function roundRect(ctx: Ctx, x: number, y: number, w: number, h: number, r: number) {
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, r);
}

/** A value computed on first use: text is laid out only once it is big enough to draw (issue 3, first paint). */
export function lazy<T>(fn: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = fn();
      done = true;
    }
    return value;
  };
}

export interface NoteDraw {
  note: NoteItem;
  layout: () => TextLayout;
  /** Shown in grey when the note is empty (and may be written). */
  placeholder: (() => TextLayout) | null;
  /** The HTML editor covers the text. */
  editing: boolean;
}

export function drawNote(ctx: Ctx, { note, layout, placeholder, editing }: NoteDraw) {
  const { w, h } = note;
  const { scale, visible } = view(ctx, 0, 0, w, h + 3);
  if (!visible) return;
  if (w * scale < 24) {
    // A few pixels on screen (an overview of a big board): just the paper.
    ctx.fillStyle = note.color;
    ctx.fillRect(0, 0, w, h);
    return;
  }
  // Two flat offset layers read as a soft shadow at a fraction of shadowBlur's cost.
  ctx.fillStyle = 'rgba(29,42,48,0.07)';
  roundRect(ctx, 0, 3, w, h, NOTE.radius);
  ctx.fill();
  ctx.fillStyle = 'rgba(29,42,48,0.08)';
  roundRect(ctx, 0, 1, w, h, NOTE.radius);
  ctx.fill();
  ctx.fillStyle = note.color;
  roundRect(ctx, 0, 0, w, h, NOTE.radius);
  ctx.fill();
  const box = noteTextBox(note);
  const hasText = note.text.trim() !== '';
  const shown = editing ? null : hasText ? layout() : (placeholder?.() ?? null);
  if (shown) {
    const top = box.y + Math.max(0, (box.h - shown.height) / 2);
    drawLines(ctx, shown, box.x, top, box.w, 'center', scale, hasText ? INK : 'rgba(29,42,48,0.42)');
  }
  if (note.author && NOTE.authorFont * scale >= MIN_READABLE_PX) {
    ctx.font = `${NOTE.authorFont}px ${FONT}`;
    ctx.fillStyle = NOTE.authorColor;
    ctx.textAlign = 'left';
    ctx.textBaseline = 'middle';
    const author = fitLine(note.author, box.w, NOTE.authorFont);
    ctx.fillText(author, box.x, h - NOTE.padding / 2 - NOTE.authorHeight / 2 + 2);
  }
}

function fitLine(text: string, width: number, size: number): string {
  return truncateToWidth(text, width, { size }, textMeasure());
}

export function drawText(
  ctx: Ctx,
  item: TextItem,
  layout: () => TextLayout,
  editing: boolean,
  placeholder: (() => TextLayout) | null,
) {
  const { scale, visible } = view(ctx, 0, 0, item.w, item.h);
  if (!visible || editing) return;
  const shown = item.text ? layout() : (placeholder?.() ?? null);
  if (!shown) return;
  drawLines(
    ctx,
    shown,
    TEXT.padding,
    TEXT.padding,
    item.w - 2 * TEXT.padding,
    'left',
    scale,
    item.text ? item.color : 'rgba(29,42,48,0.42)',
  );
}

export function drawFrame(ctx: Ctx, frame: FrameItem, editingTitle: boolean) {
  const { scale, visible } = view(ctx, 0, -FRAME_TITLE_H, frame.w, frame.h + FRAME_TITLE_H);
  if (!visible) return;
  ctx.fillStyle = FRAME.fill;
  roundRect(ctx, 0, 0, frame.w, frame.h, FRAME.radius);
  ctx.fill();
  ctx.strokeStyle = FRAME.stroke;
  // About the same screen width at any zoom.
  ctx.lineWidth = Math.min(12, (FRAME.strokeWidth * (window.devicePixelRatio || 1)) / Math.max(scale, 0.01));
  ctx.stroke();
  if (editingTitle || !frame.title || FRAME.titleFont * scale < MIN_READABLE_PX) return;
  ctx.font = `600 ${FRAME.titleFont}px ${FONT}`;
  ctx.fillStyle = FRAME.titleColor;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.fillText(fitLine(frame.title, frame.w - 4, FRAME.titleFont), 2, -FRAME_TITLE_H / 2);
}

/** The arrow's label box (world), centred on the middle of the line. */
export function arrowLabelBox(label: string, start: Point, end: Point) {
  const width = textMeasure()(label, { size: ARROW.labelFont }) + 2 * ARROW.labelPad + 4;
  const height = ARROW.labelFont * 1.3 + 2 * ARROW.labelPad;
  const mid = { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 };
  return { x: mid.x - width / 2, y: mid.y - height / 2, w: width, h: height };
}

export function drawArrow(ctx: Ctx, arrow: ArrowItem, pts: readonly number[], editingLabel: boolean) {
  const [sx = 0, sy = 0, ex = 0, ey = 0] = pts;
  const x = Math.min(sx, ex) - ARROW.head;
  const y = Math.min(sy, ey) - ARROW.head;
  const { scale, visible } = view(ctx, x, y, Math.abs(ex - sx) + 2 * ARROW.head, Math.abs(ey - sy) + 2 * ARROW.head);
  if (!visible) return;
  const angle = Math.atan2(ey - sy, ex - sx);
  const len = Math.hypot(ex - sx, ey - sy);
  const head = Math.min(ARROW.head, len / 2);
  ctx.strokeStyle = arrow.color;
  ctx.fillStyle = arrow.color;
  ctx.lineWidth = ARROW.width;
  ctx.lineCap = 'round';
  ctx.beginPath();
  ctx.moveTo(sx, sy);
  ctx.lineTo(ex - Math.cos(angle) * head * 0.8, ey - Math.sin(angle) * head * 0.8);
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(ex, ey);
  ctx.lineTo(ex - head * Math.cos(angle - ARROW.headAngle), ey - head * Math.sin(angle - ARROW.headAngle));
  ctx.lineTo(ex - head * Math.cos(angle + ARROW.headAngle), ey - head * Math.sin(angle + ARROW.headAngle));
  ctx.closePath();
  ctx.fill();
  if (!arrow.label || editingLabel || ARROW.labelFont * scale < MIN_READABLE_PX) return;
  const box = arrowLabelBox(arrow.label, { x: sx, y: sy }, { x: ex, y: ey });
  ctx.fillStyle = ARROW.labelFill;
  roundRect(ctx, box.x, box.y, box.w, box.h, 4);
  ctx.fill();
  ctx.font = `${ARROW.labelFont}px ${FONT}`;
  ctx.fillStyle = arrow.color;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(arrow.label, box.x + box.w / 2, box.y + box.h / 2);
}
