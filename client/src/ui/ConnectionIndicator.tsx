import type { ConnectionState, RoomStatus } from '../base/sync/Room.ts';
import { useT, type MessageKey } from '../base/i18n/useT.ts';
import './ConnectionIndicator.css';

/** Worst first: the indicator shows the weakest of the session's connections. */
const SEVERITY: ConnectionState[] = ['closed', 'offline', 'reconnecting', 'connecting', 'connected'];
const LABEL: Record<ConnectionState, MessageKey> = {
  connected: 'conn.connected',
  connecting: 'conn.connecting',
  reconnecting: 'conn.reconnecting',
  offline: 'conn.offline',
  closed: 'conn.closed',
};

export function combineStatuses(statuses: readonly RoomStatus[]): { state: ConnectionState; unsaved: boolean } {
  const state = SEVERITY.find((s) => statuses.some((st) => st.connection === s)) ?? 'connecting';
  return { state, unsaved: statuses.some((s) => s.unsaved) };
}

/** "Verbonden", "Opnieuw verbinden…", "Offline", plus a warning while local changes wait to be sent. */
export function ConnectionIndicator({ statuses }: { statuses: readonly RoomStatus[] }) {
  const t = useT();
  const { state, unsaved } = combineStatuses(statuses);
  return (
    <div className="connection" role="status" aria-live="polite">
      <span className={`connection-state is-${state}`} data-testid="connection-status" data-state={state}>
        <span className="connection-dot" aria-hidden="true" />
        {t(LABEL[state])}
      </span>
      {unsaved ? (
        <span className="connection-unsaved" title={t('conn.unsavedHint')} data-testid="connection-unsaved">
          {t('conn.unsaved')}
        </span>
      ) : null}
    </div>
  );
}
