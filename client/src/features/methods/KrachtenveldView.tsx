/**
 * View 1, the krachtenveld with three axes (Den Hollander): x = houding, y = invloed,
 * marker size = betrokkenheid. Drag an actor to place it (from the tray, or back to
 * it); the selected actor has a handle for its size. Drags are written at most once
 * per frame, so everyone sees them move live.
 */
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { Circle, Line } from 'react-konva';
import { formatNumber } from '../../../../shared/i18n/format.ts';
import { updateActor } from '../../../../shared/model/board/actors.ts';
import type { Actor } from '../../../../shared/model/board/actorSchema.ts';
import { ChartPoints } from './ChartPoints.tsx';
import { useMethods } from './context.ts';
import { displayAxes } from '../../../../shared/methods/labels.ts';
import { AxesEditor, ColorLegend, SizeLegend } from './FieldBar.tsx';
import { ActorNode, FieldBackdrop } from './FieldShapes.tsx';
import { useFieldKeyboard } from './FieldKeyboard.tsx';
import {
  betrokkenheidFor,
  canvasFont,
  clamp,
  fieldLabelBounds,
  fieldLayout,
  fromFieldPoint,
  inRect,
  isPlaced,
  markerLabelSize,
  placeLabels,
  quadrantLabelRects,
  radiusFor,
  toFieldPoint,
  trayChip,
  trayOptions,
  type Point,
} from '../../../../shared/methods/geometry.ts';
import { useFrameWriter } from './hooks.ts';
import { useMarkerDrag } from './useMarkerDrag.ts';
import { MethodStage, useStageBox } from './MethodStage.tsx';
import { actorFill } from '../../../../shared/methods/palette.ts';
import { measureCanvasText } from './measureText.ts';
import './views.css';
import './KrachtenveldView.css';

export interface KrachtenveldViewProps {
  /** At the end of the view's bar (the facilitator's timeline switch). */
  barEnd?: ReactNode;
  /** Shown as the board was at this time ("14:05"): the timeline's read-only past. */
  pastTime?: string | null;
}

export function KrachtenveldView({ barEnd, pastTime = null }: KrachtenveldViewProps = {}) {
  const { doc, data, editable, settingsEditable, lang, selectedId, select, t, stopCapturing } = useMethods();
  const stage = useStageBox();
  const { width, height } = stage;
  const writer = useFrameWriter();
  const [sizing, setSizing] = useState<{ id: string; r: number } | null>(null);
  const keyboard = useFieldKeyboard();

  const font = canvasFont(width, height);
  const chip = trayOptions(font);
  const unplaced = data.actors.filter((a) => !isPlaced(a));
  const { plot, area, radii, tray } = fieldLayout(
    width,
    height,
    font,
    editable || unplaced.length > 0 ? unplaced.length : null,
  );
  const axes = displayAxes(data.settings.axes, lang);
  const colorBy = data.settings.colorBy;

  // Handlers read the latest layout through a ref, so the memoised markers keep them.
  const live = useRef({ plot, area, width, height });
  live.current = { plot, area, width, height };

  const dragBound = useCallback(
    (pos: Point) => ({ x: clamp(pos.x, 0, live.current.width), y: clamp(pos.y, 0, live.current.height) }),
    [],
  );
  // On the field: its place; dropped beside it: back to the tray.
  const { drag, handlers } = useMarkerDrag(writer, (pos, done) => {
    const { plot, area } = live.current;
    return inRect(plot, pos) ? fromFieldPoint(area, pos) : done ? { houding: null, invloed: null } : null;
  });

  const positions = new Map<string, { pos: Point; onField: boolean }>();
  unplaced.forEach((a, i) => {
    if (!tray) return;
    const corner = trayChip(tray, i, chip);
    positions.set(a.id, {
      pos: { x: corner.x + chip.chipHeight * 0.28 + 8, y: corner.y + chip.chipHeight / 2 },
      onField: false,
    });
  });
  for (const a of data.actors) {
    if (isPlaced(a)) positions.set(a.id, { pos: toFieldPoint(area, a.houding, a.invloed), onField: true });
    if (drag?.id === a.id) positions.set(a.id, { pos: drag, onField: inRect(plot, drag) });
  }
  const radiusOf = (a: Actor) => (sizing?.id === a.id ? sizing.r : radiusFor(radii, a.betrokkenheid));
  // Large markers first so small ones stay clickable; the selected one on top.
  const order = [...data.actors].sort(
    (a, b) => Number(a.id === selectedId) - Number(b.id === selectedId) || b.betrokkenheid - a.betrokkenheid,
  );
  const quadrantNames = { tr: t('kv.q.tr'), tl: t('kv.q.tl'), br: t('kv.q.br'), bl: t('kv.q.bl') };
  // Names out of each other's way; the selected and the large markers choose first.
  const labelSizes = new Map(
    data.actors.map((a) => [a.id, markerLabelSize(a.name || t('actors.unnamed'), font, measureCanvasText)]),
  );
  const labels = placeLabels(
    [...order].reverse().flatMap((a) => {
      const p = positions.get(a.id);
      const size = labelSizes.get(a.id)!;
      return p?.onField ? [{ id: a.id, x: p.pos.x, y: p.pos.y, r: radiusOf(a), w: size.w, h: size.h }] : [];
    }),
    fieldLabelBounds(plot, width),
    quadrantLabelRects(plot, font, quadrantNames, measureCanvasText),
  );
  const labelOf = (id: string, r: number) => {
    const w = labelSizes.get(id)?.w ?? 60;
    const at = labels.get(id);
    return at ? { x: at.x, y: at.y, w, leader: at.leader } : { x: -w / 2, y: r + 3, w };
  };
  const selected = selectedId ? data.actorsById.get(selectedId) : undefined;
  const handleAt =
    editable && selected && isPlaced(selected) && drag === null
      ? toFieldPoint(area, selected.houding, selected.invloed)
      : null;

  return (
    <div
      className={pastTime ? 'mw-view mw-field is-past' : 'mw-view mw-field'}
      data-testid="view-krachtenveld"
      data-past={pastTime ?? undefined}
    >
      <div className="mw-view-bar">
        <ColorLegend />
        <SizeLegend axis={axes.betrokkenheid} />
        {settingsEditable ? <AxesEditor /> : null}
        {pastTime ? (
          <span className="mw-past-note" data-testid="timeline-past-note">
            {t('tl.past', { time: pastTime })}
          </span>
        ) : null}
        {barEnd}
      </div>
      <MethodStage
        box={stage}
        data-testid="field-stage"
        {...keyboard.stageProps}
        // The drawn field's size, for the layout tests (issue 12).
        data-plot={`${Math.round(plot.w)}x${Math.round(plot.h)}`}
        onEmptyPress={() => select(null)}
        backdrop={
          <FieldBackdrop
            plot={plot}
            tray={tray}
            font={font}
            axes={axes}
            quadrants={quadrantNames}
            trayTitle={
              !editable
                ? t('kv.trayReadonly')
                : unplaced.length > 0
                  ? t('kv.tray')
                  : data.actors.length === 0
                    ? t('kv.trayNone')
                    : t('kv.trayEmpty')
            }
          />
        }
        after={
          <>
            {keyboard.status}
            <ChartPoints
              testId="field-points"
              label={t('kv.chartLabel', { n: data.actors.length })}
              points={data.actors.map((a) => {
                const p = positions.get(a.id);
                return {
                  id: a.id,
                  data: {
                    name: a.name,
                    placed: isPlaced(a),
                    houding: a.houding ?? '',
                    invloed: a.invloed ?? '',
                    x: p ? Math.round(p.pos.x) : '',
                    y: p ? Math.round(p.pos.y) : '',
                  },
                  text: isPlaced(a)
                    ? t('kv.point', {
                        name: a.name,
                        x: axes.houding.name,
                        xv: formatNumber(lang, a.houding, 2),
                        y: axes.invloed.name,
                        yv: formatNumber(lang, a.invloed, 2),
                        size: axes.betrokkenheid.name,
                        sv: formatNumber(lang, a.betrokkenheid, 2),
                      })
                    : `${a.name}: ${t('actors.notPlaced')}`,
                };
              })}
            />
          </>
        }
      >
        {order.map((a) => {
          const p = positions.get(a.id);
          if (!p) return null;
          return (
            <ActorNode
              key={a.id}
              id={a.id}
              name={a.name || t('actors.unnamed')}
              color={actorFill(a, colorBy)}
              x={p.pos.x}
              y={p.pos.y}
              onField={p.onField}
              radius={radiusOf(a)}
              font={font}
              label={labelOf(a.id, radiusOf(a))}
              chip={chip}
              selected={a.id === selectedId}
              draggable={editable}
              dragBound={dragBound}
              {...handlers}
            />
          );
        })}
        {handleAt && selected ? (
          <>
            <Line
              points={[handleAt.x, handleAt.y, handleAt.x + radiusOf(selected), handleAt.y]}
              stroke="#1d2a30"
              strokeWidth={1}
              dash={[3, 3]}
              listening={false}
            />
            <Circle
              x={handleAt.x + radiusOf(selected)}
              y={handleAt.y}
              radius={Math.max(7, font * 0.45)}
              fill="#ffffff"
              stroke="#1d2a30"
              strokeWidth={2}
              hitStrokeWidth={16}
              draggable
              dragBoundFunc={(pos) => ({
                x: clamp(pos.x, handleAt.x + radii.min, handleAt.x + radii.max),
                y: handleAt.y,
              })}
              onMouseEnter={(e) => {
                const c = e.target.getStage()?.container();
                if (c) c.style.cursor = 'ew-resize';
              }}
              onMouseLeave={(e) => {
                const c = e.target.getStage()?.container();
                if (c) c.style.cursor = '';
              }}
              onDragStart={() => stopCapturing()}
              onDragMove={(e) => {
                const r = e.target.x() - handleAt.x;
                setSizing({ id: selected.id, r });
                writer.schedule(`size:${selected.id}`, () =>
                  updateActor(doc, selected.id, { betrokkenheid: betrokkenheidFor(radii, r) }),
                );
              }}
              onDragEnd={() => {
                writer.flush();
                setSizing(null);
                stopCapturing();
              }}
            />
          </>
        ) : null}
      </MethodStage>
      {editable ? <p className="mw-hint">{t('kv.hint')}</p> : null}
    </div>
  );
}
