/**
 * The method views' words that the app and the drawings made outside it (the report's
 * SVG drawings on the server, the export) share: their one home. The app's
 * `client/src/features/methods/i18n.ts` takes them from here; Dutch first, English complete by type.
 */
import { defineTexts } from '../i18n/texts.ts';
import type { Lang } from '../i18n/lang.ts';
import { viewNames } from './viewNames.ts';
import { DEFAULT_AXES, type AxisLabels, type BoardSettings } from '../model/board/actorSchema.ts';

export type MethodLang = Lang;

const nl = {
  ...viewNames.nl,
  'actors.unnamed': '(zonder naam)',
  'cat.beslisser': 'Beslisser',
  'cat.uitvoerder': 'Uitvoerder',
  'cat.financier': 'Financier / leverancier',
  'cat.gebruiker': 'Gebruiker',
  'level.strategisch': 'Strategisch',
  'level.tactisch': 'Tactisch',
  'level.uitvoerend': 'Uitvoerend',
  // The typology's types: name, meaning, approach (benaderingsstrategie).
  'type.bondgenoot.label': 'Bondgenoot',
  'type.bondgenoot.meaning': 'Eens over de inhoud en een relatie met vertrouwen.',
  'type.bondgenoot.approach': 'Betrek als trekker of ambassadeur; vraag om mee te beslissen en deel successen samen.',
  'type.coalitiepartner.label': 'Coalitiepartner',
  'type.coalitiepartner.meaning': 'Eens over de inhoud, zakelijk vertrouwen.',
  'type.coalitiepartner.approach':
    'Maak heldere afspraken over rollen en bijdragen; bouw vertrouwen op met kleine gezamenlijke successen.',
  'type.opponent.label': 'Opponent',
  'type.opponent.meaning': 'Oneens over de inhoud, maar er is vertrouwen.',
  'type.opponent.approach':
    'Ga het inhoudelijke gesprek aan: zoek het gedeelde belang en gebruik de kritiek om het plan sterker te maken.',
  'type.tegenstander.label': 'Tegenstander',
  'type.tegenstander.meaning': 'Oneens over de inhoud en geen vertrouwen.',
  'type.tegenstander.approach':
    'Houd op de hoogte en anticipeer op bezwaren; investeer alleen waar het nodig is voor het doel.',
  'type.twijfelaar.label': 'Twijfelaar',
  'type.twijfelaar.meaning': 'Nog geen standpunt, vaak te weinig betrokken.',
  'type.twijfelaar.approach':
    'Informeer en enthousiasmeer: laat zien wat het hen oplevert en nodig uit om mee te denken.',
  'type.opportunist.label': 'Opportunist',
  'type.opportunist.meaning': 'Standpunt onduidelijk, houdt opties open.',
  'type.opportunist.approach':
    'Vraag om een duidelijke keuze en leg afspraken vast; maak het doel niet afhankelijk van deze partij.',
  'rel.partner': 'Huidige partner',
  'rel.potentieel': 'Potentiële partner',
  'rel.opponent': '(Mogelijke) tegenstander',
  'part.meeweten': 'Meeweten',
  'part.meedenken': 'Meedenken',
  'part.meedoen': 'Meedoen',
  'part.meebeslissen': 'Meebeslissen',
  'reltype.samenwerking': 'Samenwerking',
  'reltype.afhankelijkheid': 'Afhankelijkheid',
  'reltype.spanning': 'Spanning',
  'kv.colorBy': 'Kleur naar',
  'kv.colorBy.category': 'Rol',
  'kv.colorBy.relation': 'Relatie',
  'kv.size': 'Grootte: {name} ({low} → {high})',
  'kv.trayReadonly': 'Nog niet geplaatst',
  'kv.q.tr': 'Sleutelspelers',
  'kv.q.tl': 'Kritische machthebbers',
  'kv.q.br': 'Medestanders',
  'kv.q.bl': 'Sceptici',
  'fo.goal': 'Doel / vraagstuk',
  'fo.noGoal': 'Nog geen doel',
  'fo.bevorderend': 'Bevorderende krachten',
  'fo.belemmerend': 'Belemmerende krachten',
  'fo.total': 'Totaal {total} · {count} krachten',
  'fo.balance': 'Balans',
  'fo.verdict.bevorderend': 'De bevorderende krachten zijn sterker.',
  'fo.verdict.belemmerend': 'De belemmerende krachten zijn sterker: kijk welke je kunt verzwakken.',
  'fo.verdict.evenwicht': 'De krachten houden elkaar in evenwicht.',
  'fo.empty': 'Nog geen krachten.',
  'nw.rings': 'Ringen naar',
  'nw.rings.participation': 'Participatie',
  'nw.rings.relation': 'Relatie',
  'nw.unset': 'Nog niet bepaald',
  'nw.total': { one: '1 relatie', other: '{n} relaties' },
  'nw.isolated': 'Zonder relaties',
  'ty.x': 'Inhoud',
  'ty.xLow': 'Oneens',
  'ty.xHigh': 'Eens',
  'ty.y': 'Vertrouwen',
  'ty.yLow': 'Weinig',
  'ty.yHigh': 'Veel',
  'ty.notJudged': 'Nog niet beoordeeld',
  /** Only in drawings: markers whose name did not fit beside them carry a number. */
  'draw.key': 'Nummers in de tekening',
  'draw.empty': 'Nog geen actoren.',
  'draw.moreRelations': 'Omschrijving van de overige relaties',
  'evaluation.summary': '{mean} (spreiding {min} - {max})',
  'evaluation.none': 'nog geen cijfers',
};

export type MethodLabelKey = keyof typeof nl;

const en = {
  ...viewNames.en,
  'actors.unnamed': '(no name)',
  'cat.beslisser': 'Decision maker',
  'cat.uitvoerder': 'Implementer',
  'cat.financier': 'Funder / supplier',
  'cat.gebruiker': 'User',
  'level.strategisch': 'Strategic',
  'level.tactisch': 'Tactical',
  'level.uitvoerend': 'Operational',
  'type.bondgenoot.label': 'Ally',
  'type.bondgenoot.meaning': 'Agrees on content and there is trust.',
  'type.bondgenoot.approach': 'Involve as a lead or ambassador; invite to co-decide and share successes together.',
  'type.coalitiepartner.label': 'Coalition partner',
  'type.coalitiepartner.meaning': 'Agrees on content; business-like trust.',
  'type.coalitiepartner.approach':
    'Agree clearly on roles and contributions; build trust through small joint successes.',
  'type.opponent.label': 'Opponent',
  'type.opponent.meaning': 'Disagrees on content, but there is trust.',
  'type.opponent.approach':
    'Discuss the content: look for the shared interest and use the criticism to make the plan stronger.',
  'type.tegenstander.label': 'Adversary',
  'type.tegenstander.meaning': 'Disagrees on content and there is no trust.',
  'type.tegenstander.approach': 'Keep informed and anticipate objections; invest only where the goal requires it.',
  'type.twijfelaar.label': 'Fence-sitter',
  'type.twijfelaar.meaning': 'No position yet, often too little involvement.',
  'type.twijfelaar.approach': 'Inform and enthuse: show what it brings them and invite them to think along.',
  'type.opportunist.label': 'Opportunist',
  'type.opportunist.meaning': 'Position unclear, keeps options open.',
  'type.opportunist.approach':
    'Ask for a clear choice and record agreements; do not make the goal depend on this party.',
  'rel.partner': 'Current partner',
  'rel.potentieel': 'Potential partner',
  'rel.opponent': '(Possible) opponent',
  'part.meeweten': 'Kept informed',
  'part.meedenken': 'Consulted',
  'part.meedoen': 'Co-producing',
  'part.meebeslissen': 'Co-deciding',
  'reltype.samenwerking': 'Collaboration',
  'reltype.afhankelijkheid': 'Dependency',
  'reltype.spanning': 'Tension',
  'kv.colorBy': 'Colour by',
  'kv.colorBy.category': 'Role',
  'kv.colorBy.relation': 'Relation',
  'kv.size': 'Size: {name} ({low} → {high})',
  'kv.trayReadonly': 'Not placed yet',
  'kv.q.tr': 'Key players',
  'kv.q.tl': 'Powerful critics',
  'kv.q.br': 'Supporters',
  'kv.q.bl': 'Sceptics',
  'fo.goal': 'Goal / issue',
  'fo.noGoal': 'No goal yet',
  'fo.bevorderend': 'Driving forces',
  'fo.belemmerend': 'Restraining forces',
  'fo.total': 'Total {total} · {count} forces',
  'fo.balance': 'Balance',
  'fo.verdict.bevorderend': 'The driving forces are stronger.',
  'fo.verdict.belemmerend': 'The restraining forces are stronger: look which ones you can weaken.',
  'fo.verdict.evenwicht': 'The forces are in balance.',
  'fo.empty': 'No forces yet.',
  'nw.rings': 'Rings by',
  'nw.rings.participation': 'Participation',
  'nw.rings.relation': 'Relation',
  'nw.unset': 'Not decided yet',
  'nw.total': { one: '1 relation', other: '{n} relations' },
  'nw.isolated': 'Without relations',
  'ty.x': 'Content',
  'ty.xLow': 'Disagree',
  'ty.xHigh': 'Agree',
  'ty.y': 'Trust',
  'ty.yLow': 'Little',
  'ty.yHigh': 'Much',
  'ty.notJudged': 'Not judged yet',
  'draw.key': 'Numbers in the drawing',
  'draw.empty': 'No actors yet.',
  'draw.moreRelations': 'Descriptions of the other relations',
  'evaluation.summary': '{mean} (spread {min} - {max})',
  'evaluation.none': 'no grades yet',
};

/** The `methods` namespace of the shared dictionary (`shared/i18n/messages.ts`). */
export const methodLabels = defineTexts(nl, en);

const ENGLISH_AXES: BoardSettings['axes'] = {
  houding: { name: 'Attitude', low: 'Against', high: 'In favour' },
  invloed: { name: 'Influence', low: 'Little influence', high: 'Much influence' },
  betrokkenheid: { name: 'Interest', low: 'Small interest', high: 'Large interest' },
};

/** The axes as shown: an axis nobody renamed speaks the UI's language; a renamed one is shown as typed. */
export function displayAxes(axes: BoardSettings['axes'], lang: MethodLang): BoardSettings['axes'] {
  if (lang === 'nl') return axes;
  const same = (a: AxisLabels, b: AxisLabels) => a.name === b.name && a.low === b.low && a.high === b.high;
  return {
    houding: same(axes.houding, DEFAULT_AXES.houding) ? ENGLISH_AXES.houding : axes.houding,
    invloed: same(axes.invloed, DEFAULT_AXES.invloed) ? ENGLISH_AXES.invloed : axes.invloed,
    betrokkenheid: same(axes.betrokkenheid, DEFAULT_AXES.betrokkenheid)
      ? ENGLISH_AXES.betrokkenheid
      : axes.betrokkenheid,
  };
}
