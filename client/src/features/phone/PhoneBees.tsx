/**
 * "3 B's" on a phone: the individual round's own card of the method views (pick an
 * actor, fill in bedoeling, belang and bijdrage), on the open board, without the rest
 * of the workspace.
 */
import { useMemo } from 'react';
import { useBoardWriteAccess } from '../meeting/index.ts';
import { useLang, useT } from '../../base/i18n/useT.ts';
import { useBoardSelection, useIdentity } from '../meeting/index.ts';
import { MethodsContext, readWorkspace, type MethodsContextValue } from '../methods/index.ts';
import { methodsTexts } from '../methods/i18n.ts';
import { RoundCard } from '../methods/index.ts';
import { useDocSnapshot } from '../../base/sync/useDocSnapshot.ts';
import { phoneTexts } from './i18n.ts';
import './phone.css';
import './PhoneBees.css';

const noop = () => undefined;

export function PhoneBees() {
  const { identity } = useIdentity();
  const { boardRoom } = useBoardSelection();
  const t = useT(phoneTexts);
  const mt = useT(methodsTexts);
  const lang = useLang();
  const doc = boardRoom.doc;
  const data = useDocSnapshot(doc, readWorkspace);
  const access = useBoardWriteAccess();
  const editable = access.board === null;
  const ctx = useMemo<MethodsContextValue>(
    () => ({
      doc,
      data,
      editable,
      settingsEditable: editable && access.settings === null,
      isFacilitator: false,
      me: { id: identity.participantId, name: identity.name },
      participants: [],
      lang,
      t: mt,
      selectedId: null,
      select: noop,
      requestDeleteActor: noop,
      notifyUndoable: noop,
      stopCapturing: noop,
    }),
    [doc, data, editable, identity.participantId, identity.name, lang, mt],
  );
  return (
    <section className="ph-section ph-bees" data-testid="phone-bees">
      <div className="pp-card">
        <h3 className="pp-card-title">{t('bees.title')}</h3>
        <p className="pp-small muted">{t('bees.text')}</p>
        {!editable ? <p className="pp-notice is-warn">{t('bees.locked')}</p> : null}
      </div>
      <MethodsContext.Provider value={ctx}>
        <div className="ph-bees-card">
          <RoundCard />
        </div>
      </MethodsContext.Provider>
    </section>
  );
}
