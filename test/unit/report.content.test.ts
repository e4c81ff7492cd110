/**
 * What the verslag says (issue 15): a group's answers in the programme's order, nothing
 * empty printed (no rows or columns of dashes, no empty sections), every actor's place
 * on the three axes in words, and the spread between groups in the words Vergelijken uses.
 */
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../server/report/markdown.ts';
import { buildReport } from '../../shared/report/build.ts';
import type { ReportBlock } from '../../shared/report/model.ts';
import { placeInWords, spreadInWords } from '../../shared/report/words.ts';
import { DEFAULT_AXES } from '../../shared/model/board/actorSchema.ts';
import { reportFixture } from '../fixtures/reportSession.ts';

type Table = Extract<ReportBlock, { kind: 'table' }>;

/** The blocks of one h2 section. */
function section(blocks: ReportBlock[], title: string): ReportBlock[] {
  const start = blocks.findIndex((b) => b.kind === 'heading' && b.level === 2 && b.text === title);
  if (start < 0) return [];
  const end = blocks.findIndex((b, i) => i > start && b.kind === 'heading' && b.level === 2);
  return blocks.slice(start + 1, end < 0 ? undefined : end);
}

describe('the order of the answers', () => {
  it('follows the programme, whatever order the group answered in', () => {
    const source = reportFixture();
    const board = source.boards[0]!;
    // Answered last question first: g3, then g2, then g1.
    board.answers = board.answers.map((a) => ({
      ...a,
      createdAt: a.questionId === 'g3' ? 1 : a.questionId === 'g2' ? 2 : 3,
    }));
    board.answers.sort((a, b) => a.createdAt - b.createdAt);
    const report = buildReport(source);
    const leads = section(report.blocks, 'Groep 1').flatMap((b) =>
      b.kind === 'paragraph' && b.style === 'lead' && b.text.endsWith('?') ? [b.text] : [],
    );
    expect(leads).toEqual([
      'Wat speelt er in het krachtenveld van samenwerkende partners?',
      'Hoe stellen partners zich op?',
      'Waarom stellen ze zich zo op?',
    ]);
    // Markdown shows the same order.
    const md = renderMarkdown(report);
    expect(md.indexOf('Wat speelt er')).toBeLessThan(md.indexOf('Hoe stellen partners'));
    expect(md.indexOf('Hoe stellen partners')).toBeLessThan(md.indexOf('Waarom stellen'));
  });
});

describe('nothing empty printed', () => {
  it('leaves out unfilled 3 B columns, unset profile words and actors with only a name', () => {
    const source = reportFixture();
    const board = source.boards[0]!;
    board.actors = board.actors.map((a, i) => ({
      ...a,
      bedoeling: '',
      bijdrage: '',
      category: i === 0 ? null : a.category,
      level: i === 0 ? null : a.level,
      participation: i === 0 ? null : a.participation,
    }));
    const bare = { ...board.actors[1]!, id: 'bare', name: 'Bibliotheek', organisation: '', order: 99 };
    Object.assign(bare, {
      houding: null,
      invloed: null,
      bedoeling: '',
      belang: '',
      bijdrage: '',
      category: null,
      level: null,
      participation: null,
      inhoud: null,
      vertrouwen: null,
    });
    board.actors.push(bare);
    const report = buildReport(source);
    const group = section(report.blocks, 'Groep 1');
    const table = group.find((b): b is Table => b.kind === 'table' && b.columns[0] === 'Actor')!;
    expect(table.columns).toEqual(['Actor', 'Rol · niveau · participatie · type', 'Plaats', 'Belang']);
    expect(table.rows.some((r) => r[0] === 'Bibliotheek')).toBe(false);
    expect(group).toContainEqual({ kind: 'paragraph', text: 'Ook genoemd, zonder verdere gegevens: Bibliotheek.' });
    for (const b of report.blocks) {
      if (b.kind !== 'table') continue;
      for (const row of b.rows) for (const cell of row) expect(cell.split('\n')).not.toContain('–');
    }
  });

  it('has no section for what nobody filled in', () => {
    const source = reportFixture({ groups: 1 });
    source.boards = source.boards.map((b) => ({
      ...b,
      answers: [],
      items: [],
      actors: b.actors.map((a) => ({ ...a, bedoeling: '', belang: '', bijdrage: '' })),
    }));
    source.evaluation = { ...source.evaluation, n: 0, mean: null, min: null, max: null, quotes: [] };
    const report = buildReport(source);
    const h2 = report.blocks.flatMap((b) => (b.kind === 'heading' && b.level === 2 ? [b.text] : []));
    expect(h2).not.toContain('Tips en aandachtspunten');
    expect(h2).not.toContain('Lastige aspecten');
    expect(h2).not.toContain('Tips en adviezen');
    expect(h2).not.toContain('Evaluatie');
    expect(h2).not.toContain('Vergelijking van de groepen');
    expect(h2).not.toContain('Individuele ronde');
    expect(report.blocks.some((b) => b.kind === 'paragraph' && b.style === 'muted')).toBe(false);
  });
});

describe('the axes in words', () => {
  it('names all three axes in the board’s words', () => {
    expect(placeInWords('nl', DEFAULT_AXES, { houding: 0.8, invloed: 0.9, betrokkenheid: 0.9 })).toBe(
      'veel invloed, houding voor, groot belang',
    );
    expect(placeInWords('nl', DEFAULT_AXES, { houding: 0, invloed: 0.1, betrokkenheid: 0.5 })).toBe(
      'weinig invloed, houding neutraal, belang middel',
    );
    expect(placeInWords('en', DEFAULT_AXES, { houding: -0.9, invloed: 0.5, betrokkenheid: 0.1 })).toBe(
      'influence medium, attitude against, small interest',
    );
    const renamed = { ...DEFAULT_AXES, invloed: { name: 'Macht', low: 'Weinig', high: 'Veel' } };
    expect(placeInWords('nl', renamed, { houding: 0.8, invloed: 0.9, betrokkenheid: 0.9 })).toBe(
      'macht veel, houding voor, groot belang',
    );
    expect(placeInWords('nl', DEFAULT_AXES, { houding: null, invloed: 0.2, betrokkenheid: 0.5 })).toBeNull();
  });

  it('gives every actor its place with belang, in the group, the comparison and the appendix', () => {
    const report = buildReport(reportFixture());
    const tables = report.blocks.filter((b): b is Table => b.kind === 'table');
    const group = tables.find((b) => b.columns.includes('Plaats'))!;
    for (const row of group.rows) expect(row[2]).toMatch(/belang/);
    const comparison = section(report.blocks, 'Vergelijking van de groepen').find(
      (b): b is Table => b.kind === 'table',
    )!;
    for (const row of comparison.rows) {
      expect(row[1]).toMatch(/^(groot verschil|enig verschil|bijna eens) \(\d,\d\d\)$/);
      expect(row[2]).toMatch(/Groep 1: .*invloed.*houding.*belang/);
    }
    const appendix = section(report.blocks, 'Bijlage: alle actoren').find((b): b is Table => b.kind === 'table')!;
    expect(appendix.columns).toContain('Plaats in het krachtenveld');
    for (const row of appendix.rows) expect(row[3]).toMatch(/belang[^\n]*\(\d,\d\)$/);
  });

  it('says the spread as Vergelijken does, with the number', () => {
    expect(spreadInWords('nl', 0.8)).toBe('groot verschil (0,80)');
    expect(spreadInWords('nl', 0.3)).toBe('enig verschil (0,30)');
    expect(spreadInWords('en', 0.1)).toBe('almost agree (0.10)');
  });
});

describe('the field in motion', () => {
  it('names the actors that moved most between the start and the end, in words', () => {
    const source = reportFixture();
    const board = source.boards[0]!;
    board.actors = board.actors.map((a, i) => (i === 0 ? { ...a, houding: 0.8, invloed: 0.9, betrokkenheid: 0.9 } : a));
    board.startActors = board.actors.map((a, i) =>
      i === 0 ? { ...a, houding: -0.8, invloed: 0.1, betrokkenheid: 0.9 } : a,
    );
    const group = section(buildReport(source).blocks, 'Groep 1');
    // One picture "begin → eind": a dashed ring where the actor stood and an arrow to where it ended.
    const start = group.find((b) => b.kind === 'figure' && b.id === `${board.id}-krachtenveld-begin`);
    expect(start).toMatchObject({
      caption: expect.stringMatching(/^Figuur \d+\. Groep 1: krachtenveld van begin naar eind/),
    });
    const svg = start?.kind === 'figure' ? start.svg : '';
    expect(svg).toContain('Wethouder');
    const moves = [...svg.matchAll(/data-move="([^"]+)"/g)].map((m) => m[1]);
    expect(moves).toEqual([board.actors[0]!.id]); // only the actor that moved
    // The arrow runs from the start (left, low: houding -0.8, invloed 0.1) up and to the right.
    const move = /<g data-move="[^"]+">(.*?)<\/g>/.exec(svg)?.[1] ?? '';
    const line = /<line x1="([\d.]+)" y1="([\d.]+)" x2="([\d.]+)" y2="([\d.]+)"/.exec(move);
    expect(line).not.toBeNull();
    const [x1, y1, x2, y2] = line!.slice(1).map(Number) as [number, number, number, number];
    expect(x2).toBeGreaterThan(x1);
    expect(y2).toBeLessThan(y1);
    const i = group.findIndex((b) => b.kind === 'heading' && b.text === 'Beweging tijdens de bijeenkomst');
    expect(i).toBeGreaterThan(0);
    expect(group[i + 2]).toEqual({
      kind: 'list',
      items: [
        'Wethouder volksgezondheid: van weinig invloed, houding tegen, groot belang naar veel invloed, houding voor, groot belang',
      ],
    });
    // Without a snapshot from the start, or when nothing moved: no such part.
    expect(
      section(buildReport(reportFixture()).blocks, 'Groep 1').some(
        (b) => b.kind === 'heading' && b.text.startsWith('Beweging'),
      ),
    ).toBe(false);
    board.startActors = board.actors;
    expect(
      section(buildReport(source).blocks, 'Groep 1').some((b) => b.kind === 'heading' && b.text.startsWith('Beweging')),
    ).toBe(false);
  });
});
