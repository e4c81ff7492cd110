/**
 * What the facilitator sets for the verslag (report), kept in the session doc so it is
 * saved and shared like everything else: title, place, date, introduction, conclusion
 * which parts to include, and the facilitator's own opening sentence of each section.
 *
 * Layout in the session doc:
 *   report: Y.Map { settings: ReportSettings }   (plain JSON, replaced whole)
 */
import { z } from 'zod';
import { Origin, type Doc } from '../doc.ts';

export const REPORT_PARTS = [
  'programme',
  'methods',
  'groups',
  'pictures',
  'comparison',
  'tips',
  'evaluation',
  'quotes',
  'appendix',
] as const;
export type ReportPart = (typeof REPORT_PARTS)[number];

/**
 * The verslag's sections after seed 003 whose opening sentence the facilitator may
 * rewrite (issue 15); empty: the sentence made from the data.
 */
export const REPORT_SECTIONS = ['theorie', 'ronde', 'groepen', 'lastig', 'tips', 'evaluatie'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];
export const MAX_SECTION_INTRO = 5000;

export const ReportSettings = z.object({
  /** Empty: the session's title. */
  title: z.string().max(200).catch(''),
  place: z.string().max(200).catch(''),
  /** Free text ("22 november 2026"); empty: the session's date. */
  date: z.string().max(100).catch(''),
  intro: z.string().max(20_000).catch(''),
  conclusion: z.string().max(20_000).catch(''),
  /** The facilitator's own opening of a section, by `REPORT_SECTIONS` id; a missing or empty one: made from the data. */
  sections: z
    .record(z.string(), z.unknown())
    .catch({})
    .transform(
      (r) =>
        Object.fromEntries(
          REPORT_SECTIONS.flatMap((k) => {
            const v = r[k];
            return typeof v === 'string' && v.trim() ? [[k, v.slice(0, MAX_SECTION_INTRO)]] : [];
          }),
        ) as Partial<Record<ReportSection, string>>,
    ),
  parts: z
    .record(z.string(), z.boolean())
    .catch({})
    .transform((p) => Object.fromEntries(REPORT_PARTS.map((k) => [k, p[k] ?? true])) as Record<ReportPart, boolean>),
});
export type ReportSettings = z.infer<typeof ReportSettings>;
export type ReportSettingsInput = z.input<typeof ReportSettings>;

const reportOf = (doc: Doc) => doc.getMap<unknown>('report');

export function readReportSettings(doc: Doc): ReportSettings {
  const parsed = ReportSettings.safeParse(reportOf(doc).get('settings') ?? {});
  return parsed.success ? parsed.data : ReportSettings.parse({});
}

export function setReportSettings(
  doc: Doc,
  patch: Partial<ReportSettingsInput>,
  origin: unknown = Origin.local,
): ReportSettings {
  const next = ReportSettings.parse({ ...readReportSettings(doc), ...patch });
  doc.transact(() => reportOf(doc).set('settings', next), origin);
  return next;
}
