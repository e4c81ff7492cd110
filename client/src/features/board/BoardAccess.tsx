/**
 * The free board for the keyboard and the screen reader (issue 12): the instructions the
 * canvas is described by, the board in words (the mirror, where "Kies" selects an item
 * and gives the canvas the focus, so the arrows move it), and the live region that says
 * what others added, removed or wrote.
 */
import { useCallback, useMemo, useState, type RefObject } from 'react';
import type { BoardItem } from '../../../../shared/model/board/schema.ts';
import type { BoardSnapshot } from '../../../../shared/model/board/read.ts';
import type { Doc } from '../../../../shared/model/doc.ts';
import { boardChanges, boardEntries, entryCache } from './boardWords.ts';
import { useBoardState, type BoardStore } from '../../base/board/boardState.ts';
import { viewItemsOf } from '../../base/board/env.ts';
import { useT } from '../../base/i18n/useT.ts';
import { CanvasMirror } from '../../ui/CanvasMirror.tsx';
import { LiveRegion } from '../../ui/LiveRegion.tsx';

interface BoardAccessProps {
  doc: Doc;
  snapshot: BoardSnapshot;
  view: string;
  privateFor: string | null;
  store: BoardStore;
  /** The focusable canvas, which takes the focus after "Kies". */
  canvas: RefObject<HTMLElement | null>;
  /** The id of the instructions' paragraph (the canvas's `aria-describedby`). */
  keysId: string;
}

interface ViewState {
  items: readonly BoardItem[];
  byId: ReadonlyMap<string, BoardItem>;
}

export function BoardAccess({ doc, snapshot, view, privateFor, store, canvas, keysId }: BoardAccessProps) {
  const t = useT();
  const selection = useBoardState(store, (s) => s.selection);
  const shown: ViewState = viewItemsOf(snapshot, view, privateFor);
  const diff = useCallback(
    (prev: ViewState, next: ViewState) => boardChanges(t, prev.items, next.items, next.byId),
    [t],
  );
  const more = useCallback((n: number) => t('a11y.more', { count: n }), [t]);
  // Issue 14: a line per item, kept while the item and what its line says of it stay the same.
  const [cache] = useState(entryCache);
  const entries = useMemo(() => boardEntries(t, shown.items, shown.byId, cache), [t, shown, cache]);
  const chooseLabel = useCallback(() => t('a11y.choose'), [t]);
  const choose = useCallback(
    (id: string) => {
      store.setState({ selection: [id], tool: 'select' });
      canvas.current?.focus();
    },
    [store, canvas],
  );
  return (
    <>
      <p id={keysId} className="visually-hidden a11y-keys">
        {t('a11y.canvasKeys')}
      </p>
      <CanvasMirror
        title={t('a11y.boardMirror')}
        items={entries}
        selectedId={selection.length === 1 ? selection[0] : null}
        chooseLabel={chooseLabel}
        onChoose={choose}
        empty={t('a11y.noItems')}
        testId="board-mirror"
      />
      <LiveRegion doc={doc} snapshot={shown} diff={diff} more={more} testId="board-live" />
    </>
  );
}
