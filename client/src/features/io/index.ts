/** The public surface of this feature: other features and the app import only from here. */
import { lazyPart } from '../../ui/lazyPart.ts';
// Not needed by the first view: loads after it is on screen (ui/lazyPart.ts).
export const ActorsImportExport = lazyPart(() => import('./ActorsImportExport.tsx').then((m) => m.ActorsImportExport));
export { SessionImport } from './SessionImport.tsx';
