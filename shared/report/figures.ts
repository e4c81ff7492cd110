/**
 * The pictures of a board for the report: each method view that was used (actors
 * placed, forces listed, relations drawn, types judged) and the free board when it
 * holds items. The same pure drawings as the app's export (shared/drawing).
 */
import { renderBoardSvg } from '../drawing/boardSvg.ts';
import { hyphenPoints } from '../hyphenation.ts';
import { methodSvg } from '../drawing/methods/index.ts';
import { isPlaced } from '../methods/geometry.ts';
import type { ReportBoardSource } from './source.ts';
import { translate } from '../i18n/messages.ts';
import type { ReportLang, ReportTextKey } from './texts.ts';

export type ReportView = 'krachtenveld' | 'krachten' | 'netwerk' | 'typologie' | 'canvas';

export interface BoardFigure {
  view: ReportView;
  label: string;
  drawing: { svg: string; width: number; height: number };
}

const LABEL: Record<ReportView, ReportTextKey> = {
  krachtenveld: 'viewKrachtenveld',
  krachten: 'viewKrachten',
  netwerk: 'viewNetwerk',
  typologie: 'viewTypologie',
  canvas: 'viewCanvas',
};

/** Which views of a board were used, in the order of the app's tabs. */
export function usedViews(board: ReportBoardSource): ReportView[] {
  const views: ReportView[] = [];
  if (board.actors.some(isPlaced)) views.push('krachtenveld');
  if (board.forces.length > 0) views.push('krachten');
  if (board.relations.length > 0 || board.actors.some((a) => a.participation !== null || a.relation !== null))
    views.push('netwerk');
  if (board.actors.some((a) => a.inhoud !== null && a.vertrouwen !== null)) views.push('typologie');
  if (board.items.some((i) => i.view === 'canvas')) views.push('canvas');
  return views;
}

export function boardFigures(board: ReportBoardSource, lang: ReportLang): BoardFigure[] {
  return usedViews(board).map((view) => {
    const label = translate(lang, `report.${LABEL[view]}`);
    const drawing =
      view === 'canvas'
        ? renderBoardSvg(board.items, { view: 'canvas', hyphenate: hyphenPoints })
        : methodSvg(view, board, { lang, hyphenate: hyphenPoints });
    return { view, label, drawing };
  });
}
