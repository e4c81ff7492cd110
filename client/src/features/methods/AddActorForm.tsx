/** One field and a button: a new actor, on every view at once. */
import { useState } from 'react';
import { ACTOR_COLORS } from '../../../../shared/model/board/actorSchema.ts';
import { addActor } from '../../../../shared/model/board/actors.ts';
import { wordUndoRef } from '../../ui/wordUndo.ts';
import { useMethods } from './context.ts';

export function AddActorForm({ onAdded }: { onAdded?: (id: string) => void }) {
  const { doc, data, editable, t } = useMethods();
  const [name, setName] = useState('');
  if (!editable) return null;
  const submit = () => {
    const trimmed = name.trim();
    if (!trimmed) return;
    // Own colours take turns, so actors without a role still look different.
    const color = ACTOR_COLORS[data.actors.length % ACTOR_COLORS.length];
    const id = addActor(doc, { name: trimmed.slice(0, 200), color });
    setName('');
    if (id) onAdded?.(id);
  };
  return (
    <form
      className="mw-add"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <input
        ref={wordUndoRef}
        className="mw-input"
        value={name}
        maxLength={200}
        placeholder={t('actors.addPlaceholder')}
        aria-label={t('actors.addPlaceholder')}
        data-testid="actor-add-name"
        onChange={(e) => setName(e.target.value)}
      />
      <button type="submit" className="button button-small button-primary" data-testid="actor-add-submit">
        {t('actors.add')}
      </button>
    </form>
  );
}
