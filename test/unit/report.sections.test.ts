/**
 * The verslag speaks as seed 003's real report (issue 15): its sections (Theorie,
 * Individuele ronde, Uitwisseling in kleine groepen, Lastige aspecten, Tips en adviezen,
 * Evaluatie, Conclusie), each opened by a sentence made from the data, which the
 * facilitator may rewrite; the rewrite is kept in the session doc.
 */
import { describe, expect, it } from 'vitest';
import { createDoc } from '../../shared/model/doc.ts';
import { readReportSettings, setReportSettings } from '../../shared/model/meeting/reportSettings.ts';
import { buildReport } from '../../shared/report/build.ts';
import type { ReportBlock } from '../../shared/report/model.ts';
import { reportFixture } from '../fixtures/reportSession.ts';

/** The first paragraph after an h2. */
function openingOf(blocks: ReportBlock[], title: string): string | undefined {
  const i = blocks.findIndex((b) => b.kind === 'heading' && b.level === 2 && b.text === title);
  const p = blocks.slice(i + 1).find((b) => b.kind === 'paragraph');
  return i >= 0 && p?.kind === 'paragraph' ? p.text : undefined;
}

describe('sections opened by sentences from the data', () => {
  const report = buildReport(reportFixture());

  it('says how many took part, in which groups, about which questions', () => {
    expect(openingOf(report.blocks, 'Uitwisseling in kleine groepen')).toBe(
      'Na een kennismaking werd met 7 deelnemers in 2 kleine groepen (Groep 1 en Groep 2) gediscussieerd over 3 vragen:',
    );
    expect(openingOf(report.blocks, 'Theorie')).toMatch(/^Na een korte uiteenzetting .* 5 methodieken besproken:$/);
    expect(openingOf(report.blocks, 'Individuele ronde')).toMatch(/Zo zijn van 16 actoren de 3 B’s beschreven\.$/);
  });

  it('gives the grade as the seed does, and the tips with most votes', () => {
    expect(openingOf(report.blocks, 'Evaluatie')).toBe(
      'De bijeenkomst werd gewaardeerd met een 7,9 (spreiding 6 – 9). 7 deelnemers gaven een cijfer.',
    );
    expect(openingOf(report.blocks, 'Tips en adviezen')).toBe(
      'Hieronder de tips en adviezen om overeenstemming te krijgen in het krachtenveld. De meeste stemmen kregen: ‘Benoem domeinverschillen’ (3 stemmen), ‘Start met 3-5 organisaties’ (2 stemmen) en ‘Ken je netwerk’ (1 stem).',
    );
    expect(openingOf(report.blocks, 'Lastige aspecten')).toBe(
      'Hieronder een overzicht van de uitkomsten van de subgroepdiscussies.',
    );
    const en = buildReport(reportFixture(), { lang: 'en' });
    expect(openingOf(en.blocks, 'Evaluation')).toBe(
      'The meeting was graded 7.9 (spread 6 – 9). 7 participants gave a grade.',
    );
  });
});

describe('the template maps questions to sections', () => {
  /** The answers listed under an h2, as texts. */
  const answersUnder = (blocks: ReportBlock[], title: string): string => {
    const i = blocks.findIndex((b) => b.kind === 'heading' && b.level === 2 && b.text === title);
    const next = blocks.findIndex((b, j) => j > i && b.kind === 'heading' && b.level === 2);
    return JSON.stringify(blocks.slice(i + 1, next < 0 ? undefined : next));
  };

  it('puts a question where the template says, whatever its words', () => {
    const source = reportFixture();
    // The plenary tips question reworded by the facilitator so that its words say "lastig":
    // the template's mapping keeps its answers under the tips.
    source.program = {
      ...source.program,
      phases: source.program.phases.map((p) => ({
        ...p,
        questions: p.questions.map((q) =>
          q.id === 'p2' ? { ...q, text: 'Wat maakt het minder lastig om overeenstemming te krijgen?' } : q,
        ),
      })),
    };
    const blocks = buildReport(source).blocks;
    expect(answersUnder(blocks, 'Tips en adviezen')).toContain('Benoem domeinverschillen');
    expect(answersUnder(blocks, 'Lastige aspecten')).not.toContain('Benoem domeinverschillen');
    // Without the mapping (a question the facilitator added), its words decide.
    source.program = {
      ...source.program,
      phases: source.program.phases.map((p) => ({
        ...p,
        questions: p.questions.map((q) => (q.id === 'p2' ? { id: q.id, text: q.text } : q)),
      })),
    };
    expect(answersUnder(buildReport(source).blocks, 'Lastige aspecten')).toContain('Benoem domeinverschillen');
  });
});

describe('the facilitator’s own openings', () => {
  it('replace the generated sentence and are kept in the session doc', () => {
    const doc = createDoc();
    setReportSettings(doc, {
      sections: { evaluatie: 'Een geslaagde middag.\n\nVolgende keer meer tijd voor de groepen.', tips: '  ' },
    });
    const settings = readReportSettings(doc);
    expect(settings.sections).toEqual({
      evaluatie: 'Een geslaagde middag.\n\nVolgende keer meer tijd voor de groepen.',
    });
    // Unknown sections and non-text are dropped.
    setReportSettings(doc, { sections: { ...settings.sections, nonsense: 'x', lastig: 3 } as never });
    expect(Object.keys(readReportSettings(doc).sections)).toEqual(['evaluatie']);

    const source = reportFixture();
    source.settings = readReportSettings(doc);
    const report = buildReport(source);
    const i = report.blocks.findIndex((b) => b.kind === 'heading' && b.text === 'Evaluatie');
    expect(report.blocks.slice(i + 1, i + 3)).toEqual([
      { kind: 'paragraph', text: 'Een geslaagde middag.' },
      { kind: 'paragraph', text: 'Volgende keer meer tijd voor de groepen.' },
    ]);
    // The others keep the sentence from the data.
    expect(openingOf(report.blocks, 'Tips en adviezen')).toMatch(/^Hieronder de tips/);
  });
});
