/** The app's core texts (start page, session page, board chrome) as one namespace. */
import { defineTexts } from '../../../../shared/i18n/texts.ts';
import { en } from './en.ts';
import { nl } from './nl.ts';

export const coreTexts = defineTexts(nl, en);
export type MessageKey = keyof typeof nl;
