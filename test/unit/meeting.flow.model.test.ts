/**
 * The meeting flow in the doc model (issue 12): a phase switch with its timer and round,
 * the undo of an actor's text by word, and the live count of voters.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addActor, readMethods, setActorText } from '../../shared/model/board/actors.ts';
import { createTextUndo, startsNewWord } from '../../shared/model/board/textUndo.ts';
import { Origin } from '../../shared/model/doc.ts';
import { readLive, startTimer, pauseTimer, restoreTimer } from '../../shared/model/meeting/live.ts';
import { enterPhase, roundBoardsOf } from '../../shared/model/meeting/phaseSwitch.ts';
import { readProgram } from '../../shared/model/meeting/program.ts';
import { initSessionDoc, readVoterCounts, setVoterCount } from '../../shared/model/sessionDoc.ts';
import { applyMeetingTemplate } from '../../shared/model/templates/meetingTemplates.ts';
import { PLENARY_BOARD_ID } from '../../shared/protocol.ts';

function meetingDoc() {
  const doc = new Y.Doc();
  initSessionDoc(doc, { title: 'De Horst', createdAt: 1 });
  applyMeetingTemplate(doc, 'krachtenveld');
  return doc;
}

const phase = (doc: Y.Doc, id: string) => readProgram(doc).phases.find((p) => p.id === id)!;
const NO_GROUPS = { groups: [], members: {}, mode: 'auto' } as never;

describe('a phase switch', () => {
  it('stops the timer of the phase left, and says which it was', () => {
    const doc = meetingDoc();
    enterPhase(doc, 'theorie', { now: 1000 });
    startTimer(doc, 20 * 60_000, 2000);
    const result = enterPhase(doc, 'ronde', { now: 62_000 });
    expect(result?.stoppedTimer).toMatchObject({ status: 'running', endsAt: 2000 + 20 * 60_000 });
    expect(result?.startedTimer).toBe(false);
    expect(readLive(doc).timer).toEqual({ status: 'idle' });
    expect(readProgram(doc)).toMatchObject({ currentPhaseId: 'ronde', phaseStartedAt: 62_000 });
    // Kept running: back as it was, ending when it would have.
    restoreTimer(doc, result!.stoppedTimer!);
    expect(readLive(doc).timer).toEqual({ status: 'running', durationMs: 20 * 60_000, endsAt: 2000 + 20 * 60_000 });
  });

  it('a paused timer with time left stops too; a finished one is cleared without being reported', () => {
    const doc = meetingDoc();
    enterPhase(doc, 'theorie', { now: 0 });
    startTimer(doc, 60_000, 0);
    pauseTimer(doc, 10_000);
    expect(enterPhase(doc, 'ronde', { now: 20_000 })?.stoppedTimer).toMatchObject({ status: 'paused' });
    startTimer(doc, 1000, 20_000);
    const result = enterPhase(doc, 'plenair', { now: 30_000 });
    expect(result?.stoppedTimer).toBeNull();
    expect(readLive(doc).timer.status).toBe('idle');
  });

  it('a phase with its own timer starts it with the planned minutes', () => {
    const doc = meetingDoc();
    expect(phase(doc, 'groepen').startTimer).toBe(true);
    const result = enterPhase(doc, 'groepen', { now: 5000 });
    expect(result?.startedTimer).toBe(true);
    expect(readLive(doc).timer).toEqual({ status: 'running', durationMs: 45 * 60_000, endsAt: 5000 + 45 * 60_000 });
  });

  it('changes nothing for the current or an unknown phase', () => {
    const doc = meetingDoc();
    enterPhase(doc, 'theorie', { now: 0 });
    startTimer(doc, 60_000, 0);
    expect(enterPhase(doc, 'theorie', { now: 1 })).toBeNull();
    expect(enterPhase(doc, 'nope', { now: 1 })).toBeNull();
    expect(readLive(doc).timer.status).toBe('running');
  });

  it('names the boards a phase starts the individual round on', () => {
    const doc = meetingDoc();
    const ronde = phase(doc, 'ronde');
    expect(ronde.startRound).toBe(true);
    expect(roundBoardsOf(ronde, NO_GROUPS)).toEqual([PLENARY_BOARD_ID]);
    expect(roundBoardsOf(phase(doc, 'theorie'), NO_GROUPS)).toEqual([]);
    const inGroups = { ...ronde, where: 'groups' as const };
    const groups = {
      groups: [
        { id: 'g1', name: 'Groep 1', boardId: 'bord1', color: '' },
        { id: 'g2', name: 'Groep 2', boardId: 'bord2', color: '' },
      ],
    } as never;
    expect(roundBoardsOf(inGroups, groups)).toEqual(['bord1', 'bord2']);
    expect(roundBoardsOf(inGroups, NO_GROUPS)).toEqual([PLENARY_BOARD_ID]);
  });
});

describe('undo in an actor text', () => {
  it('a space after a word starts a new step', () => {
    expect(startsNewWord('twee', 'twee ')).toBe(true);
    expect(startsNewWord('twee ', 'twee w')).toBe(false);
    expect(startsNewWord('', ' ')).toBe(false);
    expect(startsNewWord('twee  ', 'twee   ')).toBe(false);
    expect(startsNewWord('ab', 'a b')).toBe(true);
    expect(startsNewWord('twee', 'tweeën')).toBe(false);
  });

  it('takes back a word of mine at a time, never the words of others', () => {
    const doc = new Y.Doc();
    const other = new Y.Doc();
    const id = addActor(doc, { name: 'GGD' })!;
    const undo = createTextUndo(doc, id, 'belang')!;
    let text = '';
    for (const ch of 'gezonde wijken') {
      const next = text + ch;
      if (startsNewWord(text, next)) undo.stopCapturing();
      setActorText(doc, id, 'belang', next);
      text = next;
    }
    // Someone else adds a word at the start (a remote change).
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    setActorText(other, id, 'belang', 'Zeer gezonde wijken', 'remote');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other), 'remote');
    const belang = () => readMethods(doc).actorsById.get(id)!.belang;
    expect(undo.undo()).toBe(true);
    expect(belang()).toBe('Zeer gezonde');
    expect(undo.undo()).toBe(true);
    expect(belang()).toBe('Zeer ');
    expect(undo.redo()).toBe(true);
    expect(belang()).toBe('Zeer gezonde');
    undo.destroy();
    expect(createTextUndo(doc, 'no-such-actor', 'belang', Origin.local)).toBeNull();
  });
});

describe('the live count of voters', () => {
  it('is a number per round, written only when it changes', () => {
    const doc = new Y.Doc();
    initSessionDoc(doc, { title: 'x', createdAt: 1 });
    let updates = 0;
    doc.on('update', () => updates++);
    setVoterCount(doc, 'tips', 1);
    setVoterCount(doc, 'tips', 1);
    setVoterCount(doc, 'r2', 3);
    expect(readVoterCounts(doc)).toEqual({ tips: 1, r2: 3 });
    expect(updates).toBe(2);
    expect(() => setVoterCount(doc, 'tips', -1)).toThrow();
    doc.getMap('results').set('voters', { tips: 'veel', r2: 2 });
    expect(readVoterCounts(doc)).toEqual({ r2: 2 });
  });
});
