/**
 * "Vorige bijeenkomst": this meeting's fields against the previous meeting's, board by
 * board (a follow-up keeps the boards' ids): which actors moved, appeared or dropped
 * out. The previous meeting's boards are opened with the identity this device keeps
 * for it; without one we say so. No previous meeting: start a follow-up from here.
 */
import { useEffect, useMemo, useState } from 'react';
import { compareFields, type FieldComparison } from '../../../../shared/methods/compare.ts';
import type { Doc } from '../../../../shared/model/doc.ts';
import { readPreviousSession, readSession } from '../../../../shared/model/sessionDoc.ts';
import { sessionRoomName } from '../../../../shared/protocol.ts';
import { loadIdentity, type Identity } from '../../base/identity.ts';
import {
  useBoardSelection,
  useIdentity,
  useMeeting,
  useSessionDocSnapshot,
  useSessionSnapshot,
} from '../meeting/index.ts';
import { useDocSnapshot } from '../../base/sync/useDocSnapshot.ts';
import { useRoom } from '../../base/sync/useRoom.ts';
import { FollowUpStarter } from './FollowUpStarter.tsx';
import { compareTexts } from './i18n.ts';
import { useT } from '../../base/i18n/useT.ts';
import { PreviousField } from './PreviousField.tsx';
import { useBoardsMethods, type BoardMethods } from './useBoardsMethods.ts';
import './compareParts.css';
import './CarryForward.css';

const readPrevious = (doc: Doc): string | null => readPreviousSession(doc);

export function CarryForward() {
  const t = useT(compareTexts);
  const previousId = useSessionDocSnapshot(readPrevious);
  // Read once per previous meeting: the identity does not change while this screen is open.
  const previous = useMemo(() => (previousId ? loadIdentity(previousId) : null), [previousId]);

  if (!previousId) {
    return (
      <div className="cmp-prev-none" data-testid="prev-none">
        <h3 className="cmp-section-title">{t('prev.noneTitle')}</h3>
        <p>{t('prev.none')}</p>
        <FollowUpStarter primary />
      </div>
    );
  }
  return (
    <div className="cmp-prev">
      {previous ? (
        <PreviousComparison previousId={previousId} previous={previous} />
      ) : (
        <p className="cmp-notice" role="status" data-testid="prev-no-identity">
          {t('prev.noIdentity')}
        </p>
      )}
      <div className="cmp-prev-footer">
        <FollowUpStarter primary={false} />
      </div>
    </div>
  );
}

interface Pair {
  id: string;
  title: string;
  before: BoardMethods | undefined;
  now: BoardMethods | undefined;
  comparison: FieldComparison;
}

const isChanged = (c: FieldComparison) => c.moved.length + c.appeared.length + c.droppedOut.length > 0;
const placedCount = (b: BoardMethods | undefined) =>
  b?.actors.filter((a) => a.houding !== null && a.invloed !== null).length ?? 0;

function PreviousComparison({ previousId, previous }: { previousId: string; previous: Identity }) {
  const { sessionId, identity } = useIdentity();
  const { boardRoom } = useBoardSelection();
  const session = useSessionSnapshot();
  const merges = useMeeting((s) => s.live.merges);
  const t = useT(compareTexts);
  const prevSession = useRoom(sessionRoomName(previousId), previous.token);
  const prevSnapshot = useDocSnapshot(prevSession.room.doc, readSession);
  const [chosen, setChosen] = useState<string | null>(null);

  // Looking back is not attending: stay out of the previous meeting's "who is here".
  useEffect(() => {
    prevSession.room.awareness.setLocalState(null);
  }, [prevSession.room]);

  const prevIds = new Set(prevSnapshot.boards.filter((b) => b.kind !== 'template').map((b) => b.id));
  const paired = session.boards.filter((b) => b.kind !== 'template' && prevIds.has(b.id));
  // A new array each render is fine: the hook keys on the ids.
  const pairIds = paired.map((b) => b.id);
  const now = useBoardsMethods(sessionId, pairIds, identity.token, boardRoom);
  const before = useBoardsMethods(previousId, pairIds, previous.token, null);

  if (prevSession.status.closeCode !== null) {
    return (
      <p className="cmp-notice" role="status" data-testid="prev-gone">
        {t('prev.gone')}
      </p>
    );
  }
  if (prevSession.status.connection !== 'connected' && prevSnapshot.boards.length === 0) {
    return <p className="muted cmp-none">{t('loading')}</p>;
  }
  if (paired.length === 0) {
    return (
      <p className="cmp-notice" role="status" data-testid="prev-no-pairs">
        {t('prev.noPairs')}
      </p>
    );
  }

  const pairs: Pair[] = paired.map((b) => {
    const bb = before.get(b.id);
    const nb = now.get(b.id);
    return {
      id: b.id,
      title: b.title,
      before: bb,
      now: nb,
      comparison: compareFields(bb?.actors ?? [], nb?.actors ?? [], 0.05, { merges }),
    };
  });
  const fallback =
    pairs.find((p) => isChanged(p.comparison)) ??
    pairs.find((p) => placedCount(p.now) + placedCount(p.before) > 0) ??
    pairs[0]!;
  const current = pairs.find((p) => p.id === chosen) ?? fallback;

  return (
    <>
      <nav className="cmp-boards" aria-label={t('prev.board')}>
        {pairs.map((p) => (
          <button
            key={p.id}
            type="button"
            className={`cmp-board${p.id === current.id ? ' is-on' : ''}`}
            aria-pressed={p.id === current.id}
            onClick={() => setChosen(p.id)}
            data-testid="prev-board"
            data-board-id={p.id}
          >
            <span className="cmp-board-title">{p.title}</span>
            <span className="muted">
              {t('prev.boardSummary', {
                moved: p.comparison.moved.length,
                new: p.comparison.appeared.length,
                gone: p.comparison.droppedOut.length,
              })}
            </span>
          </button>
        ))}
      </nav>
      <PreviousField
        key={current.id}
        comparison={current.comparison}
        nowActors={current.now?.actors ?? []}
        settings={current.now?.settings ?? current.before?.settings ?? null}
        loading={!current.now || !current.before}
      />
    </>
  );
}
