/** One field and a button: a new actor, on every view at once. */
import { useState } from 'react';
import { ACTOR_COLORS } from '../../../../shared/model/board/actorSchema.ts';
import { addActor } from '../../../../shared/model/board/actors.ts';
import type { Doc } from '../../../../shared/model/doc.ts';
import { wordUndoRef } from '../../ui/wordUndo.ts';
import { useMethods } from './context.ts';
import './controls.css';

/**
 * A new actor with this name (trimmed, at most 200 characters), in the next of the own
 * colours: they take turns, so actors without a role still look different. Its id, or
 * null when nothing was added.
 */
export function addNamedActor(doc: Doc, actorCount: number, name: string): string | null {
  const trimmed = name.trim();
  if (!trimmed) return null;
  return addActor(doc, { name: trimmed.slice(0, 200), color: ACTOR_COLORS[actorCount % ACTOR_COLORS.length] });
}

export function AddActorForm({ onAdded }: { onAdded?: (id: string) => void }) {
  const { doc, data, editable, t } = useMethods();
  const [name, setName] = useState('');
  if (!editable) return null;
  const submit = () => {
    if (!name.trim()) return;
    const id = addNamedActor(doc, data.actors.length, name);
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
