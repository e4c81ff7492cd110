import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type Konva from 'konva';
import { Transformer } from 'react-konva';
import type { Rect } from '../../../../../shared/model/board/geometry.ts';
import type { BoardEnv } from '../../../base/board/env.ts';
import { afterFirstView } from '../../../base/firstView.ts';
import { ItemResize } from '../../../base/board/tools/resizeItems.ts';
import './board.css';

export const SELECTION_COLOR = '#0e5a63';
const COARSE = typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;

interface SelectionTransformerProps {
  env: BoardEnv;
  /** The group holding the selection outlines the Transformer is attached to. */
  group: RefObject<Konva.Group | null>;
  /** Selected box item ids, space-separated (a string, so equal selections do not re-attach). */
  ids: string;
}

// Konva's Transformer (a quarter of Konva) is not needed by the board's first frame: it loads after that
// (base/board/konva.ts registers the other nodes), and the handles show from then on.
let transformerLoaded = false;
let transformerLoading: Promise<void> | null = null;
function loadTransformer(): Promise<void> {
  transformerLoading ??= afterFirstView()
    .then(() => import('konva/lib/shapes/Transformer'))
    .then(
      () => void (transformerLoaded = true),
      (err: unknown) => {
        transformerLoading = null;
        throw err;
      },
    );
  return transformerLoading;
}

function proxies(group: Konva.Group | null): Konva.Node[] {
  return group ? group.getChildren((n) => n.name() === 'selection-proxy') : [];
}

/**
 * Resize handles on the selected boxes (Konva's Transformer; no rotation). Its nodes are
 * the selection outlines, not the items: the items stay in their own layer and follow
 * through the doc (tools/resizeItems.ts).
 */
export function SelectionTransformer({ env, group, ids }: SelectionTransformerProps) {
  const tr = useRef<Konva.Transformer>(null);
  const resize = useRef<ItemResize | null>(null);
  const [loaded, setLoaded] = useState(transformerLoaded);

  useEffect(() => {
    if (loaded) return;
    let live = true;
    loadTransformer().then(
      () => live && setLoaded(true),
      (err: unknown) => console.error('The resize handles did not load', err),
    );
    return () => {
      live = false;
    };
  }, [loaded]);

  useLayoutEffect(() => {
    tr.current?.nodes(ids ? proxies(group.current) : []);
    tr.current?.getLayer()?.batchDraw();
  }, [ids, group, loaded]);

  useEffect(() => () => resize.current?.end(), []);

  const rects = (): Map<string, Rect> => {
    const out = new Map<string, Rect>();
    for (const node of tr.current?.nodes() ?? []) {
      const w = node.width() * node.scaleX();
      const h = node.height() * node.scaleY();
      // Size, not scale: the outline keeps a crisp 1.5 px stroke and the next step starts from here.
      node.setAttrs({ width: w, height: h, scaleX: 1, scaleY: 1 });
      out.set(node.getAttr('itemId') as string, { x: node.x(), y: node.y(), w, h });
    }
    return out;
  };
  const corner = () => !/middle|center/.test(tr.current?.getActiveAnchor() ?? 'middle');

  if (!loaded) return null;
  return (
    <Transformer
      ref={tr}
      rotateEnabled={false}
      flipEnabled={false}
      keepRatio={false}
      ignoreStroke
      anchorSize={COARSE ? 16 : 9}
      anchorCornerRadius={2}
      anchorStroke={SELECTION_COLOR}
      anchorFill="#ffffff"
      borderEnabled={ids.includes(' ')}
      borderStroke={SELECTION_COLOR}
      borderStrokeWidth={1}
      borderDash={[4, 3]}
      boundBoxFunc={(old, next) => (next.width < 16 || next.height < 16 ? old : next)}
      onTransformStart={() => {
        resize.current = new ItemResize(env, ids.split(' '));
      }}
      onTransform={() => resize.current?.update(rects(), corner())}
      onTransformEnd={() => {
        resize.current?.update(rects(), corner());
        resize.current?.end();
        resize.current = null;
      }}
    />
  );
}
