/** The public surface of this feature: other features and the app import only from here. */
export { downloadDrawing, downloadPng, downloadSvg, exportFileName } from './exportBoard.ts';
export type { Drawing } from './exportBoard.ts';

/** The drawing of a method view, loaded when an export asks for it. */
export const loadMethodDrawing = () => import('./methodDrawing.ts').then((m) => m.methodDrawing);
