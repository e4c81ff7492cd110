/**
 * Builds the verslag from the session (a pure function): the order of seed 003's
 * report — title and facts, introduction, programme and methods, per group the
 * pictures of the views used, the actors with the 3 B's, the forces and the answers;
 * the plenary comparison; tips and points of attention (most votes first); the
 * evaluation; quotes; conclusion; an appendix with all actors.
 */
import { hyphenPoints } from '../hyphenation.ts';
import { methodSvg } from '../drawing/methods/index.ts';
import { compareFields, compareGroups } from '../methods/compare.ts';
import { forcesBalance } from '../methods/forces.ts';
import { isPlaced } from '../methods/geometry.ts';
import { classifyActor, TYPE_TEXTS } from '../methods/typology.ts';
import type { Actor } from '../model/board/actorSchema.ts';
import { allQuestions } from '../model/meeting/program.ts';
import { evaluationSvg } from './charts.ts';
import { boardFigures } from './figures.ts';
import type { ReportBlock, ReportModel } from './model.ts';
import type { ReportBoardSource, ReportSource } from './source.ts';
import { formatDate, formatNumber, isoDay } from '../i18n/format.ts';
import { LOCALES } from '../i18n/lang.ts';
import { showName } from '../i18n/appNames.ts';
import { isSharedKey, translate } from '../i18n/messages.ts';
import type { ReportLang, ReportTextKey } from './texts.ts';
import { joinWords, opening, sectionOfQuestion } from './sections.ts';
import { placeInWords, spreadInWords } from './words.ts';

export interface BuildOptions {
  lang?: ReportLang;
}

/** Cleans a text for a report: no control characters, trimmed; empty stays empty. */
export function cleanText(text: string, max = 5000): string {
  return (
    text
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g, '')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
      .trim()
      .slice(0, max)
      .replace(/[\ud800-\udbff]$/, '')
  );
}

function slug(text: string): string {
  const s = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return s || 'bijeenkomst';
}

export function boardLabel(board: ReportBoardSource, lang: ReportLang): string {
  // Names the app made ("Groep 1", "Plenair") in the verslag's language; typed ones as typed (issue 12).
  if (board.groupName) return showName(lang, cleanText(board.groupName, 80));
  if (board.kind === 'plenary')
    return showName(lang, cleanText(board.title, 80)) || translate(lang, 'report.plenaryBoard');
  return showName(lang, cleanText(board.title, 80));
}

function word(lang: ReportLang, value: string | null): string {
  if (!value) return translate(lang, 'report.notSet');
  // The role, level and participation words of the method views, lower case in a sentence.
  for (const kind of ['cat', 'level', 'part'] as const) {
    const key = `methods.${kind}.${value}`;
    if (isSharedKey(key)) return translate(lang, key).toLocaleLowerCase(LOCALES[lang]);
  }
  return value;
}

function sortedActors(board: ReportBoardSource): Actor[] {
  return [...board.actors].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name, 'nl'));
}

/** A board has content worth a section in the report. */
function hasContent(board: ReportBoardSource): boolean {
  return board.actors.length > 0 || board.forces.length > 0 || board.answers.length > 0 || board.items.length > 0;
}

function votesLabel(lang: ReportLang, n: number): string {
  return translate(lang, 'report.votes', { count: n });
}

export function buildReport(source: ReportSource, options: BuildOptions = {}): ReportModel {
  const lang = options.lang ?? 'nl';
  const t = (key: ReportTextKey, vars?: Record<string, string | number>) => translate(lang, `report.${key}`, vars);
  const { settings, session } = source;
  const parts = settings.parts;
  const title = cleanText(settings.title, 200) || cleanText(session.title, 200) || t('reportOf');
  const date = cleanText(settings.date, 100) || formatDate(lang, session.createdAt);
  const blocks: ReportBlock[] = [];
  let figureNo = 0;
  const figure = (svg: { svg: string; width: number; height: number }, text: string, id: string) => {
    figureNo++;
    blocks.push({ kind: 'figure', id, ...svg, caption: t('figure', { n: figureNo, text }) });
  };

  // Votes of the revealed rounds, per target id (notes, answers, actors).
  const votes = new Map<string, number>();
  for (const round of source.votes) {
    for (const [target, n] of Object.entries(round.totals)) votes.set(target, (votes.get(target) ?? 0) + n);
  }

  const groupBoards = source.boards.filter((b) => b.kind === 'group');
  const plenary = source.boards.filter((b) => b.kind === 'plenary');

  // Title and facts.
  blocks.push({ kind: 'heading', level: 1, text: title });
  const facts = [
    { label: t('date'), value: date },
    ...(cleanText(settings.place) ? [{ label: t('place'), value: cleanText(settings.place, 200) }] : []),
    ...(cleanText(session.facilitator) ? [{ label: t('facilitator'), value: cleanText(session.facilitator, 80) }] : []),
    { label: t('participants'), value: String(session.participantCount) },
  ];
  if (groupBoards.length) facts.push({ label: t('groups'), value: String(groupBoards.length) });
  blocks.push({ kind: 'facts', items: facts });

  if (cleanText(settings.intro)) {
    blocks.push({ kind: 'heading', level: 2, text: t('intro') });
    for (const p of paragraphs(settings.intro)) blocks.push({ kind: 'paragraph', text: p });
  }

  // Programme and methods.
  if (parts.programme && source.program.phases.length) {
    blocks.push({ kind: 'heading', level: 2, text: t('programme') });
    blocks.push({
      kind: 'list',
      ordered: true,
      items: source.program.phases.map((p) => {
        const minutes = p.minutes ? ` (${t('minutes', { n: p.minutes })})` : '';
        const questions = p.questions.length
          ? `: ${p.questions.map((q) => showName(lang, cleanText(q.text, 500))).join(' · ')}`
          : '';
        return `${showName(lang, cleanText(p.title, 120))}${minutes}${questions}`;
      }),
    });
  }
  const open = (id: Parameters<typeof opening>[1], generated: string) =>
    blocks.push(...opening(settings, id, generated, cleanText));
  if (parts.methods) {
    blocks.push({ kind: 'heading', level: 2, text: t('secTheorie') });
    const used = usedMethods(source.boards);
    const methodKeys: ReportTextKey[] = ['methodKrachtenveld', 'methodForces', 'methodDrieB'];
    if (used.network) methodKeys.push('methodNetwork');
    if (used.typology) methodKeys.push('methodTypology');
    open('theorie', t('introTheorie', { n: methodKeys.length }));
    blocks.push({ kind: 'list', items: methodKeys.map((k) => t(k)) });
  }
  // The individual round of the 3 B's, when the programme had one and somebody described an actor.
  const described = source.boards
    .flatMap((b) => b.actors)
    .filter((a) => cleanText(a.bedoeling) || cleanText(a.belang) || cleanText(a.bijdrage)).length;
  if (parts.groups && described && source.program.phases.some((p) => p.kind === 'round')) {
    blocks.push({ kind: 'heading', level: 2, text: t('secRonde') });
    open('ronde', `${t('introRonde')} ${t('introRondeCount', { n: described })}`);
  }

  // Per group (and the plenary board when something is on it).
  const questionText = new Map(
    allQuestions(source.program).map(({ question }) => [question.id, showName(lang, question.text)]),
  );
  const tipPhases = source.program.phases.filter((p) => p.kind === 'plenary' || p.kind === 'tips');
  const tipQuestions = new Set(tipPhases.flatMap((p) => p.questions.map((q) => q.id)));
  if (parts.groups && groupBoards.length) {
    const names = groupBoards.map((b) => boardLabel(b, lang));
    const groups =
      names.length === 1
        ? t('groupsOne', { names: names[0]! })
        : t('groupsMany', { n: names.length, names: joinWords(lang, names) });
    const questions = source.program.phases
      .filter((p) => p.kind === 'groups')
      .flatMap((p) => p.questions.map((q) => showName(lang, cleanText(q.text, 500))))
      .filter(Boolean);
    const p = session.participantCount;
    blocks.push({ kind: 'heading', level: 2, text: t('secGroepen') });
    open(
      'groepen',
      questions.length
        ? t('introGroepen', { p, groups, k: questions.length })
        : t('introGroepenNoQuestions', { p, groups }),
    );
    if (questions.length) blocks.push({ kind: 'list', ordered: true, items: questions });
  }
  if (parts.groups) {
    for (const board of [...groupBoards, ...plenary.filter(hasContent)]) {
      const label = boardLabel(board, lang);
      blocks.push({ kind: 'heading', level: 2, text: label });
      if (cleanText(board.settings.goal))
        blocks.push({
          kind: 'paragraph',
          text: t('goal', { goal: cleanText(board.settings.goal, 300) }),
          style: 'lead',
        });
      if (parts.pictures) {
        for (const f of boardFigures(board, lang)) figure(f.drawing, `${label}: ${f.label}`, `${board.id}-${f.view}`);
      }
      actorsSection(lang, board, blocks);
      // The field in motion: where the actors stood at the start, with an arrow to where they ended.
      if (movementSection(lang, board, blocks) && parts.pictures && board.startActors)
        figure(
          methodSvg('krachtenveld', board, { lang, hyphenate: hyphenPoints, from: startPositions(board.startActors) }),
          `${label}: ${t('startField')}`,
          `${board.id}-krachtenveld-begin`,
        );
      if (board.forces.length) {
        blocks.push({ kind: 'heading', level: 3, text: t('forces') });
        const balance = forcesBalance(board.forces);
        const verdictKey: ReportTextKey =
          balance.verdict === 'bevorderend'
            ? 'verdictBevorderend'
            : balance.verdict === 'belemmerend'
              ? 'verdictBelemmerend'
              : 'verdictEvenwicht';
        const sorted = [...board.forces].sort((a, b) => b.strength - a.strength || a.order - b.order);
        const side = (s: 'bevorderend' | 'belemmerend') =>
          sorted
            .filter((f) => f.side === s)
            .map((f) => `${cleanText(f.text, 1000) || t('notSet')} (${t('strength', { n: f.strength })})`);
        blocks.push({
          kind: 'table',
          columns: [t('forcesPositive'), t('forcesNegative')],
          rows: zipColumns(side('bevorderend'), side('belemmerend')),
          widths: [1, 1],
        });
        blocks.push({
          kind: 'paragraph',
          text: t('forcesBalance', {
            pos: balance.bevorderend.total,
            neg: balance.belemmerend.total,
            verdict: t(verdictKey),
          }),
        });
      }
      // Answers to the plenary and tips questions are reported under 'tips' (most votes first).
      const answers = board.answers.filter((a) => cleanText(a.text) && !tipQuestions.has(a.questionId));
      if (answers.length) {
        blocks.push({ kind: 'heading', level: 3, text: t('answers') });
        // The programme's order (phases, then questions), whatever order they were answered in (issue 15).
        const order = new Map(allQuestions(source.program).map(({ question }, i) => [question.id, i]));
        const byQuestion = new Map<string, string[]>();
        const sorted = [...answers].sort(
          (a, b) =>
            (order.get(a.questionId) ?? Infinity) - (order.get(b.questionId) ?? Infinity) ||
            a.createdAt - b.createdAt ||
            a.id.localeCompare(b.id),
        );
        for (const a of sorted) {
          const list = byQuestion.get(a.questionId) ?? [];
          list.push(cleanText(a.text, 2000));
          byQuestion.set(a.questionId, list);
        }
        for (const [qid, list] of byQuestion) {
          blocks.push({ kind: 'paragraph', text: cleanText(questionText.get(qid) ?? qid, 500), style: 'lead' });
          blocks.push({ kind: 'list', items: list });
        }
      }
    }
  }

  // The plenary comparison: where groups disagreed.
  if (parts.comparison && groupBoards.length >= 2) {
    // Matched as in the plenary: case, accents and punctuation ignored, the facilitator's merges applied.
    const groups = groupBoards.map((b) => ({ group: boardLabel(b, lang), actors: b.actors }));
    const axesOf = new Map(groupBoards.map((b) => [boardLabel(b, lang), b.settings.axes]));
    const spreads = compareGroups(groups, { merges: source.merges }).slice(0, 40);
    // Nothing placed by two groups: no section (issue 15: nothing empty printed).
    if (spreads.length) {
      blocks.push({ kind: 'heading', level: 2, text: t('comparison') });
      blocks.push({ kind: 'paragraph', text: t('comparisonIntro') });
      blocks.push({
        kind: 'table',
        columns: [t('colName'), t('spread'), t('placements')],
        widths: [3, 2, 7],
        rows: spreads.map((s) => [
          cleanText(s.name, 200),
          spreadInWords(lang, s.spread),
          s.placements
            .map((p) => {
              const axes = axesOf.get(p.group) ?? groupBoards[0]!.settings.axes;
              return `${p.group}: ${placeInWords(lang, axes, p) ?? t('notPlaced')}`;
            })
            .join('\n'),
        ]),
      });
    }
  }

  // Tips and points of attention: the plenary and tips questions' answers, most votes first.
  if (parts.tips) {
    const found: Record<'lastig' | 'tips', { question: string; answers: { id: string; text: string }[] }[]> = {
      lastig: [],
      tips: [],
    };
    const byVotes = (a: { id: string; createdAt: number }, b: { id: string; createdAt: number }) =>
      (votes.get(b.id) ?? 0) - (votes.get(a.id) ?? 0) || a.createdAt - b.createdAt;
    for (const phase of tipPhases) {
      for (const q of phase.questions) {
        const answers = source.boards
          .flatMap((b) => b.answers)
          .filter((a) => a.questionId === q.id && cleanText(a.text))
          .sort(byVotes)
          .map((a) => ({ id: a.id, text: cleanText(a.text, 2000) }));
        if (answers.length)
          found[q.section ?? sectionOfQuestion(q.text)].push({
            question: showName(lang, cleanText(q.text, 500)),
            answers,
          });
      }
    }
    const notes = plenary
      .flatMap((b) => b.items)
      .flatMap((i) => (i.kind === 'note' && cleanText(i.text) ? [i] : []))
      .sort((a, b) => (votes.get(b.id) ?? 0) - (votes.get(a.id) ?? 0) || a.y - b.y || a.x - b.x)
      .map((n) => ({ id: n.id, text: cleanText(n.text, 2000) }));
    for (const id of ['lastig', 'tips'] as const) {
      const lists = found[id];
      const withNotes = id === 'tips' && notes.length > 0;
      if (!lists.length && !withNotes) continue; // nothing recorded: no section
      blocks.push({ kind: 'heading', level: 2, text: t(id === 'lastig' ? 'secLastig' : 'secTips') });
      const top = [...lists.flatMap((l) => l.answers), ...(withNotes ? notes : [])]
        .filter((a) => (votes.get(a.id) ?? 0) > 0)
        .sort((a, b) => (votes.get(b.id) ?? 0) - (votes.get(a.id) ?? 0))
        .slice(0, 3)
        .map((a) => `‘${a.text}’ (${votesLabel(lang, votes.get(a.id) ?? 0)})`);
      const base = t(id === 'lastig' ? 'introLastig' : 'introTips');
      open(id, top.length ? `${base} ${t('introTopVotes', { top: joinWords(lang, top) })}` : base);
      const titled = lists.length + (withNotes ? 1 : 0) > 1;
      for (const l of lists) {
        if (titled) blocks.push({ kind: 'heading', level: 3, text: l.question });
        blocks.push({ kind: 'list', items: l.answers.map((a) => withVotes(lang, a.text, votes.get(a.id) ?? 0)) });
      }
      if (withNotes) {
        if (titled) blocks.push({ kind: 'heading', level: 3, text: t('plenaryNotes') });
        blocks.push({ kind: 'list', items: notes.map((n) => withVotes(lang, n.text, votes.get(n.id) ?? 0)) });
      }
    }
  }

  // Evaluation and quotes.
  const ev = source.evaluation;
  if (parts.evaluation && ev.n > 0 && ev.mean !== null) {
    blocks.push({ kind: 'heading', level: 2, text: t('evaluation') });
    {
      open(
        'evaluatie',
        t('evaluationText', {
          mean: formatNumber(lang, ev.mean, 1),
          min: ev.min ?? '',
          max: ev.max ?? '',
          count: ev.n,
        }),
      );
      if (parts.pictures)
        figure(evaluationSvg(ev.distribution, { title: t('distribution'), lang }), t('distribution'), 'evaluation');
      blocks.push({
        kind: 'table',
        columns: [t('grade'), ...ev.distribution.map((_, i) => String(i + 1))],
        rows: [[t('count'), ...ev.distribution.map(String)]],
      });
    }
  }
  if (parts.quotes && ev.quotes.length) {
    blocks.push({ kind: 'heading', level: 2, text: t('quotes') });
    for (const q of ev.quotes.slice(0, 200)) {
      const text = cleanText(q.text, 1000);
      if (!text) continue;
      const name = q.name ? ` (${cleanText(q.name, 80)})` : '';
      blocks.push({ kind: 'paragraph', text: `‘${text}’${name}`, style: 'quote' });
    }
  }

  if (cleanText(settings.conclusion)) {
    blocks.push({ kind: 'heading', level: 2, text: t('conclusion') });
    for (const p of paragraphs(settings.conclusion)) blocks.push({ kind: 'paragraph', text: p });
  }

  // Appendix: every actor of every board.
  if (parts.appendix) {
    const all = source.boards.flatMap((b) => sortedActors(b).map((a) => ({ b, a })));
    const bCols = drieBColumns(all.map(({ a }) => a));
    const rows = all
      .filter(({ b, a }) => !isBare(lang, b, a))
      .map(({ b, a }) => [
        boardLabel(b, lang),
        actorName(a),
        profile(lang, a),
        placeInWords(lang, b.settings.axes, a, true)?.replace(/, /g, '\n') ?? '',
        ...bCols.map((k) => cleanText(a[k], 2000)),
      ]);
    if (rows.length) {
      blocks.push({ kind: 'heading', level: 2, text: t('appendix') });
      blocks.push({
        kind: 'table',
        columns: [t('colBoard'), t('colName'), t('colProfile'), t('colPlacement'), ...bCols.map((k) => t(B_TEXT[k]))],
        widths: [10, 15, 15, 17, ...bCols.map(() => 14)],
        rows,
      });
    }
  }

  return {
    lang,
    title,
    subtitle: `${t('reportOf')} · ${date}`,
    blocks,
    fileName: `${t('reportOf').toLocaleLowerCase(LOCALES[lang])}-${slug(title)}-${isoDay(session.createdAt)}`,
  };
}

function actorName(a: Actor): string {
  const name = cleanText(a.name, 200);
  const org = cleanText(a.organisation, 200);
  return org && org !== name ? `${name} (${org})` : name || '–';
}

/** Role, level, participation and type, one per line, only those set ("beslisser / strategisch / ..."). */
function profile(lang: ReportLang, a: Actor): string {
  const type = classifyActor(a.inhoud, a.vertrouwen);
  return [
    ...[a.category, a.level, a.participation].flatMap((v) => (v ? [word(lang, v)] : [])),
    ...(type ? [TYPE_TEXTS[lang][type].label] : []),
  ].join('\n');
}

const DRIE_B = ['bedoeling', 'belang', 'bijdrage'] as const;
type DrieB = (typeof DRIE_B)[number];
const B_TEXT: Record<DrieB, ReportTextKey> = {
  bedoeling: 'colBedoeling',
  belang: 'colBelang',
  bijdrage: 'colBijdrage',
};

/** The 3 B's columns somebody filled in (an empty column is left out, issue 15). */
function drieBColumns(actors: readonly Actor[]): DrieB[] {
  return DRIE_B.filter((k) => actors.some((a) => cleanText(a[k])));
}

/** An actor with nothing but a name: no place, no profile, none of the 3 B's. */
function isBare(lang: ReportLang, board: ReportBoardSource, a: Actor): boolean {
  return !placeInWords(lang, board.settings.axes, a) && !profile(lang, a) && DRIE_B.every((k) => !cleanText(a[k]));
}

/** Where each placed actor stood at the start of the meeting, by id. */
function startPositions(actors: readonly Actor[]): Map<string, { houding: number; invloed: number }> {
  const at = new Map<string, { houding: number; invloed: number }>();
  for (const a of actors) if (isPlaced(a)) at.set(a.id, { houding: a.houding, invloed: a.invloed });
  return at;
}

/** The actors that moved most on the krachtenveld between the start and the end of the meeting. */
function movementSection(lang: ReportLang, board: ReportBoardSource, blocks: ReportBlock[]): boolean {
  if (!board.startActors) return false;
  const moved = compareFields(board.startActors, board.actors, 0.15)
    .moved.flatMap((m) => {
      const from = placeInWords(lang, board.settings.axes, m.before);
      const to = placeInWords(lang, board.settings.axes, m.after);
      return from && to && from !== to ? [{ name: cleanText(m.name, 200), from, to }] : [];
    })
    .slice(0, 3);
  if (!moved.length) return false;
  blocks.push({ kind: 'heading', level: 3, text: translate(lang, 'report.movement') });
  blocks.push({ kind: 'paragraph', text: translate(lang, 'report.movementIntro') });
  blocks.push({ kind: 'list', items: moved.map((m) => translate(lang, 'report.movedFromTo', m)) });
  return true;
}

/** A group's actors: a table of what was filled in; actors with only a name in one line under it. */
function actorsSection(lang: ReportLang, board: ReportBoardSource, blocks: ReportBlock[]): void {
  const t = (key: ReportTextKey, vars?: Record<string, string | number>) => translate(lang, `report.${key}`, vars);
  const actors = sortedActors(board);
  if (!actors.length) return;
  const filled = actors.filter((a) => !isBare(lang, board, a));
  const bare = actors.filter((a) => isBare(lang, board, a));
  blocks.push({ kind: 'heading', level: 3, text: t('actorsTable') });
  if (filled.length) {
    const bCols = drieBColumns(filled);
    const withProfile = filled.some((a) => profile(lang, a));
    const withPlace = filled.some((a) => placeInWords(lang, board.settings.axes, a));
    blocks.push({
      kind: 'table',
      columns: [
        t('colName'),
        ...(withProfile ? [t('colProfile')] : []),
        ...(withPlace ? [t('colPlace')] : []),
        ...bCols.map((k) => t(B_TEXT[k])),
      ],
      widths: [18, ...(withProfile ? [17] : []), ...(withPlace ? [19] : []), ...bCols.map(() => 16)],
      rows: filled.map((a) => [
        actorName(a),
        ...(withProfile ? [profile(lang, a)] : []),
        ...(withPlace ? [placeInWords(lang, board.settings.axes, a)?.replace(/, /g, '\n') ?? ''] : []),
        ...bCols.map((k) => cleanText(a[k], 2000)),
      ]),
    });
  }
  if (bare.length) blocks.push({ kind: 'paragraph', text: t('alsoNamed', { names: bare.map(actorName).join(', ') }) });
}

function withVotes(lang: ReportLang, text: string, n: number): string {
  return n > 0 ? `${text} (${votesLabel(lang, n)})` : text;
}

function paragraphs(text: string): string[] {
  return cleanText(text, 20_000)
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

function zipColumns(a: string[], b: string[]): string[][] {
  return Array.from({ length: Math.max(a.length, b.length) }, (_, i) => [a[i] ?? '', b[i] ?? '']);
}

function usedMethods(boards: readonly ReportBoardSource[]): { network: boolean; typology: boolean } {
  return {
    network: boards.some((b) => b.relations.length > 0),
    typology: boards.some((b) => b.actors.some((a) => a.inhoud !== null && a.vertrouwen !== null)),
  };
}
