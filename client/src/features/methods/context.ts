/**
 * What every method view shares: the doc and its validated snapshot, who you are and
 * what you may do, the selected actor, and the workspace's confirm and undo toast.
 */
import { createContext, useContext } from 'react';
import type { Doc } from '../../../../shared/model/doc.ts';
import { readMethods, type MethodsSnapshot } from '../../../../shared/model/board/actors.ts';
import { readRound, type RoundSnapshot } from '../../../../shared/model/board/round.ts';
import type { Lang } from '../../base/i18n/useT.ts';
import type { MethodsTranslate } from './i18n.ts';

export interface Person {
  id: string;
  name: string;
}

export interface WorkspaceData extends MethodsSnapshot {
  round: RoundSnapshot;
}

/** The snapshot the views render (a module-level function, so `useDocSnapshot` caches it). */
export function readWorkspace(doc: Doc): WorkspaceData {
  return { ...readMethods(doc), round: readRound(doc) };
}

/** `card: false`: select on the view only (a drag), without opening its card in the panel. */
export interface SelectOptions {
  card?: boolean;
}

export interface MethodsContextValue {
  doc: Doc;
  data: WorkspaceData;
  editable: boolean;
  /** May this person change the board's settings (axes, goal, colours, rings, the round)? Write rules decide. */
  settingsEditable: boolean;
  isFacilitator: boolean;
  me: Person;
  /** People present (for the facilitator's assignment of the individual round). */
  participants: readonly Person[];
  lang: Lang;
  t: MethodsTranslate;
  selectedId: string | null;
  /** The actor whose card the panel shows (a click on it, not a drag; issue 12). Absent: none. */
  cardId?: string | null;
  select: (id: string | null, options?: SelectOptions) => void;
  /** Asks for confirmation, deletes, and offers "undo" in a toast. */
  requestDeleteActor: (id: string) => void;
  /** Shows a short message with an undo action (after deleting a force or a relation). */
  notifyUndoable: (text: string) => void;
  /** Ends the current undo step, so that the next change undoes on its own. */
  stopCapturing: () => void;
}

export const MethodsContext = createContext<MethodsContextValue | null>(null);

export function useMethods(): MethodsContextValue {
  const value = useContext(MethodsContext);
  if (!value) throw new Error('useMethods outside MethodsWorkspace');
  return value;
}
