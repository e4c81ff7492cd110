import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAnswer, deleteAnswer, editAnswer, readAnswers, visibleAnswers } from '../../shared/model/board/answers.ts';
import {
  actorKey,
  addTimerTime,
  mergedKey,
  pauseTimer,
  readLive,
  resetTimer,
  resumeTimer,
  setMerge,
  setPresenter,
  setPrivateMode,
  setSpotlight,
  startTimer,
  summonTo,
  timerRemaining,
} from '../../shared/model/meeting/live.ts';
import {
  allQuestions,
  copyProgram,
  currentPhase,
  readProgram,
  setCurrentPhase,
  setPhases,
} from '../../shared/model/meeting/program.ts';
import { initSessionDoc, readSession } from '../../shared/model/sessionDoc.ts';
import {
  applyMeetingTemplate,
  KRACHTENVELD_PHASES,
  TEMPLATE_BOARD_ID,
} from '../../shared/model/templates/meetingTemplates.ts';
import { docPair } from '../helpers/ydocs.ts';

function sessionDoc() {
  const doc = new Y.Doc();
  initSessionDoc(doc, { title: 'Gezonde wijk', createdAt: 1 });
  return doc;
}

describe('programme', () => {
  it('the krachtenveld template has the phases of the report, with its questions', () => {
    const doc = sessionDoc();
    applyMeetingTemplate(doc, 'krachtenveld');
    const program = readProgram(doc);
    expect(program.phases.map((p) => p.kind)).toEqual(['theory', 'round', 'groups', 'plenary', 'tips', 'evaluation']);
    const groups = program.phases.find((p) => p.kind === 'groups')!;
    expect(groups.questions.map((q) => q.text)).toEqual([
      'Wat speelt er in het krachtenveld van samenwerkende partners?',
      'Hoe stellen partners zich op?',
      'Waarom stellen ze zich zo op?',
    ]);
    expect(groups.where).toBe('groups');
    expect(allQuestions(program)).toHaveLength(6);
    expect(program.currentPhaseId).toBeNull();
    // The board the group boards are cloned from.
    expect(readSession(doc).boards.map((b) => [b.id, b.kind])).toContainEqual([TEMPLATE_BOARD_ID, 'template']);
  });

  it('the blank template has no phases and no template board', () => {
    const doc = sessionDoc();
    applyMeetingTemplate(doc, 'blank');
    expect(readProgram(doc).phases).toEqual([]);
    expect(readSession(doc).boards).toHaveLength(1);
  });

  it('switches phase for everyone and forgets a removed current phase', () => {
    const { a, b, sync } = docPair();
    initSessionDoc(a, { title: 'x', createdAt: 0 });
    setPhases(a, KRACHTENVELD_PHASES);
    setCurrentPhase(a, 'groepen', 1000);
    sync();
    expect(currentPhase(readProgram(b))?.title).toBe('Uitwisseling in kleine groepen');
    expect(readProgram(b).phaseStartedAt).toBe(1000);
    setCurrentPhase(a, 'no-such-phase', 2000); // ignored
    expect(readProgram(a).currentPhaseId).toBe('groepen');
    setPhases(
      a,
      KRACHTENVELD_PHASES.filter((p) => p.id !== 'groepen'),
    );
    expect(readProgram(a).currentPhaseId).toBeNull();
  });

  it('refuses invalid programmes and skips invalid phases written by others', () => {
    const doc = sessionDoc();
    expect(() =>
      setPhases(doc, [
        { ...KRACHTENVELD_PHASES[0]!, id: 'a' },
        { ...KRACHTENVELD_PHASES[1]!, id: 'a' },
      ]),
    ).toThrow();
    expect(() => setPhases(doc, [{ ...KRACHTENVELD_PHASES[0]!, id: 'bad id!' }])).toThrow();
    doc
      .getMap('program')
      .set('phases', [
        { id: 'ok', title: 'Goed', kind: 'weird', questions: 'nope' },
        { id: 'ok', title: 'Dubbel' },
        null,
        42,
        { id: 'x'.repeat(200), title: 'te lang id' },
      ]);
    const program = readProgram(doc);
    expect(program.phases).toHaveLength(1);
    expect(program.phases[0]).toMatchObject({ id: 'ok', kind: 'other', questions: [], where: 'plenary' });
  });

  it('copies the programme but not the current phase', () => {
    const from = sessionDoc();
    applyMeetingTemplate(from, 'krachtenveld');
    setCurrentPhase(from, 'plenair');
    const to = sessionDoc();
    copyProgram(from, to);
    expect(readProgram(to).phases).toEqual(readProgram(from).phases);
    expect(readProgram(to).currentPhaseId).toBeNull();
  });
});

describe('timer', () => {
  it('runs, pauses, resumes, gets an extra minute and resets', () => {
    const doc = sessionDoc();
    startTimer(doc, 10 * 60_000, 0);
    expect(timerRemaining(readLive(doc).timer, 60_000)).toBe(9 * 60_000);
    pauseTimer(doc, 120_000);
    expect(readLive(doc).timer).toEqual({ status: 'paused', durationMs: 600_000, remainingMs: 480_000 });
    expect(timerRemaining(readLive(doc).timer, 999_999)).toBe(480_000);
    resumeTimer(doc, 200_000);
    expect(timerRemaining(readLive(doc).timer, 200_000)).toBe(480_000);
    addTimerTime(doc, 60_000, 200_000);
    expect(timerRemaining(readLive(doc).timer, 200_000)).toBe(540_000);
    expect(timerRemaining(readLive(doc).timer, 10_000_000)).toBe(0);
    // A minute added after the end counts from now.
    addTimerTime(doc, 60_000, 10_000_000);
    expect(timerRemaining(readLive(doc).timer, 10_000_000)).toBe(60_000);
    resetTimer(doc);
    expect(readLive(doc).timer).toEqual({ status: 'idle' });
  });

  it('reads a broken timer as idle', () => {
    const doc = sessionDoc();
    doc.getMap('live').set('timer', { status: 'running', endsAt: 'soon' });
    expect(readLive(doc).timer).toEqual({ status: 'idle' });
  });
});

describe('live controls', () => {
  it('summon, presenter, spotlight and private mode reach the other replica', () => {
    const { a, b, sync } = docPair();
    initSessionDoc(a, { title: 'x', createdAt: 0 });
    summonTo(a, 'plenair', 5);
    setPresenter(a, { participantId: 'p1', boardId: 'plenair' });
    setSpotlight(a, 'groep1', 6);
    setPrivateMode(a, true, 7);
    sync();
    const live = readLive(b);
    expect(live.summon).toEqual({ boardId: 'plenair', at: 5 });
    expect(live.presenter).toEqual({ on: true, participantId: 'p1', boardId: 'plenair' });
    expect(live.spotlight).toEqual({ boardId: 'groep1', at: 6 });
    expect(live.privateMode.on).toBe(true);
    setPresenter(a, null);
    setSpotlight(a, null);
    setPrivateMode(a, false, 9);
    sync();
    expect(readLive(b)).toMatchObject({ presenter: null, spotlight: null, privateMode: { on: false, revealedAt: 9 } });
  });

  it('merges names for the comparison, follows chains and survives cycles', () => {
    const doc = sessionDoc();
    expect(actorKey('  Huisartsen-praktijk Émile ')).toBe('huisartsen praktijk emile');
    setMerge(doc, 'Huisarts', 'Huisartsen');
    setMerge(doc, 'huisartsen', 'Huisartsenpraktijk');
    const { merges } = readLive(doc);
    expect(mergedKey(merges, 'HUISARTS')).toBe('huisartsenpraktijk');
    setMerge(doc, 'Huisartsenpraktijk', 'huisarts'); // a cycle
    expect(typeof mergedKey(readLive(doc).merges, 'huisarts')).toBe('string');
    setMerge(doc, 'Huisarts', null);
    expect(readLive(doc).merges.huisarts).toBeUndefined();
  });
});

describe('answers', () => {
  it('adds, edits and deletes answers; private mode shows people only their own', () => {
    const { a, b, sync } = docPair();
    addAnswer(
      a,
      { id: 'a1', questionId: 'g1', text: ' Rolonduidelijkheid ', authorId: 'p1', author: 'Ans' },
      undefined,
    );
    addAnswer(b, { id: 'a2', questionId: 'g1', text: 'Concurrentie om geld', authorId: 'p2', author: 'Bo' });
    expect(addAnswer(a, { id: 'a3', questionId: 'g1', text: '   ', authorId: 'p1', author: 'Ans' })).toBeNull();
    sync();
    expect(
      readAnswers(a)
        .map((x) => x.text)
        .sort(),
    ).toEqual(['Concurrentie om geld', 'Rolonduidelijkheid']);
    editAnswer(b, 'a1', 'Wie voert de regie?');
    deleteAnswer(a, 'a2');
    sync();
    expect(readAnswers(b).map((x) => x.text)).toEqual(['Wie voert de regie?']);
    const all = readAnswers(a);
    expect(visibleAnswers(all, { participantId: 'p2', seesAll: false })).toEqual([]);
    expect(visibleAnswers(all, { participantId: 'p1', seesAll: false })).toHaveLength(1);
    expect(visibleAnswers(all, { participantId: 'p2', seesAll: true })).toHaveLength(1);
  });

  it('skips malformed answers', () => {
    const doc = new Y.Doc();
    doc.getMap('answers').set('x', { id: 'x', questionId: 'g1', text: 'y'.repeat(5000) });
    doc.getMap('answers').set('y', { id: 'other', questionId: 'g1', text: 'id mismatch' });
    doc.getMap('answers').set('z', 'nope');
    expect(readAnswers(doc)).toEqual([]);
  });
});
