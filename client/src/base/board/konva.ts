/**
 * Konva with only what the app draws (issue 14). The board, the method views and the
 * cursors use Stage, Layer, Group and Shape and Rect, Text, Line, Arrow, Circle and
 * Label/Tag; nothing animates through Konva. `import 'konva'` and react-konva's
 * `konva/lib/Core.js` come here through the alias in vite.config.ts, so the other shapes,
 * the image filters and Konva's tweens and animations (FastLayer, Animation, Tween) are
 * not loaded. This is Konva's own `_CoreInternals.js` without those. The Transformer (the
 * resize handles) loads after the board's first frame
 * (features/board/canvas/SelectionTransformer.tsx). A react-konva element of a node that
 * is not registered fails with "Konva has no node with the type ...": add its import here.
 */
import { Canvas } from 'konva/lib/Canvas';
import { Container } from 'konva/lib/Container';
import { Context } from 'konva/lib/Context';
import { DD } from 'konva/lib/DragAndDrop';
import { Konva as Global } from 'konva/lib/Global';
import { Group } from 'konva/lib/Group';
import { Layer } from 'konva/lib/Layer';
import { Node } from 'konva/lib/Node';
import { Shape, shapes } from 'konva/lib/Shape';
import { Stage, stages } from 'konva/lib/Stage';
import { Transform, Util } from 'konva/lib/Util';
import 'konva/lib/shapes/Arrow';
import 'konva/lib/shapes/Circle';
import 'konva/lib/shapes/Label';
import 'konva/lib/shapes/Line';
import 'konva/lib/shapes/Rect';
import 'konva/lib/shapes/Text';

const Konva = Util._assign(Global, {
  beginUpdateBatch: Node._beginUpdateBatch,
  Util,
  Transform,
  Node,
  Container,
  Stage,
  stages,
  Layer,
  Group,
  DD,
  Shape,
  shapes,
  Context,
  Canvas,
});

export default Konva;
