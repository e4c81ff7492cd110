/**
 * The method views for the keyboard and the screen reader (issue 12): the actors in
 * words (the mirror of the drawn views), where "Kies" picks an actor and takes the
 * focus to the krachtenveld, if shown, to move it with the keys; and the live region
 * that says, now and then, what others changed.
 */
import { useCallback } from 'react';
import type { MethodsSnapshot } from '../../../../shared/model/board/actors.ts';
import { CanvasMirror } from '../../ui/CanvasMirror.tsx';
import { LiveRegion } from '../../ui/LiveRegion.tsx';
import { actorChanges, actorEntries } from './actorWords.ts';
import { useMethods } from './context.ts';

export function MethodsAccess() {
  const { doc, data, lang, t, selectedId, select } = useMethods();
  const diff = useCallback(
    (prev: MethodsSnapshot, next: MethodsSnapshot) => actorChanges(lang, t, prev, next),
    [lang, t],
  );
  const more = useCallback((n: number) => t('a11y.more', { count: n }), [t]);
  const choose = (id: string) => {
    select(id, { card: false });
    const field = document.querySelector<HTMLElement>('[data-keyboard="field"]');
    field?.focus();
  };
  return (
    <>
      <CanvasMirror
        title={t('a11y.mirrorTitle')}
        items={actorEntries(lang, t, data)}
        selectedId={selectedId}
        chooseLabel={(item) => t('a11y.choose', { name: data.actorsById.get(item.id)?.name || t('actors.unnamed') })}
        onChoose={choose}
        empty={t('ws.empty.title')}
        testId="actors-mirror"
      />
      <LiveRegion doc={doc} snapshot={data} diff={diff} more={more} testId="methods-live" />
    </>
  );
}
