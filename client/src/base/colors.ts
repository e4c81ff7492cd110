/**
 * Stable colours per person: presence dots and note colours are derived from the
 * participant id, so everyone sees the same colour for the same person.
 */
import { NOTE_COLORS } from '../../../shared/model/board/schema.ts';

/**
 * Presence colours: distinguishable on white, calm enough for a projector, and each at
 * least 4.5:1 behind white initials (WCAG 1.4.3, issue 12).
 */
const PERSON_COLORS = ['#1f7a8c', '#b5512a', '#5b7f2b', '#7b4fa3', '#b23a5b', '#2f5fa7', '#8a6500', '#357a5f'] as const;

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

export function personColor(key: string): string {
  return PERSON_COLORS[hash(key) % PERSON_COLORS.length] ?? PERSON_COLORS[0];
}

export function noteColor(key: string): (typeof NOTE_COLORS)[number] {
  return NOTE_COLORS[hash(key) % NOTE_COLORS.length] ?? NOTE_COLORS[0];
}
