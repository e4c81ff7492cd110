/**
 * The one way the app says things (issue 12): plurals by `Intl.PluralRules`, dates and
 * numbers through `Intl` in Europe/Amsterdam (the verslag's date too), the names the
 * app makes shown in the reader's language while typed names stay as typed, and the
 * dictionaries complete and without two keys for one text.
 */
import { describe, expect, it } from 'vitest';
import { appName, showName } from '../../shared/i18n/appNames.ts';
import { formatDate, formatDateTime, formatNumber, formatTime, isoDay } from '../../shared/i18n/format.ts';
import { sharedTexts, translate } from '../../shared/i18n/messages.ts';
import { defineTexts, textsOf, translateIn, type Entry } from '../../shared/i18n/texts.ts';
import { buildReport } from '../../shared/report/build.ts';
import { renderMarkdown } from '../../server/report/markdown.ts';
import { reportFixture } from '../fixtures/reportSession.ts';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { appTexts } from '../../client/src/app/allTexts.ts';
import { commonTexts } from '../../client/src/base/i18n/common.ts';
import { coreTexts } from '../../client/src/base/i18n/core.ts';
import { translator } from '../../client/src/base/i18n/useT.ts';
import { toDraft, validateDraft } from '../../client/src/features/meeting/programDraft.ts';
import { Phase } from '../../shared/model/meeting/program.ts';
import { KRACHTENVELD_PHASES } from '../../shared/model/templates/meetingTemplates.ts';

const texts = defineTexts(
  {
    orgs: { one: '1 organisatie', other: '{count} organisaties' },
    votes: { zero: 'Nog geen stemmen', one: '1 stem', other: '{count} stemmen' },
    hello: 'Hallo {name}',
  },
  {
    orgs: { one: '1 organisation', other: '{count} organisations' },
    votes: { zero: 'No votes yet', one: '1 vote', other: '{count} votes' },
    hello: 'Hello {name}',
  },
);

describe('plurals', () => {
  it('picks the form by Intl.PluralRules and writes the count as the language does', () => {
    expect(translateIn(texts, 'nl', 'orgs', { count: 1 })).toBe('1 organisatie');
    expect(translateIn(texts, 'nl', 'orgs', { count: 0 })).toBe('0 organisaties');
    expect(translateIn(texts, 'nl', 'orgs', { count: 2 })).toBe('2 organisaties');
    expect(translateIn(texts, 'nl', 'orgs', { count: 1250 })).toBe('1.250 organisaties');
    expect(translateIn(texts, 'en', 'orgs', { count: 1 })).toBe('1 organisation');
    expect(translateIn(texts, 'en', 'orgs', { count: 1250 })).toBe('1,250 organisations');
  });

  it('says zero in its own words where the dictionary has them', () => {
    expect(translateIn(texts, 'nl', 'votes', { count: 0 })).toBe('Nog geen stemmen');
    expect(translateIn(texts, 'en', 'votes', { count: 0 })).toBe('No votes yet');
    expect(translateIn(texts, 'en', 'votes', { count: 3 })).toBe('3 votes');
  });

  it('fills placeholders and leaves an unknown one visible', () => {
    expect(translateIn(texts, 'en', 'hello', { name: 'Bo' })).toBe('Hello Bo');
    expect(translateIn(texts, 'en', 'hello')).toBe('Hello {name}');
  });

  it('is used by the shared texts: the verslag and the import say one row, one vote', () => {
    expect(translate('nl', 'report.votes', { count: 1 })).toBe('1 stem');
    expect(translate('nl', 'report.votes', { count: 4 })).toBe('4 stemmen');
    expect(translate('en', 'io.import.rejected', { count: 1 })).toMatch(/^1 row was rejected/);
    expect(translate('nl', 'io.import.rejected', { count: 3 })).toMatch(/^3 rijen zijn afgekeurd/);
    const grades = { mean: '8', min: 8, max: 8 };
    expect(translate('nl', 'report.evaluationText', { ...grades, count: 1 })).toMatch(
      /\. 1 deelnemer gaf een cijfer\.$/,
    );
    expect(translate('en', 'report.evaluationText', { ...grades, count: 1 })).toMatch(
      /\. 1 participant gave a grade\.$/,
    );
    expect(translate('nl', 'report.evaluationText', { ...grades, count: 7 })).toMatch(/\. 7 deelnemers gaven/);
  });

  it('is used by the app’s live region: one change, more changes', () => {
    expect(translateIn(coreTexts, 'nl', 'a11y.more', { count: 1 })).toBe('En nog 1 wijziging');
    expect(translateIn(coreTexts, 'nl', 'a11y.more', { count: 3 })).toBe('En nog 3 wijzigingen');
    expect(translateIn(coreTexts, 'en', 'a11y.more', { count: 1 })).toBe('And 1 more change');
  });
});

describe('dates and numbers in Europe/Amsterdam', () => {
  // 23:30 UTC on a winter night is 00:30 the next day in the Netherlands (UTC+1).
  const winterNight = Date.UTC(2026, 0, 15, 23, 30);
  // 22:30 UTC on a summer night is 00:30 the next day too (UTC+2).
  const summerNight = Date.UTC(2026, 6, 15, 22, 30);

  it('writes the date of the Dutch day, not the UTC one', () => {
    expect(formatDate('nl', winterNight)).toBe('16 januari 2026');
    expect(formatDate('en', winterNight)).toBe('16 January 2026');
    expect(formatDate('nl', summerNight)).toBe('16 juli 2026');
    expect(formatTime('nl', winterNight)).toBe('00:30');
    expect(formatTime('en', summerNight, true)).toBe('00:30:00');
    expect(formatDateTime('nl', winterNight)).toContain('16 januari 2026');
    expect(formatDateTime('nl', winterNight)).toContain('00:30');
  });

  it('writes numbers with the language’s decimal mark', () => {
    expect(formatNumber('nl', 7.8, 1)).toBe('7,8');
    expect(formatNumber('en', 7.8, 1)).toBe('7.8');
    expect(formatNumber('nl', 1.1666, 2)).toBe('1,17');
    expect(formatNumber('nl', 12)).toBe('12');
    expect(formatNumber('nl', 0.2, 2)).toBe('0,20');
    expect(formatNumber('en', 0.2, 2)).toBe('0.20');
  });

  it('names files by the Dutch day', () => {
    expect(isoDay(winterNight)).toBe('2026-01-16');
    expect(isoDay(Date.UTC(2026, 0, 15, 12))).toBe('2026-01-15');
  });

  it('gives the verslag of a session at 23:30 UTC in winter the next day’s date', () => {
    const source = reportFixture({ groups: 1 });
    source.session.createdAt = winterNight;
    const nl = renderMarkdown(buildReport(source, { lang: 'nl' }));
    const en = renderMarkdown(buildReport(source, { lang: 'en' }));
    expect(nl).toContain('16 januari 2026');
    expect(nl).not.toContain('15 januari 2026');
    expect(en).toContain('16 January 2026');
  });
});

describe('names the app makes', () => {
  it('are shown in English while they are the app’s defaults, and typed names as typed', () => {
    expect(showName('en', appName('plenary'))).toBe('Plenary');
    expect(showName('en', appName('templateBoard'))).toBe('Group board template');
    expect(showName('en', 'Groep 3')).toBe('Group 3');
    expect(showName('en', appName('theorie.title'))).toBe('Theory');
    expect(showName('en', appName('groepen.g2'))).toBe('How do the partners position themselves?');
    expect(showName('nl', 'Plenair')).toBe('Plenair');
    expect(showName('en', 'Plenair De Horst')).toBe('Plenair De Horst');
    expect(showName('en', 'Groep Noord')).toBe('Groep Noord');
  });

  it('are shown translated in the programme editor and stay the stored default while untouched', () => {
    const phases = KRACHTENVELD_PHASES.map((p) => Phase.parse(p));
    const draft = toDraft(phases, (stored) => showName('en', stored));
    const groepen = draft.find((p) => p.id === 'groepen')!;
    expect(draft[0]!.title).toBe('Theory');
    expect(groepen.questions[1]!.text).toBe('How do the partners position themselves?');
    // Untouched: the Dutch defaults are stored, so they stay translatable.
    const same = validateDraft(draft).phases!;
    expect(same.map((p) => [p.title, p.description])).toEqual(phases.map((p) => [p.title, p.description]));
    expect(same.find((p) => p.id === 'groepen')!.questions.map((q) => q.text)).toEqual(
      phases.find((p) => p.id === 'groepen')!.questions.map((q) => q.text),
    );
    // Typed: stored as typed.
    draft[0]!.title = 'Theory, briefly';
    groepen.questions[1]!.text = 'How do they stand?';
    const typed = validateDraft(draft).phases!;
    expect(typed[0]!.title).toBe('Theory, briefly');
    expect(typed[0]!.description).toBe(appName('theorie.description'));
    expect(typed.find((p) => p.id === 'groepen')!.questions[1]!.text).toBe('How do they stand?');
    // In Dutch the fields hold the stored text itself.
    expect(toDraft(phases, (stored) => showName('nl', stored))[0]!.title).toBe('Theorie');
  });

  it('leave no Dutch template names in the English verslag', () => {
    const source = reportFixture({ groups: 2 });
    const en = renderMarkdown(buildReport(source, { lang: 'en' }));
    expect(en).toContain('Group 1');
    expect(en).toContain('Exchange in small groups');
    expect(en).toContain('What is going on in the field of forces between the partners?');
    for (const dutch of ['Groep 1', 'Theorie', 'Uitwisseling in kleine groepen', 'Hoe stellen partners zich op?']) {
      expect(en).not.toContain(dutch);
    }
  });
});

describe('the shared dictionary', () => {
  it('has every key in English, and no empty text', () => {
    const nlKeys = Object.keys(sharedTexts.nl).sort();
    expect(Object.keys(sharedTexts.en).sort()).toEqual(nlKeys);
    for (const lang of ['nl', 'en'] as const) {
      for (const [key, entry] of Object.entries(sharedTexts[lang])) {
        const forms = typeof entry === 'string' ? [entry] : [entry.one, entry.other];
        for (const f of forms) expect(f.trim(), `${lang} ${key}`).not.toBe('');
      }
    }
  });
});

describe('the client translator', () => {
  it('translates, shows the app’s names and formats through the same layer', () => {
    const t = translator(coreTexts, 'en');
    expect(t('app.name')).toBe('Veldwerk');
    expect(t.lang).toBe('en');
    expect(t.name('Plenair')).toBe('Plenary');
    expect(t.name('Ons eigen bord')).toBe('Ons eigen bord');
    expect(t.date(Date.UTC(2026, 0, 15, 23, 30))).toBe('16 January 2026');
    expect(t.time(Date.UTC(2026, 0, 15, 23, 30))).toBe('00:30');
    expect(t.number(7.8, 1)).toBe('7.8');
    expect(translator(coreTexts, 'nl').number(7.8, 1)).toBe('7,8');
  });
});

describe('every dictionary of the app', () => {
  const placeholders = (e: Entry) =>
    [...new Set((typeof e === 'string' ? [e] : [e.one, e.other]).join(' ').match(/\{\w+\}/g) ?? [])].sort();

  it('has English for every Dutch key, plurals where Dutch has them, and no empty text', () => {
    const nl = appTexts.nl as Readonly<Record<string, Entry>>;
    const en = appTexts.en as Readonly<Record<string, Entry>>;
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
    for (const [key, entry] of Object.entries(nl)) {
      const other = en[key]!;
      expect(typeof other, key).toBe(typeof entry);
      for (const text of textsOf({ [key]: entry }).concat(textsOf({ [key]: other }))) {
        expect(text.trim(), key).not.toBe('');
      }
    }
  });

  it('has the same placeholders in Dutch and English (a {name} is never lost in translation)', () => {
    const nl = appTexts.nl as Readonly<Record<string, Entry>>;
    const en = appTexts.en as Readonly<Record<string, Entry>>;
    const vars = (e: Entry) =>
      placeholders(e)
        .filter((p) => p !== '{count}')
        .join();
    const differ = Object.keys(nl).filter((k) => vars(nl[k]!) !== vars(en[k]!));
    expect(differ).toEqual([]);
  });
});

describe('the common words', () => {
  const client = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../client/src');
  const dictionaries = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) return dictionaries(p);
      return /^(i18n|nl|en|messages)\.ts$/.test(e.name) ? [p] : [];
    });
  /** Keys that say the same Dutch word with another meaning (English differs). */
  const OTHER_MEANING = new Set([
    'features/meeting/i18n.ts edit.remove', // Verwijderen: "Remove" a phase
    'features/groups/i18n.ts removeYes', // Ja, verwijderen: "Yes, remove" a group
    'features/participants/i18n.ts removeYes', // ... a person from the meeting
    'features/groups/i18n.ts rename', // Naam: the button "Rename"
    'features/participate/i18n.ts e.saving', // Bezig…: "Saving…"
    'features/phone/i18n.ts card.evaluation', // Evaluatie: the phone's card "Grade"
  ]);

  it('are written once, in the common namespace, and taken from there', () => {
    const words = new Set(Object.values(commonTexts.nl) as string[]);
    const copies: string[] = [];
    for (const file of dictionaries(client)) {
      const rel = path.relative(client, file);
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^\s+'?([\w.]+)'?: '((?:[^'\\]|\\.)*)',$/gm)) {
        if (words.has(m[2]!) && !OTHER_MEANING.has(`${rel} ${m[1]}`)) copies.push(`${rel} ${m[1]}: ${m[2]}`);
      }
    }
    expect(copies.filter((c) => !c.startsWith('base/i18n/common.ts'))).toEqual([]);
  });
});
