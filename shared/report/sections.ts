/**
 * The verslag's sections in the voice of seed 003 (issue 15): each opened by a sentence
 * made from the data, or by the facilitator's own text from the report dialog.
 */
import type { ReportSection, ReportSettings } from '../model/meeting/reportSettings.ts';
import type { ReportBlock } from './model.ts';
import { translate } from '../i18n/messages.ts';
import type { ReportLang } from './texts.ts';

/** The opening of a section: the facilitator's text when given (paragraphs), else the generated sentences. */
export function opening(
  settings: ReportSettings,
  id: ReportSection,
  generated: string,
  clean: (text: string, max?: number) => string,
): ReportBlock[] {
  const own = clean(settings.sections[id] ?? '', 5000);
  const texts = own
    ? own
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
    : [generated];
  return texts.map((text) => ({ kind: 'paragraph', text }));
}

/** "a, b en c" / "a, b and c". */
export function joinWords(lang: ReportLang, items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${translate(lang, 'report.and')} ${items[items.length - 1]!}`;
}

/**
 * Which section a plenary or tips question belongs to when its programme does not say
 * (`Question.section`, set by the krachtenveld template): the hardest aspects, or tips.
 */
export function sectionOfQuestion(text: string): 'lastig' | 'tips' {
  return /lastig|moeilijk|knelpunt|difficult|hardest/i.test(text) ? 'lastig' : 'tips';
}
