/**
 * Which view of the board is open: the free canvas or one of the method views
 * (krachtenveld, forces, 3 B's, network, typology). Kept in `?v=` so a reload, or a
 * link, opens the same view.
 */
import { useCallback, useState } from 'react';
import { isMethodView, type MethodView } from './views.ts';

export type BoardView = 'canvas' | MethodView;
const PARAM = 'v';

function readViewParam(): BoardView {
  const v = new URLSearchParams(location.search).get(PARAM) ?? '';
  return isMethodView(v) ? v : 'canvas';
}

export function useBoardView(initial?: BoardView): { view: BoardView; setView: (v: BoardView) => void } {
  const [view, setViewState] = useState<BoardView>(() => initial ?? readViewParam());
  const setView = useCallback((v: BoardView) => {
    setViewState(v);
    const url = new URL(location.href);
    if (v === 'canvas') url.searchParams.delete(PARAM);
    else url.searchParams.set(PARAM, v);
    if (url.href !== location.href) history.replaceState(history.state, '', url);
  }, []);
  return { view, setView };
}
