/**
 * View 5, the typology: agreement on content (x) and trust in the relationship (y) give
 * each actor a type (`classifyActor`) with a suggested approach. Two sliders per actor
 * beside the chart; the chart's markers can be dragged too.
 */
import { memo, useCallback, useRef } from 'react';
import { Group, Rect, Text } from 'react-konva';
import { FONT } from '../../../../shared/drawing/itemStyle.ts';
import type { AxisLabels } from '../../../../shared/model/board/actorSchema.ts';
import { TRUST_THRESHOLD, TYPE_TEXTS, type ActorType } from '../../../../shared/methods/typology.ts';
import { TYPE_COLORS } from '../../../../shared/methods/palette.ts';
import { Approach, TypologySliders } from './ActorCard.tsx';
import { useMethods } from './context.ts';
import { ColorLegend } from './FieldBar.tsx';
import { ActorNode, ChartAxes } from './FieldShapes.tsx';
import { TypeBadge } from './fields.tsx';
import {
  canvasFont,
  clamp,
  fieldLayout,
  fromChartPoint,
  fieldLabelBounds,
  markerLabelSize,
  placeLabels,
  toChartPoint,
  trayOptions,
  type Point,
  TYPE_ZONES,
  type Rect as Box,
} from '../../../../shared/methods/geometry.ts';
import { useFrameWriter } from './hooks.ts';
import { useMarkerDrag } from './useMarkerDrag.ts';
import { MethodStage, useStageBox } from './MethodStage.tsx';
import { measureCanvasText } from './measureText.ts';
import { actorFill } from '../../../../shared/methods/palette.ts';
import './views.css';
import './controls.css';
import './TypologyView.css';

/** The largest size up to `size` (and not under 9 px) at which `text` fits in `width` (bold: pass the width / 1.1). */
function fitFont(text: string, size: number, width: number): number {
  const w = measureCanvasText(text, size);
  return w <= width ? size : Math.max(9, Math.floor((size * width) / w));
}

const Zones = memo(function Zones({
  plot,
  font,
  labels,
  axis,
}: {
  plot: Box;
  font: number;
  labels: Record<ActorType, string>;
  axis: { x: AxisLabels; y: AxisLabels };
}) {
  return (
    <Group listening={false}>
      {TYPE_ZONES.map((z) => {
        const a = toChartPoint(plot, z.x[0], z.y[1]);
        const b = toChartPoint(plot, z.x[1], z.y[0]);
        const top = z.y[0] >= TRUST_THRESHOLD;
        return (
          <Group key={z.type}>
            <Rect
              x={a.x}
              y={a.y}
              width={b.x - a.x}
              height={b.y - a.y}
              fill={TYPE_COLORS[z.type].fill}
              stroke="#ffffff"
              strokeWidth={2}
            />
            <Text
              x={a.x + 8}
              y={top ? a.y + 8 : b.y - font * 1.3 - 8}
              width={b.x - a.x - 16}
              text={labels[z.type]}
              fontFamily={FONT}
              // A narrow zone gets a smaller name, whole, not cut to "Bondge…" (issue 12).
              fontSize={fitFont(labels[z.type], Math.round(font * 1.1), (b.x - a.x - 16) / 1.1)}
              fontStyle="bold"
              fill={TYPE_COLORS[z.type].ink}
              wrap="none"
              ellipsis
            />
          </Group>
        );
      })}
      <ChartAxes plot={plot} font={font} x={axis.x} y={axis.y} />
    </Group>
  );
});

export function TypologyView() {
  const { data, editable, lang, selectedId, select, t } = useMethods();
  const stage = useStageBox();
  const { width, height } = stage;
  const writer = useFrameWriter();
  const font = canvasFont(width, height);
  const { plot } = fieldLayout(width, height, font, null);
  const live = useRef(plot);
  live.current = plot;
  const { drag, handlers } = useMarkerDrag(writer, (pos) => fromChartPoint(live.current, pos));

  const judged = data.actors.filter((a) => a.inhoud !== null && a.vertrouwen !== null);
  const typeLabels = Object.fromEntries(Object.entries(TYPE_TEXTS[lang]).map(([k, v]) => [k, v.label])) as Record<
    ActorType,
    string
  >;
  const selected = selectedId ? data.actorsById.get(selectedId) : undefined;
  const markerR = Math.max(8, font * 0.7);
  const points = new Map(
    judged.map((a) => [a.id, drag?.id === a.id ? drag : toChartPoint(plot, a.inhoud!, a.vertrouwen!)] as const),
  );
  const labelSizes = new Map(
    judged.map((a) => [a.id, markerLabelSize(a.name || t('actors.unnamed'), font, measureCanvasText)]),
  );
  // Zone names sit in the zones' corners: keep labels off them.
  const zoneNames = TYPE_ZONES.map((z) => {
    const a = toChartPoint(plot, z.x[0], z.y[1]);
    const b = toChartPoint(plot, z.x[1], z.y[0]);
    const top = z.y[0] >= TRUST_THRESHOLD;
    return { x: a.x, y: top ? a.y : b.y - font * 1.3 - 16, w: (b.x - a.x) * 0.7, h: font * 1.3 + 16 };
  });
  const labels = placeLabels(
    judged.map((a) => ({ id: a.id, ...points.get(a.id)!, r: markerR, ...labelSizes.get(a.id)! })),
    fieldLabelBounds(plot, width),
    zoneNames,
  );

  const dragBound = useCallback((pos: Point) => {
    const p = live.current;
    return { x: clamp(pos.x, p.x, p.x + p.w), y: clamp(pos.y, p.y, p.y + p.h) };
  }, []);
  return (
    <div className="mw-view mw-typology" data-testid="view-typologie">
      <div className="mw-view-bar">
        <ColorLegend />
        <p className="mw-hint">{t('ty.hint')}</p>
      </div>
      <div className="mw-split-body mw-typology-body">
        <div className="mw-typology-chart">
          <MethodStage
            box={stage}
            data-testid="typology-stage"
            onEmptyPress={() => select(null)}
            backdrop={
              <Zones
                plot={plot}
                font={font}
                labels={typeLabels}
                axis={{
                  x: { name: t('ty.x'), low: t('ty.xLow'), high: t('ty.xHigh') },
                  y: { name: t('ty.y'), low: t('ty.yLow'), high: t('ty.yHigh') },
                }}
              />
            }
          >
            {judged.map((a) => {
              const p = points.get(a.id)!;
              const size = labelSizes.get(a.id)!;
              return (
                <ActorNode
                  key={a.id}
                  id={a.id}
                  name={a.name || t('actors.unnamed')}
                  color={actorFill(a, data.settings.colorBy)}
                  x={p.x}
                  y={p.y}
                  onField
                  radius={markerR}
                  font={font}
                  label={{ ...(labels.get(a.id) ?? { x: -size.w / 2, y: markerR + 3, leader: null }), w: size.w }}
                  chip={trayOptions(font)}
                  selected={a.id === selectedId}
                  draggable={editable}
                  dragBound={dragBound}
                  {...handlers}
                />
              );
            })}
          </MethodStage>
          {selected ? <Approach actor={selected} /> : null}
        </div>
        <ul className="mw-split-side mw-typology-list" aria-label={t('ty.chartLabel', { n: data.actors.length })}>
          {data.actors.map((a) => (
            <li
              key={a.id}
              className={a.id === selectedId ? 'is-selected' : ''}
              data-testid="typology-item"
              data-actor-id={a.id}
            >
              <div className="mw-typology-head">
                <button type="button" className="mw-link mw-typology-name" onClick={() => select(a.id)}>
                  <span className="mw-dot" style={{ background: actorFill(a, data.settings.colorBy) }} />
                  {a.name || t('actors.unnamed')}
                </button>
                <TypeBadge actor={a} />
              </div>
              <TypologySliders actor={a} short />
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
