/**
 * "Vragen": the questions of the current phase (or, before a phase starts, all questions
 * grouped by phase) with an answer area. Answers live in the doc of the open board, so
 * in a group phase each group answers on its own board. Private mode shows participants
 * only their own answers; a locked board or a viewer reads only.
 */
import { useMemo } from 'react';
import { answersByQuestion, visibleAnswers } from '../../../../shared/model/board/answers.ts';
import type { AnswerRecord } from '../../../../shared/model/board/answers.ts';
import { currentPhase, type Phase, type Question } from '../../../../shared/model/meeting/program.ts';
import { useBoardRecord, useBoardSelection, useIdentity, useMeeting, useProgram } from '../meeting/index.ts';
import { useDocSnapshot } from '../../base/sync/useDocSnapshot.ts';
import { readAnswersStable, useAnswerAccess } from './access.ts';
import { AnswerComposer, AnswerItem } from './Answers.tsx';
import { participateTexts } from './i18n.ts';
import { useT } from '../../base/i18n/useT.ts';
import './sections.css';
import './QuestionsSection.css';

const NO_ANSWERS: AnswerRecord[] = [];

export function QuestionsSection() {
  const { isFacilitator } = useIdentity();
  const { boardRoom, boardId } = useBoardSelection();
  const program = useProgram();
  const board = useBoardRecord(boardId);
  const privateOn = useMeeting((s) => s.live.privateMode.on);
  const t = useT(participateTexts);
  const answers = useDocSnapshot(boardRoom.doc, readAnswersStable);
  const byQuestion = useMemo(() => answersByQuestion(answers), [answers]);
  const access = useAnswerAccess();
  const phase = currentPhase(program);
  const boardTitle = t.name(board?.title ?? '');
  const withQuestions = program.phases.filter((p) => p.questions.length > 0);

  return (
    <section className="pp-section" data-testid="questions-section" aria-label={t('tab.questions')}>
      {privateOn ? (
        <p className="pp-notice" data-testid="private-notice">
          {isFacilitator ? t('q.privateFacilitator') : t('q.private')}
        </p>
      ) : null}
      {access.reason ? (
        <p className="pp-notice is-warn" data-testid="answers-readonly">
          {access.reason}
        </p>
      ) : null}
      {boardTitle ? <p className="pp-small muted">{t('q.board', { board: boardTitle })}</p> : null}
      {phase ? (
        <>
          <h3 className="pp-phase-title" data-testid="questions-phase">
            {t.name(phase.title)}
          </h3>
          {phase.questions.length === 0 ? <p className="muted">{t('q.none')}</p> : null}
          {phase.questions.map((q, i) => (
            <QuestionBlock key={q.id} index={i + 1} question={q} answers={byQuestion.get(q.id) ?? NO_ANSWERS} />
          ))}
        </>
      ) : (
        <>
          <p className="pp-small muted">{withQuestions.length ? t('q.noPhase') : t('q.noneAtAll')}</p>
          {withQuestions.map((p) => (
            <PhaseQuestions key={p.id} phase={p} byQuestion={byQuestion} />
          ))}
        </>
      )}
    </section>
  );
}

function PhaseQuestions({ phase, byQuestion }: { phase: Phase; byQuestion: Map<string, AnswerRecord[]> }) {
  const t = useT(participateTexts);
  const count = phase.questions.reduce((n, q) => n + (byQuestion.get(q.id)?.length ?? 0), 0);
  return (
    <details className="pp-phase" data-testid="questions-phase-group">
      <summary>
        <span>{t.name(phase.title)}</span>
        {count > 0 ? <span className="count">{count}</span> : null}
      </summary>
      {phase.questions.map((q, i) => (
        <QuestionBlock key={q.id} index={i + 1} question={q} answers={byQuestion.get(q.id) ?? NO_ANSWERS} />
      ))}
    </details>
  );
}

export function QuestionBlock({
  question,
  answers,
  index,
}: {
  question: Question;
  answers: readonly AnswerRecord[];
  index: number;
}) {
  const { identity } = useIdentity();
  const t = useT(participateTexts);
  const access = useAnswerAccess();
  const shown = visibleAnswers(answers, { participantId: identity.participantId, seesAll: access.seesAll });
  const hidden = answers.length - shown.length;
  return (
    <div className="panel-small pp-question" data-testid="question" data-question-id={question.id}>
      <h4 className="pp-question-text">
        <span className="pp-question-index" aria-hidden="true">
          {index}
        </span>
        <span>{t.name(question.text)}</span>
      </h4>
      {shown.length === 0 && hidden === 0 ? <p className="pp-small muted">{t('q.noAnswers')}</p> : null}
      {shown.length > 0 ? (
        <ul className="stack-list pp-answers" aria-label={t('q.answers', { n: shown.length })}>
          {shown.map((a) => (
            <AnswerItem key={a.id} answer={a} />
          ))}
        </ul>
      ) : null}
      {hidden > 0 ? (
        <p className="pp-hidden" data-testid="answers-hidden" data-count={hidden}>
          {t('q.hidden', { n: hidden })}
        </p>
      ) : null}
      {access.canWrite ? <AnswerComposer questionId={question.id} /> : null}
    </div>
  );
}
