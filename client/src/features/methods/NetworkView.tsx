/**
 * View 4, the network map (webanalyse, seed 004): the goal in the middle, rings for the
 * participation level or the relation to us (a board setting), actors on their ring.
 * Drag an actor along its ring (`netHoek`) or onto another ring (changes the level or
 * relation); drag from the + of the selected actor to another one for a new relation.
 */
import { useCallback, useRef, useState } from 'react';
import type { KonvaEventObject } from 'konva/lib/Node';
import { RELATION_TYPES } from '../../../../shared/model/board/actorSchema.ts';
import { addRelation, updateActor, updateSettings } from '../../../../shared/model/board/actors.ts';
import { networkFigures } from '../../../../shared/methods/network.ts';
import { ChartPoints } from './ChartPoints.tsx';
import { useMethods } from './context.ts';
import { useNetworkKeyboard } from './NetworkKeyboard.tsx';
import { ColorLegend } from './FieldBar.tsx';
import { canvasFont, type Point } from '../../../../shared/methods/geometry.ts';
import { useFrameWriter } from './hooks.ts';
import { MethodStage, useStageBox } from './MethodStage.tsx';
import type { MethodsKey } from './i18n.ts';
import { networkLayout, nodeAt, ringDrop, type NetworkLayout } from '../../../../shared/methods/networkLayout.ts';
import { ConnectHandle, Goal, NetNode, RelationLine, Rings } from './NetworkShapes.tsx';
import { AddRelationForm, LineSample, NetworkFiguresPanel, RelationEditor } from './NetworkSide.tsx';
import { measureCanvasText } from './measureText.ts';
import { actorFill, RELATION_TYPE_STYLE, type RelationType } from '../../../../shared/methods/palette.ts';
import './tools.css';
import './views.css';
import './NetworkView.css';

function NetworkBar({ newType, onNewType }: { newType: RelationType; onNewType: (t: RelationType) => void }) {
  const { doc, data, editable, settingsEditable, t } = useMethods();
  const mode = data.settings.networkRings;
  return (
    <div className="mw-view-bar mw-network-bar">
      <div className="segmented mw-seg is-small" role="group" aria-label={t('nw.rings')}>
        <span className="mw-seg-label">{t('nw.rings')}</span>
        {(['participation', 'relation'] as const).map((m) => (
          <button
            key={m}
            type="button"
            className={m === mode ? 'is-on' : ''}
            aria-pressed={m === mode}
            disabled={!settingsEditable}
            data-testid={`rings-${m}`}
            onClick={() => updateSettings(doc, { networkRings: m })}
          >
            {t(`nw.rings.${m}`)}
          </button>
        ))}
      </div>
      <ColorLegend />
      {editable ? (
        <div className="segmented mw-seg is-small" role="group" aria-label={t('nw.newType')}>
          <span className="mw-seg-label">{t('nw.newType')}</span>
          {RELATION_TYPES.map((type) => (
            <button
              key={type}
              type="button"
              className={type === newType ? 'is-on' : ''}
              aria-pressed={type === newType}
              onClick={() => onNewType(type)}
            >
              <LineSample type={type} /> {t(`reltype.${type}`)}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}

export function NetworkView() {
  const { doc, data, editable, selectedId, select, t, stopCapturing } = useMethods();
  const stage = useStageBox();
  const { width, height } = stage;
  const writer = useFrameWriter();
  const [drag, setDrag] = useState<({ id: string } & Point) | null>(null);
  const [relationId, setRelationId] = useState<string | null>(null);
  const [newType, setNewType] = useState<RelationType>('samenwerking');

  const font = canvasFont(width, height);
  const name = (a: { name: string }) => a.name || t('actors.unnamed');
  const layout = networkLayout({
    actors: data.actors,
    relations: data.relations,
    rings: data.settings.networkRings,
    width,
    height,
    font,
    drag,
    name,
    measure: measureCanvasText,
  });
  const { g, nodeR, positions, field } = layout;
  const figures = networkFigures(
    data.actors.map((a) => a.id),
    data.relations,
  );

  // Drag handlers read the latest layout through a ref, so the memoised nodes keep them.
  const live = useRef<NetworkLayout>(layout);
  live.current = layout;
  const write = useCallback(
    (id: string, pos: Point) => {
      const { angle, value } = ringDrop(live.current, pos);
      updateActor(doc, id, { netHoek: angle, [live.current.field]: value });
    },
    [doc],
  );
  const onDragMove = useCallback(
    (id: string, e: KonvaEventObject<DragEvent>) => {
      const pos = e.target.position();
      setDrag({ id, x: pos.x, y: pos.y });
      writer.schedule(id, () => write(id, pos));
    },
    [writer, write],
  );
  const onDragEnd = useCallback(
    (id: string, e: KonvaEventObject<DragEvent>) => {
      writer.flush();
      write(id, e.target.position());
      setDrag(null);
      stopCapturing();
    },
    [writer, write, stopCapturing],
  );
  // Pressing or dragging a node selects it; only a click opens its card (issue 12).
  const onSelect = useCallback(
    (id: string) => {
      select(id, { card: false });
      setRelationId(null);
    },
    [select],
  );

  const selectedPos = selectedId && editable && !drag ? positions.get(selectedId) : undefined;
  const relation = data.relations.find((r) => r.id === relationId);
  const ringLabels = [
    ...layout.values.map((v) => t((field === 'participation' ? `part.${v}` : `rel.${v}`) as MethodsKey)),
    t('nw.unset'),
  ];
  const keyboard = useNetworkKeyboard({
    field,
    values: layout.values,
    angleOf: (id) => {
      const p = positions.get(id);
      return p ? Math.atan2(p.y - g.center.y, p.x - g.center.x) : 0;
    },
    ringOf: (a) => ringLabels[layout.bandOf(a)] ?? '',
  });

  return (
    <div className="mw-view mw-network" data-testid="view-netwerk">
      <NetworkBar newType={newType} onNewType={setNewType} />
      <div className="mw-split-body mw-network-body">
        <MethodStage
          box={stage}
          data-testid="network-stage"
          {...keyboard.stageProps}
          onEmptyPress={() => {
            select(null);
            setRelationId(null);
          }}
          backdrop={<Rings g={g} labels={ringLabels} font={font} />}
          after={
            <>
              {keyboard.status}
              <ChartPoints
                testId="network-points"
                label={t('nw.chartLabel', { n: data.actors.length, m: data.relations.length })}
                points={data.actors.map((a) => {
                  const p = positions.get(a.id);
                  return {
                    id: a.id,
                    data: { ring: a[field] ?? '', x: Math.round(p?.x ?? 0), y: Math.round(p?.y ?? 0) },
                    text: `${a.name}: ${ringLabels[layout.bandOf(a)]}, ${figures.degree.get(a.id) ?? 0}`,
                  };
                })}
              />
            </>
          }
        >
          {data.relations.map((r) => {
            const from = positions.get(r.from);
            const to = positions.get(r.to);
            if (!from || !to) return null;
            const style = RELATION_TYPE_STYLE[r.type];
            return (
              <RelationLine
                key={r.id}
                id={r.id}
                from={from}
                to={to}
                toRadius={nodeR}
                color={style.color}
                dash={style.dash}
                arrow={style.arrow}
                label={r.label}
                labelAt={layout.relationLabels.get(r.id) ?? from}
                font={font}
                selected={r.id === relationId}
                onSelect={setRelationId}
              />
            );
          })}
          <Goal g={g} goal={data.settings.goal || t('fo.noGoal')} font={font} />
          {data.actors.map((a) => {
            const p = positions.get(a.id)!;
            return (
              <NetNode
                key={a.id}
                id={a.id}
                name={name(a)}
                color={actorFill(a, data.settings.colorBy)}
                x={p.x}
                y={p.y}
                radius={nodeR}
                degree={figures.degree.get(a.id) ?? 0}
                font={font}
                label={layout.nodeLabel(a.id)}
                selected={a.id === selectedId}
                draggable={editable}
                onSelect={onSelect}
                onOpen={select}
                onDragMove={onDragMove}
                onDragEnd={onDragEnd}
              />
            );
          })}
          {selectedPos && selectedId ? (
            <ConnectHandle
              key={selectedId}
              from={selectedPos}
              offset={nodeR + 14}
              font={font}
              color={RELATION_TYPE_STYLE[newType].color}
              onDrop={(at) => {
                const target = nodeAt(positions, at, nodeR, selectedId);
                const rid = target ? addRelation(doc, { from: selectedId, to: target, type: newType }) : null;
                if (rid) setRelationId(rid);
              }}
            />
          ) : null}
        </MethodStage>
        <aside className="mw-split-side mw-network-side">
          {relation ? <RelationEditor relation={relation} onClose={() => setRelationId(null)} /> : null}
          <NetworkFiguresPanel />
          <AddRelationForm type={newType} onAdded={setRelationId} />
          {editable ? (
            <p className="mw-hint">
              {t('nw.hint')} {t('nw.connectHint')}
            </p>
          ) : null}
        </aside>
      </div>
    </div>
  );
}
