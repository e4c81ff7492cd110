/**
 * The krachtenveld methods of one board (issue 4): the chosen view, the actors panel
 * (beside it on a desktop, a tab of its own on a phone) with the completeness check,
 * and the workspace's undo, delete confirmation and "undo" toast. All views show the
 * same actors, read live from the board doc.
 */
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { Doc } from '../../../../shared/model/doc.ts';
import { deleteActor } from '../../../../shared/model/board/actors.ts';
import type { BoardUndo } from '../../../../shared/model/board/undo.ts';
import { seedGezondeWijk } from '../../../../shared/model/templates/gezondeWijk.ts';
import { Origin } from '../../../../shared/model/doc.ts';
import { assertNever } from '../../../../shared/roles.ts';
import { useLang, useT } from '../../base/i18n/useT.ts';
import { ROOMY, useMediaQuery, usePanelState } from '../../ui/usePanelState.ts';
import { useDocSnapshot } from '../../base/sync/useDocSnapshot.ts';
import { ActorsPanel, type PanelMode } from './ActorsPanel.tsx';
import { MethodsContext, readWorkspace, type MethodsContextValue, type Person, type SelectOptions } from './context.ts';
import { MethodsAccess } from './MethodsAccess.tsx';
import { DrieBView } from './DrieBView.tsx';
import { ForcesView } from './ForcesView.tsx';
import { useBoardUndo, useShallowMemo } from './hooks.ts';
import { methodsTexts } from './i18n.ts';
import { KrachtenveldView } from './KrachtenveldView.tsx';
import { KrachtenveldTimeline } from './KrachtenveldTimeline.tsx';
import type { HistorySource } from './useBoardHistory.ts';
import type { MethodView } from '../../base/views.ts';
import { NetworkView } from './NetworkView.tsx';
import { TypologyView } from './TypologyView.tsx';
import { ConfirmDialog, Toast, WorkspaceTools } from './WorkspaceChrome.tsx';
import './MethodsWorkspace.css';

export type { MethodView } from '../../base/views.ts';

export interface MethodsWorkspaceProps {
  /** The board doc (room `s/<sessionId>/b/<boardId>`). */
  doc: Doc;
  /** May this person change the board now (role and lock)? */
  editable: boolean;
  /**
   * May this person change the board's settings (the host asks the write rules,
   * `shared/model/writeRules.ts`)? By default: the facilitator on a board they may write.
   */
  settingsEditable?: boolean;
  isFacilitator: boolean;
  /** Who is looking: participant id (from the token) and name. */
  me: Person;
  view: MethodView;
  /** People present, for assigning actors in the individual round (facilitator). */
  participants?: readonly Person[];
  /** The host's undo for this doc (shared with the free canvas); by default the workspace makes its own. */
  undo?: BoardUndo;
  /** Handle Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z here (default); off when the host handles them. */
  undoKeys?: boolean;
  /** Laid over the view's area (the host's annotation layer: free items on this view). */
  viewOverlay?: ReactNode;
  /** The board's history snapshots (facilitator only): the krachtenveld gets its timeline. */
  history?: HistorySource;
  /** Where the host wants the undo and redo buttons (its toolbar); else a row above the view. */
  toolsSlot?: HTMLElement | null;
}

function renderView(view: MethodView, history: HistorySource | undefined) {
  switch (view) {
    case 'krachtenveld':
      return history ? <KrachtenveldTimeline source={history} /> : <KrachtenveldView />;
    case 'krachten':
      return <ForcesView />;
    case 'drieB':
      return <DrieBView />;
    case 'netwerk':
      return <NetworkView />;
    case 'typologie':
      return <TypologyView />;
    default:
      return assertNever(view);
  }
}

const NO_PEOPLE: readonly Person[] = [];

export function MethodsWorkspace({
  doc,
  editable,
  isFacilitator,
  settingsEditable = editable && isFacilitator,
  me,
  view,
  participants = NO_PEOPLE,
  undo: hostUndo,
  undoKeys = true,
  viewOverlay,
  history,
  toolsSlot = null,
}: MethodsWorkspaceProps) {
  const data = useDocSnapshot(doc, readWorkspace);
  const t = useT(methodsTexts);
  const lang = useLang();
  const { undo, canUndo, canRedo } = useBoardUndo(doc, hostUndo);
  const [selected, setSelected] = useState<string | null>(null);
  const [panelMode, setPanelMode] = useState<PanelMode>('list');
  const [phoneTab, setPhoneTab] = useState<'view' | 'actors'>('view');
  // Folded by default where the view needs the width (issue 12); the person's choice is kept.
  const [panelOpen, setPanelOpen] = usePanelState('actors', useMediaQuery(ROOMY.actors));
  const panelCollapsed = !panelOpen;
  const setPanelCollapsed = useCallback((collapsed: boolean) => setPanelOpen(!collapsed), [setPanelOpen]);
  const [confirmId, setConfirmId] = useState<string | null>(null);
  const [toast, setToast] = useState<{ id: number; text: string } | null>(null);
  const selectedId = selected && data.actorsById.has(selected) ? selected : null;

  // The panel shows the card of an actor clicked or chosen; a drag only selects it on the view,
  // so the list and "Nieuwe actor" stay where they were (issue 12).
  const [cardOpen, setCardOpen] = useState(false);
  const selectedRef = useRef<string | null>(null);
  const select = useCallback((id: string | null, options?: SelectOptions) => {
    const before = selectedRef.current;
    selectedRef.current = id;
    setSelected(id);
    if (id && options?.card !== false) {
      setPanelMode('list');
      setCardOpen(true);
    } else if (id !== before) {
      setCardOpen(false);
    }
  }, []);
  const cardId = cardOpen ? selectedId : null;
  const stopCapturing = useCallback(() => undo?.stopCapturing(), [undo]);
  const notifyUndoable = useCallback((text: string) => setToast({ id: Date.now(), text }), []);
  const requestDeleteActor = useCallback((id: string) => setConfirmId(id), []);

  // The toast's "undo" belongs to the deletion: a newer change of ours takes it away.
  useEffect(() => {
    if (!toast || !undo) return;
    const stop = undo.subscribe(() => setToast(null));
    const timer = setTimeout(() => setToast(null), 10_000);
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, [toast, undo]);

  // Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z (or Ctrl+Y) outside text fields, which keep their own undo.
  useEffect(() => {
    if (!undo || !editable || !undoKeys) return;
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
      if (e.target instanceof HTMLElement && e.target.closest('input, textarea, select, [contenteditable]')) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) undo.undo();
      else if ((key === 'z' && e.shiftKey) || key === 'y') undo.redo();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [undo, editable, undoKeys]);

  const ctx = useShallowMemo<MethodsContextValue>({
    doc,
    data,
    editable,
    settingsEditable,
    isFacilitator,
    me,
    participants,
    lang,
    t,
    selectedId,
    cardId,
    select,
    requestDeleteActor,
    notifyUndoable,
    stopCapturing,
  });

  const confirming = confirmId ? data.actorsById.get(confirmId) : undefined;
  const boardEmpty = data.actors.length === 0 && data.forces.length === 0 && data.relations.length === 0;
  // A participant's card of the individual round says what to do on an empty board itself.
  const roundCard = view === 'drieB' && data.settings.individualRound && !isFacilitator && editable;
  const rootClass = [
    'mw-root',
    editable && toolsSlot ? 'has-host-tools' : '',
    panelMode === 'table' ? 'is-table' : '',
    panelCollapsed ? 'is-panel-closed' : '',
    `show-${phoneTab}`,
    editable ? '' : 'is-readonly',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <MethodsContext.Provider value={ctx}>
      <div className={rootClass} data-testid="methods" data-view={view} data-editable={editable}>
        {editable && toolsSlot ? (
          // Undo and redo in the host's toolbar, so the view keeps the row (issue 12).
          createPortal(
            <WorkspaceTools
              canUndo={canUndo}
              canRedo={canRedo}
              onUndo={() => undo?.undo()}
              onRedo={() => undo?.redo()}
            />,
            toolsSlot,
          )
        ) : (
          <div className="screen-bar mw-top">
            <WorkspaceTools
              canUndo={canUndo}
              canRedo={canRedo}
              onUndo={() => undo?.undo()}
              onRedo={() => undo?.redo()}
            />
          </div>
        )}
        <main className="mw-main">
          {data.actors.length === 0 && !roundCard ? (
            <div className="mw-empty" data-testid="methods-empty">
              <div>
                <h2>{t('ws.empty.title')}</h2>
                {/* What to do only where one can do it: a read-only board (the projector) gives no instructions. */}
                {editable ? <p>{isFacilitator ? t('ws.empty.text') : t('ws.empty.textParticipant')}</p> : null}
              </div>
              {isFacilitator && editable && boardEmpty ? (
                <button
                  type="button"
                  className="button button-primary"
                  data-testid="load-example"
                  onClick={() => {
                    undo?.stopCapturing();
                    seedGezondeWijk(doc, Origin.local);
                  }}
                >
                  {t('ws.loadExample')}
                </button>
              ) : null}
            </div>
          ) : null}
          {renderView(view, history)}
          {viewOverlay}
          <MethodsAccess />
          {selectedId && phoneTab === 'view' ? (
            // Phones: the card is on the other tab; one tap away from what you just picked.
            <button type="button" className="mw-phone-card" onClick={() => setPhoneTab('actors')}>
              <span className="mw-phone-card-name">{data.actorsById.get(selectedId)?.name || t('actors.unnamed')}</span>
              <span>{t('ws.openCard')} →</span>
            </button>
          ) : null}
        </main>
        <ActorsPanel
          mode={panelMode}
          onModeChange={setPanelMode}
          collapsed={panelCollapsed}
          onCollapsedChange={setPanelCollapsed}
        />
        <nav className="mw-phone-tabs" aria-label={t('view.tabsLabel')}>
          <button type="button" className={phoneTab === 'view' ? 'is-on' : ''} onClick={() => setPhoneTab('view')}>
            {t('ws.showView')}
          </button>
          <button
            type="button"
            className={phoneTab === 'actors' ? 'is-on' : ''}
            data-testid="phone-actors-tab"
            onClick={() => setPhoneTab('actors')}
          >
            {t('ws.showActors', { n: data.actors.length })}
          </button>
        </nav>
        {confirming ? (
          <ConfirmDialog
            text={t('field.deleteConfirm', { name: confirming.name || t('actors.unnamed') })}
            yes={t('field.deleteYes')}
            no={t('field.cancel')}
            onNo={() => setConfirmId(null)}
            onYes={() => {
              setConfirmId(null);
              undo?.stopCapturing();
              deleteActor(doc, confirming.id);
              if (selectedId === confirming.id) setSelected(null);
              notifyUndoable(t('ws.deleted', { name: confirming.name || t('actors.unnamed') }));
            }}
          />
        ) : null}
        {toast ? (
          <Toast
            key={toast.id}
            text={toast.text}
            undoLabel={t('ws.undo')}
            closeLabel={t('ws.dismiss')}
            onUndo={() => {
              setToast(null);
              undo?.undo();
            }}
            onClose={() => setToast(null)}
          />
        ) : null}
      </div>
    </MethodsContext.Provider>
  );
}
