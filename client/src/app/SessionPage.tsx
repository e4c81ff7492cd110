import { useState } from 'react';
import { assertNever } from '../../../shared/roles.ts';
import { useT } from '../base/i18n/useT.ts';
import { MessagePage } from './MessagePage.tsx';
import { SessionView } from './SessionView.tsx';
import type { BoardView } from '../base/useBoardView.ts';
import { DENIED_TEXT, useSessionAccess } from './useSessionAccess.ts';

/** `/s/<sessionId>`: finds out who we are, then shows the session. */
export function SessionPage({
  sessionId,
  initialView,
  projector = false,
}: {
  sessionId: string;
  initialView?: BoardView;
  /** The projector screen (issue 12): the shared content only. */
  projector?: boolean;
}) {
  const t = useT();
  const [retry, setRetry] = useState(0);
  const access = useSessionAccess(sessionId, retry);

  switch (access.kind) {
    case 'loading':
      return (
        <div className="page page-loading" aria-busy="true">
          <p className="loading-text">{t('session.loading')}</p>
        </div>
      );
    case 'none':
      return (
        <MessagePage testId="no-identity" title={t('session.noIdentity.title')} text={t('session.noIdentity.text')} />
      );
    case 'denied':
      return (
        <MessagePage testId="access-denied" title={t('session.closed.title')} text={t(DENIED_TEXT[access.reason])} />
      );
    case 'unreachable':
      return (
        <MessagePage
          title={t('session.unreachable')}
          actions={
            <button type="button" className="button" onClick={() => setRetry((n) => n + 1)}>
              {t('session.retry')}
            </button>
          }
        />
      );
    case 'ready':
      return (
        <SessionView
          sessionId={sessionId}
          initialView={initialView}
          projector={projector}
          identity={access.identity}
          info={access.info}
          onNeedInfo={() => setRetry((n) => n + 1)}
        />
      );
    default:
      return assertNever(access);
  }
}
