/**
 * Finishing an edit in place: writes the typed text to the item (note and text
 * content, a frame's title, an arrow's label). A new note left empty is removed (a
 * stray click should not leave blank paper behind), and so is a text left empty.
 */
import { deleteItems, updateItem } from '../../../../shared/model/board/commands.ts';
import type { BoardItem } from '../../../../shared/model/board/schema.ts';
import type { BoardEnv } from './env.ts';
import { textItemHeight } from './itemStyle.ts';

/** The text an edit starts from. */
export function editableText(item: BoardItem): string {
  switch (item.kind) {
    case 'note':
    case 'text':
      return item.text;
    case 'frame':
      return item.title;
    case 'arrow':
      return item.label;
  }
}

/** The change `value` makes to `item`, `'delete'` to remove it, or null for none. */
export function editPatch(item: BoardItem, value: string, isNew: boolean): Record<string, unknown> | 'delete' | null {
  const empty = value.trim() === '';
  switch (item.kind) {
    case 'note':
      if (empty && isNew) return 'delete';
      return value === item.text ? null : { text: value.slice(0, 5000) };
    case 'text':
      if (empty) return 'delete';
      return value === item.text ? null : { text: value.slice(0, 5000), h: textItemHeight(item, value) };
    case 'frame': {
      const title = value.trim().slice(0, 200);
      return title === item.title ? null : { title };
    }
    case 'arrow': {
      const label = value.trim().slice(0, 200);
      return label === item.label ? null : { label };
    }
  }
}

/** Ends editing `id` with `value` (null: leave the item as it is). */
export function finishEdit(env: BoardEnv, id: string, value: string | null): void {
  const editing = env.store.getState().editing;
  env.store.setState({ editing: null });
  const item = env.reader.getSnapshot().byId.get(id);
  if (!item || value === null || !env.props.editable) return;
  const isNew = editing?.id === id && editing.isNew;
  const patch = editPatch(item, value, isNew);
  if (patch === null) return;
  // The first text of a new item belongs to the step that made it: one undo removes both.
  if (isNew) env.undo.continueCapturing();
  else env.undo.stopCapturing();
  if (patch === 'delete') {
    deleteItems(env.doc, [id]);
    env.store.setState((s) => ({ selection: s.selection.filter((x) => x !== id) }));
  } else updateItem(env.doc, id, patch);
  env.undo.stopCapturing();
}
