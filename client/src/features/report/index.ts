/** The public surface of this feature: other features and the app import only from here. */
export { ReportButton } from './ReportDialog.tsx';
