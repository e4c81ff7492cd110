/**
 * Which board of the session is open: from `?b=<boardId>` in the address (so a reload
 * stays on it), else the plenary board. A board is only opened once the session doc
 * lists it (an unknown board's room would be refused), and the facilitator's new
 * board only once the server has it.
 */
import { useCallback, useState } from 'react';
import { BOARD_ID_RE, PLENARY_BOARD_ID } from '../../../shared/protocol.ts';
import type { BoardRecord } from '../../../shared/model/sessionDoc.ts';

const PARAM = 'b';

function readBoardParam(): string | null {
  const id = new URLSearchParams(location.search).get(PARAM);
  return id && BOARD_ID_RE.test(id) ? id : null;
}

function writeBoardParam(boardId: string): void {
  const url = new URL(location.href);
  if (boardId === PLENARY_BOARD_ID) url.searchParams.delete(PARAM);
  else url.searchParams.set(PARAM, boardId);
  if (url.href !== location.href) history.replaceState(history.state, '', url);
}

export function useCurrentBoard(boards: readonly BoardRecord[]): { boardId: string; select: (id: string) => void } {
  const [wanted, setWanted] = useState(() => readBoardParam() ?? PLENARY_BOARD_ID);
  const select = useCallback((id: string) => {
    setWanted(id);
    writeBoardParam(id);
  }, []);
  const known = boards.some((b) => b.id === wanted);
  const boardId = known || !boards.length ? (known ? wanted : PLENARY_BOARD_ID) : (boards[0]?.id ?? PLENARY_BOARD_ID);
  return { boardId, select };
}
