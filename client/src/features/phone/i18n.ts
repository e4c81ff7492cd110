/** Texts of the phone view (the participant's page on a phone). */
import { defineTexts } from '../../../../shared/i18n/texts.ts';
import { commonTexts } from '../../base/i18n/common.ts';

const nl = {
  'phone.cards': 'Onderdelen',
  'card.questions': commonTexts.nl.questions,
  'card.notes': commonTexts.nl.notes,
  'card.bees': "3 B's",
  'card.vote': commonTexts.nl.vote,
  'card.evaluation': 'Evaluatie',
  'phase.none': commonTexts.nl.waiting,
  'phase.noneText': 'De procesbegeleider start de eerste fase. Je kunt alvast een notitie toevoegen.',
  'phase.kicker': commonTexts.nl.now,
  'phase.more': 'Meer lezen',
  'phase.less': commonTexts.nl.less,
  'phase.answer': 'Antwoorden',
  fullBoard: 'Volledig bord openen',
  fullBoardHint: 'Het hele bord met alle notities, om te bekijken en te schuiven.',
  'notes.title': 'Notitie toevoegen',
  'notes.board': 'Op bord: {board}',
  'notes.placeholder': 'Wat wil je kwijt? Eén gedachte per notitie.',
  'notes.add': 'Notitie toevoegen',
  'notes.added': 'Je notitie staat op het bord.',
  'notes.mine': 'Mijn notities',
  'notes.none': 'Je hebt nog geen notities op dit bord.',
  'notes.delete': commonTexts.nl.delete,
  'notes.confirmDelete': commonTexts.nl.reallyDelete,
  'notes.cancel': commonTexts.nl.cancel,
  'notes.locked': 'Dit bord is op slot gezet door de procesbegeleider: je kunt nu geen notities toevoegen.',
  'bees.title': "De 3 B's voor één actor",
  'bees.text':
    'Bedoeling, belang en bijdrage: wat wil deze partner, wat staat er voor hen op het spel, wat kunnen ze bijdragen?',
  'bees.locked': 'Dit bord is op slot gezet: je kunt de 3 B’s nu alleen lezen.',
};

const en = {
  'phone.cards': 'Sections',
  'card.questions': commonTexts.en.questions,
  'card.notes': commonTexts.en.notes,
  'card.bees': "3 B's",
  'card.vote': commonTexts.en.vote,
  'card.evaluation': 'Grade',
  'phase.none': commonTexts.en.waiting,
  'phase.noneText': 'The facilitator starts the first phase. You can already add a note.',
  'phase.kicker': commonTexts.en.now,
  'phase.more': 'Read more',
  'phase.less': commonTexts.en.less,
  'phase.answer': 'Answer',
  fullBoard: 'Open the full board',
  fullBoardHint: 'The whole board with all notes, to look at and move around.',
  'notes.title': 'Add a note',
  'notes.board': 'On board: {board}',
  'notes.placeholder': 'What do you want to say? One thought per note.',
  'notes.add': 'Add note',
  'notes.added': 'Your note is on the board.',
  'notes.mine': 'My notes',
  'notes.none': 'You have no notes on this board yet.',
  'notes.delete': commonTexts.en.delete,
  'notes.confirmDelete': commonTexts.en.reallyDelete,
  'notes.cancel': commonTexts.en.cancel,
  'notes.locked': 'The facilitator has locked this board: you cannot add notes now.',
  'bees.title': "The 3 B's for one actor",
  'bees.text':
    'Intention, interest and contribution: what does this partner want, what is at stake for them, what can they bring?',
  'bees.locked': 'This board is locked: you can only read the 3 B’s now.',
};

export type PhoneKey = keyof typeof nl;
export const phoneTexts = defineTexts(nl, en);
