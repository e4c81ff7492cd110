/**
 * The verslag as data: a list of blocks (headings, paragraphs, facts, lists, tables,
 * figures) that every renderer (DOCX, PDF, HTML, Markdown) walks the same way. Built
 * by `buildReport` (build.ts), a pure function of the session.
 *
 * Texts in blocks are plain, untrusted strings: each renderer escapes them for its
 * own format. Figures are standalone SVG documents drawn by shared/drawing.
 */
import type { ReportLang } from './texts.ts';

export type ReportBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; style?: 'lead' | 'muted' | 'quote' }
  | { kind: 'facts'; items: { label: string; value: string }[] }
  | { kind: 'list'; items: string[]; ordered?: boolean }
  | {
      kind: 'table';
      columns: string[];
      rows: string[][];
      /** Relative column widths (same length as columns). */
      widths?: number[];
    }
  | { kind: 'figure'; id: string; svg: string; width: number; height: number; caption: string };

export interface ReportModel {
  lang: ReportLang;
  title: string;
  /** "Verslag · 22 november 2026" */
  subtitle: string;
  blocks: ReportBlock[];
  /** A safe file name without extension ("verslag-gezonde-wijk-2026-11-22"). */
  fileName: string;
}
