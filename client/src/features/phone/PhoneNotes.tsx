/**
 * "Notities" on a phone: write a note and it lands on the open board's free canvas in
 * a free spot (with your name, colour and id, as if placed on the board), plus the
 * list of your own notes there. No canvas to operate.
 */
import { useId, useRef, useState } from 'react';
import { addItems, deleteItems } from '../../../../shared/model/board/commands.ts';
import type { NoteItem } from '../../../../shared/model/board/schema.ts';
import { ConfirmInline } from '../../ui/ConfirmInline.tsx';
import { useWordUndo } from '../../ui/wordUndo.ts';
import { useBoardRecord, useBoardWriteAccess } from '../meeting/index.ts';
import { boardReaderFor, useBoardSnapshot } from '../../base/board/boardModel.ts';
import { noteColor } from '../../base/colors.ts';
import { useBoardSelection, useIdentity } from '../meeting/index.ts';
import { findFreeSpot } from './freeSpot.ts';
import { phoneTexts } from './i18n.ts';
import { useT } from '../../base/i18n/useT.ts';
import './phone.css';
import './PhoneNotes.css';

const NOTE_SIZE = { w: 180, h: 120 };
const NOTE_MAX = 5000;

export function PhoneNotes() {
  const { identity } = useIdentity();
  const { boardRoom, boardId } = useBoardSelection();
  const board = useBoardRecord(boardId);
  const t = useT(phoneTexts);
  const id = useId();
  const snapshot = useBoardSnapshot(boardReaderFor(boardRoom.doc));
  const [text, setText] = useState('');
  const [added, setAdded] = useState(false);
  const canWrite = useBoardWriteAccess().board === null;
  // Ctrl+Z takes back a word, not a letter (issue 12).
  const field = useRef<HTMLTextAreaElement>(null);
  useWordUndo(field, canWrite);
  const mine = snapshot.items.filter(
    (i): i is NoteItem =>
      i.kind === 'note' && (i.authorId ? i.authorId === identity.participantId : i.author === identity.name),
  );

  const add = () => {
    const clean = text.trim();
    if (!clean || !canWrite) return;
    const at = findFreeSpot(snapshot.items, NOTE_SIZE);
    const ids = addItems(boardRoom.doc, [
      {
        kind: 'note',
        ...at,
        ...NOTE_SIZE,
        text: clean.slice(0, NOTE_MAX),
        color: noteColor(identity.participantId || identity.name),
        author: identity.name.slice(0, 80),
        authorId: identity.participantId,
      },
    ]);
    if (ids.length) {
      setText('');
      setAdded(true);
    }
  };

  return (
    <section className="ph-section" data-testid="phone-notes">
      <form
        className="pp-card"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <label className="pp-card-title" htmlFor={id}>
          {t('notes.title')}
        </label>
        {board ? <p className="pp-small muted">{t('notes.board', { board: t.name(board.title) })}</p> : null}
        {canWrite ? (
          <>
            <textarea
              ref={field}
              id={id}
              className="pp-textarea ph-big-textarea"
              rows={4}
              maxLength={NOTE_MAX}
              value={text}
              placeholder={t('notes.placeholder')}
              onChange={(e) => {
                setText(e.target.value);
                setAdded(false);
              }}
              data-testid="phone-note-input"
            />
            <button
              type="submit"
              className="button button-primary pp-wide"
              disabled={!text.trim()}
              data-testid="phone-note-add"
            >
              {t('notes.add')}
            </button>
            {added ? (
              <p className="pp-ok" role="status" data-testid="phone-note-added">
                {t('notes.added')}
              </p>
            ) : null}
          </>
        ) : (
          <p className="pp-notice is-warn" data-testid="phone-notes-locked">
            {t('notes.locked')}
          </p>
        )}
      </form>
      <div className="pp-card">
        <h3 className="pp-card-title">
          {t('notes.mine')} {mine.length ? <span className="count">{mine.length}</span> : null}
        </h3>
        {mine.length === 0 ? <p className="pp-small muted">{t('notes.none')}</p> : null}
        <ul className="stack-list ph-notes">
          {[...mine].reverse().map((note) => (
            <MyNote key={note.id} note={note} canDelete={canWrite} />
          ))}
        </ul>
      </div>
    </section>
  );
}

function MyNote({ note, canDelete }: { note: NoteItem; canDelete: boolean }) {
  const { boardRoom } = useBoardSelection();
  const t = useT(phoneTexts);
  return (
    <li className="ph-note" style={{ background: note.color }} data-testid="phone-my-note" data-item-id={note.id}>
      <p className="ph-note-text">{note.text}</p>
      {canDelete ? (
        <div className="ph-note-actions">
          <ConfirmInline
            label={t('notes.delete')}
            confirmLabel={t('notes.confirmDelete')}
            cancelLabel={t('notes.cancel')}
            onConfirm={() => deleteItems(boardRoom.doc, [note.id])}
            className="pp-link"
            testIds={{ confirm: 'phone-note-delete-confirm' }}
          />
        </div>
      ) : null}
    </li>
  );
}
