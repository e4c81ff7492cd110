import { describe, expect, it } from 'vitest';
import { checkName, checkTitle, cleanName } from '../../client/src/base/forms.ts';
import { CreateGroupsRequest, CreateSessionRequest, JoinRequest, RenameParticipantRequest } from '../../shared/api.ts';
import {
  cleanLine,
  cleanPersonName,
  cleanTitle,
  codePointLength,
  GROUP_NAME_MAX,
  PERSON_NAME_MAX,
  TITLE_MAX,
} from '../../shared/names.ts';

const FAMILY = '👨\u200D👩\u200D👧\u200D👦'; // one emoji of 7 code points joined by ZWJ
const SCOTLAND = '🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}';

describe('the rule of names and titles (shared/names.ts)', () => {
  it('strips control characters: NUL and ESC are gone, tabs and newlines become one space', () => {
    expect(cleanPersonName('An\u0000na\u001B[31m')).toBe('Anna[31m');
    expect(cleanPersonName('\u0007Bram\u007F\u0085de\u009B Vries')).toBe('Bram de Vries');
    expect(cleanPersonName('Cas\t\t\n\r\n van\u2028Dijk')).toBe('Cas van Dijk');
  });

  it('strips every bidi control and override, and other invisible format characters', () => {
    for (const c of [
      '\u200E',
      '\u200F',
      '\u202A',
      '\u202B',
      '\u202C',
      '\u202D',
      '\u202E',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
      '\u061C',
    ]) {
      expect(cleanPersonName(`Ann${c}a`), c.codePointAt(0)!.toString(16)).toBe('Anna');
    }
    // "gnp.exe" shown reversed: the override is gone, the letters stay in typed order.
    expect(cleanPersonName('Dirk\u202Eexe.gnp')).toBe('Dirkexe.gnp');
    expect(cleanPersonName('\uFEFFEva\u00AD\u2060\u2061\u180E')).toBe('Eva');
    // Tag characters smuggle invisible text: gone, except inside a subdivision flag.
    expect(cleanPersonName('Fem\u{E0041}\u{E0042}')).toBe('Fem');
    expect(cleanPersonName(`Fem ${SCOTLAND}`)).toBe(`Fem ${SCOTLAND}`);
    // Invisible fillers that make a name look blank leave nothing.
    expect(cleanPersonName('\u3164\u115F\u1160\uFFA0')).toBe('');
    expect(JoinRequest.safeParse({ joinCode: 'ABCDEF', name: '\u3164 \u202E\u200B' }).success).toBe(false);
  });

  it('composes to NFC: a letter with a combining accent is the precomposed letter', () => {
    const decomposed = 'Re\u0301ne\u0301 Mu\u0308ller';
    const clean = cleanPersonName(decomposed);
    expect(clean).toBe('Réné Müller');
    expect(clean).toBe(clean.normalize('NFC'));
    expect(codePointLength(clean)).toBe(11);
    // A tower of combining marks is cut to eight.
    expect(codePointLength(cleanPersonName(`Z${'\u0336'.repeat(50)}`))).toBe(9);
  });

  it('keeps ZWJ inside emoji and ZWNJ inside words, drops loose ones', () => {
    expect(cleanPersonName(`Gijs ${FAMILY}`)).toBe(`Gijs ${FAMILY}`);
    expect(cleanPersonName('\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645')).toContain('\u200C'); // Persian
    expect(cleanPersonName('\u200DHanna\u200D')).toBe('Hanna');
    expect(cleanPersonName('Ha \u200D nna')).toBe('Ha nna');
    expect(cleanPersonName('👩\u200D\u200D\u200D💻')).toBe('👩\u200D💻');
  });

  it('collapses whitespace runs and trims', () => {
    expect(cleanTitle('  Gezonde \u00A0\u3000 wijk  ')).toBe('Gezonde wijk');
    expect(cleanLine(' \n\t ')).toBe('');
  });

  it('limits by code points and never cuts a surrogate pair or an emoji sequence', () => {
    expect(cleanPersonName('x'.repeat(100))).toBe('x'.repeat(PERSON_NAME_MAX));
    const smileys = cleanPersonName('😀'.repeat(100));
    expect(codePointLength(smileys)).toBe(PERSON_NAME_MAX);
    expect(smileys.length).toBe(PERSON_NAME_MAX * 2);
    expect(smileys).toBe(smileys.normalize('NFC'));
    expect(/[\uD800-\uDBFF]$/.test(smileys)).toBe(false);
    // 55 letters + a 7-code-point family: the family does not fit whole, so it is left out.
    const cut = cleanPersonName(`${'a'.repeat(55)}${FAMILY}`);
    expect(cut).toBe('a'.repeat(55));
    expect(codePointLength(cleanTitle('t'.repeat(500)))).toBe(TITLE_MAX);
    expect(codePointLength(cleanTitle('g'.repeat(500), GROUP_NAME_MAX))).toBe(GROUP_NAME_MAX);
    // A cut that ends on a space leaves no trailing space.
    expect(cleanPersonName(`${'a'.repeat(59)} b`)).toBe('a'.repeat(59));
  });

  it('is what the API schemas apply (one rule, one home)', () => {
    const join = JoinRequest.parse({ joinCode: 'abc-def', name: ' Ann\u0000a \u202E ' });
    expect(join.name).toBe('Anna');
    const create = CreateSessionRequest.parse({ title: 'Wijk\u001B  West', facilitatorName: 'Jo\u0308rg' });
    expect(create).toMatchObject({ title: 'Wijk West', facilitatorName: 'Jörg' });
    expect(RenameParticipantRequest.parse({ name: `\u2066Kim${FAMILY}\u2069` }).name).toBe(`Kim${FAMILY}`);
    expect(CreateGroupsRequest.parse({ count: 1, names: ['Groep\u0000 A'] }).names).toEqual(['Groep A']);
    // Too long after cleaning is refused (counted in code points), not silently cut.
    expect(JoinRequest.safeParse({ joinCode: 'ABCDEF', name: '😀'.repeat(PERSON_NAME_MAX) }).success).toBe(true);
    expect(JoinRequest.safeParse({ joinCode: 'ABCDEF', name: '😀'.repeat(PERSON_NAME_MAX + 1) }).success).toBe(false);
    expect(CreateSessionRequest.safeParse({ title: 'x'.repeat(TITLE_MAX + 1) }).success).toBe(false);
    // Megabytes of input are refused before the rule runs.
    expect(JoinRequest.safeParse({ joinCode: 'ABCDEF', name: ' '.repeat(1_000_000) + 'a' }).success).toBe(false);
  });

  it('is stable: cleaning a clean name changes nothing', () => {
    const samples = ['Anna', `Gijs ${FAMILY}`, 'Réné', 'x'.repeat(200), `${SCOTLAND} ok`, '\u0645\u06CC\u200C\u062E'];
    for (const s of samples) expect(cleanLine(cleanLine(s))).toBe(cleanLine(s));
  });

  it('the start and rename forms send what the server stores, and refuse what it refuses', () => {
    const t = ((key: string) => key) as unknown as Parameters<typeof checkName>[0];
    for (const raw of [' Ann\u0000a \u202E ', `Gijs ${FAMILY}`, 'Re\u0301ne\u0301', 'a\t\tb']) {
      expect(checkName(t, raw)).toBeUndefined();
      expect(cleanName(raw)).toBe(JoinRequest.parse({ joinCode: 'ABCDEF', name: raw }).name);
    }
    for (const raw of ['\u202E\u0000 ', '😀'.repeat(PERSON_NAME_MAX + 1)]) {
      expect(checkName(t, raw)).toBeDefined();
      expect(JoinRequest.safeParse({ joinCode: 'ABCDEF', name: raw }).success).toBe(false);
    }
    expect(checkName(t, '😀'.repeat(PERSON_NAME_MAX))).toBeUndefined();
    expect(checkTitle(t, 'x'.repeat(TITLE_MAX + 1))).toBeDefined();
  });
});
