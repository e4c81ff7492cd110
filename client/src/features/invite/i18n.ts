/**
 * Texts of joining under control (issue 11): the facilitator's switch, "Nieuwe code" and
 * the code's expiry in the invitation, and what the join form says when a code does not
 * let someone in.
 */
import { defineTexts } from '../../../../shared/i18n/texts.ts';
import { commonTexts } from '../../base/i18n/common.ts';

const nl = {
  openLabel: 'Deelnemen open',
  openText: 'Nieuwe deelnemers kunnen binnenkomen met de code, de link of de QR-code.',
  closedText:
    'Deelnemen is gesloten: de code, de link en de QR-code laten niemand meer binnen. Wie al meedoet, werkt gewoon verder.',
  validUntil: 'De code werkt tot {date}. Elke activiteit in de bijeenkomst verlengt dat.',
  expired: 'Deze code is verlopen. Maak een nieuwe code om weer mensen binnen te laten.',
  rotate: 'Nieuwe code',
  rotateHint: 'Een nieuwe deelnamecode; de huidige code en de oude links werken dan niet meer',
  rotateConfirm:
    'Een nieuwe deelnamecode maken? De huidige code {code}, de oude link en de QR-code werken dan meteen niet meer. Wie al meedoet, blijft erin; nieuwe deelnemers hebben de nieuwe code nodig.',
  rotateYes: 'Ja, nieuwe code',
  cancel: commonTexts.nl.cancel,
  rotated: 'Nieuwe code: {code}. De oude code werkt niet meer.',
  failed: commonTexts.nl.failed,
  projectionClosed: 'Deelnemen is gesloten',
  projectorText:
    'Open deze link op de computer aan de beamer: het programma, de timer en het gedeelde bord, groot en zonder knoppen.',
  projectorOpen: commonTexts.nl.open,
  projectorUrl: 'Link van het projectiescherm',
  joinClosed: 'Deelnemen aan deze bijeenkomst is gesloten. Vraag de procesbegeleider om het weer open te zetten.',
  joinExpired: 'Deze deelnamecode is verlopen. Vraag de procesbegeleider om een nieuwe code.',
};

const en = {
  openLabel: 'Joining open',
  openText: 'New participants can come in with the code, the link or the QR code.',
  closedText:
    'Joining is closed: the code, the link and the QR code let nobody in. Those already taking part carry on as before.',
  validUntil: 'The code works until {date}. Any activity in the meeting extends that.',
  expired: 'This code has expired. Make a new code to let people in again.',
  rotate: 'New code',
  rotateHint: 'A new join code; the current code and the old links stop working',
  rotateConfirm:
    'Make a new join code? The current code {code}, the old link and the QR code stop working at once. Those already taking part stay in; new participants need the new code.',
  rotateYes: 'Yes, new code',
  cancel: commonTexts.en.cancel,
  rotated: 'New code: {code}. The old code no longer works.',
  failed: commonTexts.en.failed,
  projectionClosed: 'Joining is closed',
  projectorText:
    'Open this link on the computer at the projector: the programme, the timer and the shared board, large and without buttons.',
  projectorOpen: commonTexts.en.open,
  projectorUrl: 'Link of the projector screen',
  joinClosed: 'Joining this meeting is closed. Ask the facilitator to open it again.',
  joinExpired: 'This join code has expired. Ask the facilitator for a new code.',
};

export const joiningTexts = defineTexts(nl, en);
