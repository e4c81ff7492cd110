/**
 * The session page's sidebar: who is here (the facilitator manages participants there),
 * the invitation, the groups and who is missing. It folds; `useSidebar` says how.
 */
import { Role } from '../../../shared/roles.ts';
import { loadViewerUrl } from '../base/identity.ts';
import { useT } from '../base/i18n/useT.ts';
import { GroupsPanel } from '../features/groups/index.ts';
import { FacilitatorPanel, useIdentity, useMeeting } from '../features/meeting/index.ts';
import { AbsentParticipants, ParticipantActions } from '../features/participants/index.ts';
import { PresenceList } from '../ui/PresenceList.tsx';
import { ROOMY, useMediaQuery, usePanelState } from '../ui/usePanelState.ts';
import { useOverlaySidebar } from '../ui/useOverlaySidebar.ts';
import { currentPhase } from '../../../shared/model/meeting/program.ts';

/**
 * Issue 12: beside a running meeting the sidebar folds on laptop screens (the work surface
 * needs the room); before the programme starts it is what people need (invitation, groups).
 * Opened there, it lies over the board instead of squeezing it.
 */
export function useSidebar() {
  const roomy = useMediaQuery(ROOMY.sidebar);
  const started = useMeeting((s) => currentPhase(s.program) !== null);
  const [open, setOpen] = usePanelState('sidebar', roomy || !started);
  const overlay = !roomy && started;
  const keys = useOverlaySidebar(overlay, open, setOpen);
  return { open, setOpen, overlay, keys };
}

export type SidebarState = ReturnType<typeof useSidebar>;

export function SessionSidebar({ sidebar }: { sidebar: SidebarState }) {
  const t = useT();
  const { sessionId, identity, info, isFacilitator, sessionRoom } = useIdentity();
  const { open, setOpen, keys } = sidebar;
  return (
    <aside
      className={open ? 'sidebar' : 'sidebar is-collapsed'}
      id="session-sidebar"
      data-testid="sidebar"
      data-open={open}
      onKeyDownCapture={keys.onKeyDown}
    >
      <button
        ref={keys.toggleRef}
        type="button"
        className="sidebar-toggle"
        aria-expanded={open}
        aria-controls="session-sidebar"
        title={open ? t('sidebar.close') : t('sidebar.open')}
        onClick={() => setOpen(!open)}
        data-testid="sidebar-toggle"
      >
        <span aria-hidden="true">{open ? '«' : '»'}</span>
        <span className="sidebar-toggle-text">
          {open ? t('sidebar.close') : t('presence.title')}
          {open ? null : <PresentCount />}
        </span>
      </button>
      <PresenceList
        room={sessionRoom}
        actions={
          isFacilitator
            ? (p) =>
                p.role === Role.participant && p.id ? (
                  <ParticipantActions sessionId={sessionId} token={identity.token} participant={p} />
                ) : null
            : undefined
        }
      />
      {/* The invitation first: it is what the facilitator needs as the room comes in. */}
      {isFacilitator ? (
        <FacilitatorPanel joinCode={info?.joinCode ?? null} viewerUrl={loadViewerUrl(sessionId)} />
      ) : null}
      <GroupsPanel />
      {isFacilitator ? <AbsentParticipants /> : null}
    </aside>
  );
}

/** How many are here, on the folded sidebar's toggle (only this re-renders when someone comes or goes). */
function PresentCount() {
  const count = useMeeting((s) => s.present.length);
  return <span className="count">{count}</span>;
}
