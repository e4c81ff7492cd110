/**
 * The network view's keyboard (issue 12): `useNetworkKeyboard()` makes the view's stage
 * one focusable, labelled control where `[`/`]` choose an actor, ←/→ move it round its
 * ring and ↑/↓ to the ring inside or outside (`keyboardPlacement.ts`), with a status
 * line that says on which ring it now stands.
 */
import { useId, useState, type KeyboardEvent } from 'react';
import { updateActor } from '../../../../shared/model/board/actors.ts';
import type { Actor } from '../../../../shared/model/board/actorSchema.ts';
import { useMethods } from './context.ts';
import { networkKeyAction, nextActor } from './keyboardPlacement.ts';
import { keyboardSurface, type FieldKeyboard } from './FieldKeyboard.tsx';

export interface NetworkRings {
  field: 'relation' | 'participation';
  /** Ring values from the inside out. */
  values: readonly string[];
  /** The actor's angle round the centre as drawn now. */
  angleOf: (id: string) => number;
  /** The words of the ring an actor is on ("Partner", "Nog niet bepaald"). */
  ringOf: (a: Actor) => string;
}

export function useNetworkKeyboard(rings: NetworkRings): FieldKeyboard {
  const { doc, data, editable, selectedId, select, t, stopCapturing } = useMethods();
  const [said, setSaid] = useState('');
  const keysId = useId();
  const statusId = useId();
  const words = (a: Actor) => `${a.name || t('actors.unnamed')}: ${rings.ringOf(a)}`;

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const actor = selectedId ? data.actorsById.get(selectedId) : undefined;
    const angle = actor ? rings.angleOf(actor.id) : 0;
    const action = networkKeyAction(e, actor, { field: rings.field, values: rings.values, angle });
    if (!action) return;
    e.preventDefault();
    if (action.kind === 'choose') {
      const id = nextActor(data.actors, selectedId, action.step);
      const next = id ? data.actorsById.get(id) : undefined;
      if (next) {
        select(next.id, { card: false });
        setSaid(words(next));
      }
      return;
    }
    if (!editable || !actor) return;
    stopCapturing();
    // The angle as drawn goes along, so a ring change keeps the actor where it was round the centre.
    updateActor(doc, actor.id, { netHoek: actor.netHoek ?? angle, ...action.patch });
    stopCapturing();
    setSaid(words({ ...actor, ...action.patch } as Actor));
  };

  return keyboardSurface({
    label: t('a11y.networkLabel'),
    keys: t('a11y.networkKeys'),
    status: said || t('a11y.fieldNone'),
    testId: 'network-keyboard-status',
    keysId,
    statusId,
    onKeyDown,
  });
}
