import { describe, expect, it } from 'vitest';
import { CloseCode, FINAL_CLOSE_CODES, isFinalCloseCode, parseRoomName } from '../../shared/protocol.ts';

describe('room names', () => {
  it('parses session and board rooms', () => {
    expect(parseRoomName('s/abcdEFGH1234')).toEqual({
      kind: 'session',
      sessionId: 'abcdEFGH1234',
      name: 's/abcdEFGH1234',
    });
    expect(parseRoomName('s/abcdEFGH1234/b/plenair')).toMatchObject({ kind: 'board', boardId: 'plenair' });
  });
  it('refuses everything else', () => {
    for (const bad of [
      '',
      's/',
      's/short',
      's/abcdEFGH1234/',
      's/abcdEFGH1234/b/',
      's/abcdEFGH1234/x/y',
      's/abcdEFGH1234/b/a/b',
      's/../../etc',
      'S/abcdEFGH1234',
      's/abcdEFGH1234/b/é',
    ]) {
      expect(parseRoomName(bad), bad).toBeNull();
    }
  });
});

describe('close codes and roles', () => {
  it('final close codes are the 44xx ones the y-websocket client stops on', () => {
    expect(isFinalCloseCode(CloseCode.unauthorized)).toBe(true);
    expect(isFinalCloseCode(CloseCode.tooManyConnections)).toBe(false);
    expect(isFinalCloseCode(CloseCode.shuttingDown)).toBe(false);
    expect(FINAL_CLOSE_CODES.has(CloseCode.sessionDeleted)).toBe(true);
  });
  // Who may write what: test/unit/writeRules.test.ts (shared/model/writeRules.ts).
});
