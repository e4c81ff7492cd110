/**
 * The krachtenveld's keyboard (issue 12): `useFieldKeyboard()` gives the field's stage
 * the props that make it one focusable, labelled control with its key handling
 * (`keyboardPlacement.ts`), and a status line that says where the chosen actor now
 * stands ("GGD: veel invloed, houding voor, groot belang"), for the screen reader.
 */
import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { updateActor } from '../../../../shared/model/board/actors.ts';
import { actorPlace } from './actorWords.ts';
import { useMethods } from './context.ts';
import { fieldKeyAction, nextActor } from './keyboardPlacement.ts';

export interface FieldKeyboard {
  stageProps: {
    tabIndex: number;
    role: 'application';
    'aria-label': string;
    'aria-describedby': string;
    onKeyDown: (e: KeyboardEvent<HTMLElement>) => void;
    'data-keyboard': 'field';
  };
  /** The instructions and the status line (visually hidden), to render inside the stage. */
  status: ReactNode;
}

/**
 * The keyboard surface of a method's stage: one tab stop described by its keys and by a
 * polite status line that says where the chosen actor now is (field and network alike).
 */
export function keyboardSurface(opts: {
  label: string;
  keys: string;
  status: string;
  testId: string;
  keysId: string;
  statusId: string;
  onKeyDown: (e: KeyboardEvent<HTMLElement>) => void;
}): FieldKeyboard {
  return {
    stageProps: {
      tabIndex: 0,
      role: 'application',
      'aria-label': opts.label,
      'aria-describedby': `${opts.keysId} ${opts.statusId}`,
      onKeyDown: opts.onKeyDown,
      'data-keyboard': 'field',
    },
    status: (
      <>
        <p id={opts.keysId} className="visually-hidden a11y-keys">
          {opts.keys}
        </p>
        <p id={opts.statusId} className="visually-hidden" role="status" aria-live="polite" data-testid={opts.testId}>
          {opts.status}
        </p>
      </>
    ),
  };
}

export function useFieldKeyboard(): FieldKeyboard {
  const { doc, data, editable, lang, selectedId, select, t, stopCapturing } = useMethods();
  const [said, setSaid] = useState('');
  const keysId = useId();
  const statusId = useId();
  const words = (id: string) => {
    const a = data.actorsById.get(id);
    if (!a) return '';
    const name = a.name || t('actors.unnamed');
    const place = actorPlace(lang, data, id);
    return place ? `${name}: ${place}` : `${name}: ${t('actors.notPlaced')}`;
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const actor = selectedId ? data.actorsById.get(selectedId) : undefined;
    const action = fieldKeyAction(e, actor);
    if (!action) return;
    if (action.kind === 'choose') {
      e.preventDefault();
      const id = nextActor(data.actors, selectedId, action.step);
      if (id) {
        select(id, { card: false });
        setSaid(words(id));
      }
      return;
    }
    if (!editable || !actor) return;
    e.preventDefault();
    stopCapturing();
    updateActor(doc, actor.id, action.patch);
    stopCapturing();
    const after = { ...actor, ...action.patch };
    const place = actorPlace(lang, { ...data, actorsById: new Map([[actor.id, after]]) }, actor.id);
    setSaid(`${actor.name || t('actors.unnamed')}: ${place ?? t('actors.notPlaced')}`);
  };

  return keyboardSurface({
    label: t('a11y.fieldLabel'),
    keys: t('a11y.fieldKeys'),
    status: said || (selectedId ? words(selectedId) : t('a11y.fieldNone')),
    testId: 'field-keyboard-status',
    keysId,
    statusId,
    onKeyDown,
  });
}
