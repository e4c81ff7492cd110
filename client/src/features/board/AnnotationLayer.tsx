/**
 * Annotations on a method view (issue 4: "free canvas items can be added on every
 * view"): the free canvas as a transparent layer over the view, showing and adding the
 * board items whose `view` is that view. Switched off, it only shows them and lets the
 * pointer through to the view; switched on ("Aantekeningen"), it has the pointer and
 * the keys, and the view underneath is dimmed a little (canvas/board.css).
 */
import { useEffect, useState } from 'react';
import type { NoteColor } from '../../../../shared/model/board/schema.ts';
import type { Doc } from '../../../../shared/model/doc.ts';
import { createBoardStore } from '../../base/board/boardState.ts';
import { useT } from '../../base/i18n/useT.ts';
import { BoardCanvas } from './BoardCanvas.tsx';
import type { BoardMode } from './BoardChrome.tsx';
import { Switch } from '../../ui/Switch.tsx';

interface AnnotationLayerProps {
  doc: Doc;
  /** The method view annotated; items get it as their `view`. */
  view: string;
  /** The layer has the pointer (the switch is on and this person may write). */
  active: boolean;
  editable: boolean;
  synced: boolean;
  mode: BoardMode;
  author: string;
  authorId?: string;
  privateFor?: string | null;
  color: NoteColor;
}

export function AnnotationLayer(props: AnnotationLayerProps) {
  // Its own selection and tool: the annotations' UI state is not the free canvas's.
  const [store] = useState(() => createBoardStore());
  // Switched off: nothing stays selected (the selection would float over the view).
  useEffect(() => {
    if (!props.active) store.setState({ selection: [], editing: null });
  }, [store, props.active]);
  return <BoardCanvas {...props} state={store} editable={props.editable && props.active} annotation />;
}

/** The "Aantekeningen" switch in the board's toolbar. */
export function AnnotationToggle({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  const t = useT();
  return (
    <Switch
      on={on}
      onChange={onChange}
      label={t('annotations.label')}
      title={t('annotations.hint')}
      testId="annotations-toggle"
    />
  );
}
