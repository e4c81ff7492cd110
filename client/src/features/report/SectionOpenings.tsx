/**
 * The opening sentence of each section of the verslag (issue 15): empty, the report
 * opens the section with a sentence made from the data ("De bijeenkomst werd
 * gewaardeerd met een 7,8 (spreiding 6 – 9)."); typed here, the facilitator's own
 * text replaces it. Kept in the session doc's report settings, written after a short
 * pause and when the field loses focus (so a download right after typing has it).
 */
import { useEffect, useRef, useState } from 'react';
import type { Doc } from '../../../../shared/model/doc.ts';
import {
  MAX_SECTION_INTRO,
  readReportSettings,
  REPORT_SECTIONS,
  setReportSettings,
  type ReportSection,
} from '../../../../shared/model/meeting/reportSettings.ts';
import { reportTexts } from './i18n.ts';
import { useT } from '../../base/i18n/useT.ts';
import './report.css';
import './SectionOpenings.css';

export function SectionOpenings({ doc }: { doc: Doc }) {
  const t = useT(reportTexts);
  const [draft, setDraft] = useState<Partial<Record<ReportSection, string>>>(() => readReportSettings(doc).sections);
  const pending = useRef<Partial<Record<ReportSection, string>>>({});
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const flush = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (!Object.keys(pending.current).length) return;
    // Merged into what is stored now: another facilitator may have edited another section.
    setReportSettings(doc, { sections: { ...readReportSettings(doc).sections, ...pending.current } });
    pending.current = {};
  };
  const flushRef = useRef(flush);
  flushRef.current = flush;
  useEffect(() => () => flushRef.current(), []);

  const edit = (id: ReportSection, value: string) => {
    setDraft((d) => ({ ...d, [id]: value }));
    pending.current[id] = value;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(flush, 400);
  };

  return (
    <details className="report-sections" data-testid="report-sections">
      <summary>{t('sections')}</summary>
      <p className="muted">{t('sectionsHint')}</p>
      {REPORT_SECTIONS.map((id) => (
        <label key={id} className="report-field">
          <span>{t(`section.${id}`)}</span>
          <textarea
            rows={2}
            value={draft[id] ?? ''}
            maxLength={MAX_SECTION_INTRO}
            placeholder={t(`sectionPlaceholder.${id}`)}
            onChange={(e) => edit(id, e.target.value)}
            onBlur={flush}
            data-testid={`report-section-${id}`}
          />
        </label>
      ))}
    </details>
  );
}
