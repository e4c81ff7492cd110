/**
 * Konva with only the nodes the app draws (issue 14): the board, the method views and the
 * cursors use Stage, Layer, Group and Shape (Konva's core) and Rect, Text, Line, Arrow,
 * Circle, Label/Tag and Transformer. `import 'konva'` (react-konva's own, and ours) comes
 * here through the alias in vite.config.ts, so the other shapes and Konva's image filters
 * (about 40 KB of the board's chunk) are not loaded. A react-konva element of a node that
 * is not registered here fails with "Konva has no node with the type ...": add its
 * import here.
 */
import Konva from 'konva/lib/Core';
import 'konva/lib/shapes/Arrow';
import 'konva/lib/shapes/Circle';
import 'konva/lib/shapes/Label';
import 'konva/lib/shapes/Line';
import 'konva/lib/shapes/Rect';
import 'konva/lib/shapes/Text';
import 'konva/lib/shapes/Transformer';

export default Konva;
