/**
 * One answer in the list (author, text; edit and delete your own, the facilitator may
 * delete any) and the box to add one (Enter or Ctrl+Enter sends, Shift+Enter a new line).
 */
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { addAnswer, ANSWER_MAX, deleteAnswer, editAnswer } from '../../../../shared/model/board/answers.ts';
import type { AnswerRecord } from '../../../../shared/model/board/answers.ts';
import { newItemId } from '../../../../shared/model/board/ids.ts';
import { ConfirmInline } from '../../ui/ConfirmInline.tsx';
import { useWordUndo } from '../../ui/wordUndo.ts';
import { useBoardSelection, useIdentity } from '../meeting/index.ts';
import { personColor } from '../../base/colors.ts';
import { useAnswerAccess } from './access.ts';
import { participateTexts } from './i18n.ts';
import { useT } from '../../base/i18n/useT.ts';
import './Answers.css';
import './sections.css';

/** Enter sends (not while composing, not with Shift); Ctrl/Cmd+Enter sends too. */
function isSendKey(e: KeyboardEvent<HTMLTextAreaElement>): boolean {
  return e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing;
}

export function isOwnAnswer(answer: AnswerRecord, me: { participantId: string; name: string }): boolean {
  return answer.authorId ? answer.authorId === me.participantId : answer.author === me.name && me.name !== '';
}

export function AnswerItem({ answer }: { answer: AnswerRecord }) {
  const { identity, isFacilitator } = useIdentity();
  const { boardRoom } = useBoardSelection();
  const t = useT(participateTexts);
  const access = useAnswerAccess();
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(answer.text);
  // Ctrl+Z takes back a word, not a letter (issue 12).
  const editField = useRef<HTMLTextAreaElement>(null);
  useWordUndo(editField, editing);
  const mine = isOwnAnswer(answer, identity);
  const canEdit = access.canWrite && mine;
  const canDelete = access.canWrite && (mine || isFacilitator);
  const save = () => {
    if (draft.trim()) editAnswer(boardRoom.doc, answer.id, draft);
    setEditing(false);
  };

  return (
    <li className={mine ? 'pp-answer is-mine' : 'pp-answer'} data-testid="answer" data-author={answer.author}>
      <div className="pp-answer-head">
        <span
          className="pp-answer-dot"
          style={{ background: personColor(answer.authorId || answer.author) }}
          aria-hidden="true"
        />
        <span className="pp-answer-author" data-testid="answer-author">
          {answer.author || t('q.anonymous')}
          {mine ? <span className="pp-you"> ({t('q.you')})</span> : null}
        </span>
        {!editing && (canEdit || canDelete) ? (
          <span className="pp-answer-actions">
            {canEdit ? (
              <button
                type="button"
                className="pp-link"
                onClick={() => {
                  setDraft(answer.text);
                  setEditing(true);
                }}
                data-testid="answer-edit"
              >
                {t('q.edit')}
              </button>
            ) : null}
            {canDelete ? (
              <ConfirmInline
                label={t('q.delete')}
                confirmLabel={t('q.confirmDelete')}
                cancelLabel={t('q.cancel')}
                onConfirm={() => deleteAnswer(boardRoom.doc, answer.id)}
                className="pp-link"
                testIds={{ ask: 'answer-delete', confirm: 'answer-delete-confirm' }}
              />
            ) : null}
          </span>
        ) : null}
      </div>
      {editing ? (
        <div className="pp-answer-edit">
          <textarea
            ref={editField}
            className="pp-textarea"
            value={draft}
            maxLength={ANSWER_MAX}
            rows={3}
            autoFocus
            aria-label={t('q.edit')}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (isSendKey(e)) {
                e.preventDefault();
                save();
              } else if (e.key === 'Escape') {
                e.preventDefault();
                setEditing(false);
              }
            }}
            data-testid="answer-edit-input"
          />
          <div className="pp-row">
            <button type="button" className="button button-primary button-small" onClick={save}>
              {t('q.save')}
            </button>
            <button type="button" className="button button-small" onClick={() => setEditing(false)}>
              {t('q.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <p className="pp-answer-text" data-testid="answer-text">
          {answer.text}
        </p>
      )}
    </li>
  );
}

export function AnswerComposer({ questionId }: { questionId: string }) {
  const { identity } = useIdentity();
  const { boardRoom } = useBoardSelection();
  const t = useT(participateTexts);
  const id = useId();
  const [text, setText] = useState('');
  const field = useRef<HTMLTextAreaElement>(null);
  useWordUndo(field);
  const send = () => {
    if (!text.trim()) return;
    const added = addAnswer(boardRoom.doc, {
      id: newItemId(),
      questionId,
      text,
      authorId: identity.participantId,
      author: identity.name.slice(0, 80),
    });
    if (added) setText('');
  };
  return (
    <form
      className="pp-composer"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <label className="visually-hidden" htmlFor={id}>
        {t('q.add')}
      </label>
      <textarea
        ref={field}
        id={id}
        className="pp-textarea"
        rows={2}
        maxLength={ANSWER_MAX}
        value={text}
        placeholder={t('q.placeholder')}
        aria-describedby={`${id}-hint`}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (isSendKey(e)) {
            e.preventDefault();
            send();
          }
        }}
        data-testid="answer-input"
      />
      <div className="pp-composer-foot">
        <span id={`${id}-hint`} className="pp-small muted">
          {t('q.hint')}
        </span>
        <button
          type="submit"
          className="button button-primary button-small"
          disabled={!text.trim()}
          data-testid="answer-send"
        >
          {t('q.send')}
        </button>
      </div>
    </form>
  );
}
