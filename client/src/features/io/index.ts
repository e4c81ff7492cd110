/** The public surface of this feature: other features and the app import only from here. */
export { ActorsImportExport } from './ActorsImportExport.tsx';
export { SessionImport } from './SessionImport.tsx';
