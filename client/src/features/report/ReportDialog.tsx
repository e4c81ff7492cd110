/**
 * "Verslag maken": the facilitator sets the title, place, date, an introduction and a
 * conclusion, chooses the parts and the language, and downloads the verslag as Word,
 * PDF, web page or Markdown, with visible progress. The settings are kept in the
 * session doc, so they are there next time (and in the CLI's report).
 */
import { useEffect, useId, useRef, useState } from 'react';
import {
  readReportSettings,
  REPORT_PARTS,
  setReportSettings,
  type ReportPart,
  type ReportSettings,
} from '../../../../shared/model/meeting/reportSettings.ts';
import type { Doc } from '../../../../shared/model/doc.ts';
import { formatDate } from '../../../../shared/i18n/format.ts';
import { useLang, useT } from '../../base/i18n/useT.ts';
import { useIdentity, useSessionDocSnapshot, useSessionSnapshot } from '../meeting/index.ts';
import { downloadReport, ReportError, type Progress, type ReportFormat } from './download.ts';
import { reportTexts } from './i18n.ts';
import { SectionOpenings } from './SectionOpenings.tsx';
import './ReportDialog.css';
import './report.css';

const FORMATS: ReportFormat[] = ['docx', 'pdf', 'html', 'md'];
const readSettings = (doc: Doc): ReportSettings => readReportSettings(doc);
type TextField = 'title' | 'place' | 'date' | 'intro' | 'conclusion';

export function ReportButton() {
  const t = useT(reportTexts);
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button-small report-open"
        title={t('openTitle')}
        onClick={() => setOpen(true)}
        data-testid="report-open"
      >
        {t('open')}
      </button>
      {open ? <ReportDialog onClose={() => setOpen(false)} /> : null}
    </>
  );
}

export function ReportDialog({ onClose }: { onClose: () => void }) {
  const t = useT(reportTexts);
  const appLang = useLang();
  const { sessionDoc, sessionId, identity } = useIdentity();
  const session = useSessionSnapshot();
  const settings = useSessionDocSnapshot(readSettings);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [draft, setDraft] = useState<Record<TextField, string>>(() => ({
    title: settings.title,
    place: settings.place,
    date: settings.date,
    intro: settings.intro,
    conclusion: settings.conclusion,
  }));
  const [lang, setLang] = useState<'nl' | 'en'>(appLang);
  const [busy, setBusy] = useState<ReportFormat | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const pending = useRef<Partial<Record<TextField, string>>>({});
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  // Typing is written to the session doc after a short pause (and on close / download).
  const flush = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    if (Object.keys(pending.current).length) setReportSettings(sessionDoc, pending.current);
    pending.current = {};
  };
  // Written on unmount too (the dialog closed by navigation).
  const flushRef = useRef(flush);
  flushRef.current = flush;
  useEffect(() => () => flushRef.current(), []);
  const edit = (field: TextField, value: string) => {
    setDraft((d) => ({ ...d, [field]: value }));
    pending.current[field] = value;
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(flush, 400);
  };
  const togglePart = (part: ReportPart, on: boolean) =>
    setReportSettings(sessionDoc, { parts: { ...settings.parts, [part]: on } });

  const close = () => {
    flush();
    dialog.current?.close();
    onClose();
  };

  const download = async (format: ReportFormat) => {
    flush();
    setBusy(format);
    setMessage(null);
    try {
      // Give the server the latest settings (they travel through the sync connection).
      await new Promise((r) => setTimeout(r, 150));
      const file = await downloadReport(sessionId, identity.token, { format, lang }, setProgress);
      setMessage({ kind: 'ok', text: t('done', { file }) });
    } catch (err) {
      const reason = err instanceof ReportError ? err.message : t('offline');
      setMessage({ kind: 'error', text: t('failed', { reason }) });
    } finally {
      setBusy(null);
      setProgress(null);
    }
  };

  const pct =
    progress?.phase === 'receiving' && progress.total
      ? Math.min(100, Math.round((progress.received / progress.total) * 100))
      : null;

  return (
    <dialog
      ref={dialog}
      className="sheet-dialog report-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        close();
      }}
      // Keys typed here are for the dialog only (the board's shortcuts stay out).
      onKeyDown={(e) => e.stopPropagation()}
      data-testid="report-dialog"
    >
      <div className="sheet-dialog-head">
        <h2 id={titleId}>{t('title')}</h2>
        <p className="muted">{t('intro')}</p>
      </div>
      <div className="report-body">
        <div className="report-fields">
          <label className="report-field">
            <span>{t('fieldTitle')}</span>
            <input
              value={draft.title}
              maxLength={200}
              placeholder={session.title}
              onChange={(e) => edit('title', e.target.value)}
              data-testid="report-title"
            />
          </label>
          <div className="report-row">
            <label className="report-field">
              <span>{t('fieldPlace')}</span>
              <input
                value={draft.place}
                maxLength={200}
                placeholder={t('fieldPlacePlaceholder')}
                onChange={(e) => edit('place', e.target.value)}
                data-testid="report-place"
              />
            </label>
            <label className="report-field">
              <span>{t('fieldDate')}</span>
              <input
                value={draft.date}
                maxLength={100}
                placeholder={formatDate(appLang, session.createdAt || Date.now())}
                onChange={(e) => edit('date', e.target.value)}
              />
            </label>
          </div>
          <label className="report-field">
            <span>{t('fieldIntro')}</span>
            <textarea
              rows={4}
              value={draft.intro}
              maxLength={20_000}
              placeholder={t('fieldIntroPlaceholder')}
              onChange={(e) => edit('intro', e.target.value)}
              data-testid="report-intro"
            />
          </label>
          <label className="report-field">
            <span>{t('fieldConclusion')}</span>
            <textarea
              rows={4}
              value={draft.conclusion}
              maxLength={20_000}
              placeholder={t('fieldConclusionPlaceholder')}
              onChange={(e) => edit('conclusion', e.target.value)}
            />
          </label>
          <SectionOpenings doc={sessionDoc} />
          <p className="muted report-saved">{t('saved')}</p>
        </div>
        <div className="report-side">
          <fieldset className="report-parts">
            <legend>{t('parts')}</legend>
            {REPORT_PARTS.map((part) => (
              <label key={part} className="report-check">
                <input
                  type="checkbox"
                  checked={settings.parts[part]}
                  onChange={(e) => togglePart(part, e.target.checked)}
                  data-testid={`report-part-${part}`}
                />
                <span>{t(`part.${part}`)}</span>
              </label>
            ))}
          </fieldset>
          <label className="report-field">
            <span>{t('language')}</span>
            <select value={lang} onChange={(e) => setLang(e.target.value === 'en' ? 'en' : 'nl')}>
              <option value="nl">{t('langNl')}</option>
              <option value="en">{t('langEn')}</option>
            </select>
          </label>
        </div>
      </div>
      <div className="report-foot">
        <div className="report-downloads" role="group" aria-label={t('download')}>
          <span className="report-downloads-label">{t('download')}</span>
          {FORMATS.map((f) => (
            <button
              key={f}
              type="button"
              className={f === 'docx' ? 'button button-primary' : 'button'}
              disabled={busy !== null}
              aria-busy={busy === f}
              onClick={() => void download(f)}
              data-testid={`report-download-${f}`}
            >
              {t(f)}
            </button>
          ))}
        </div>
        <button type="button" className="button" onClick={close} data-testid="report-close">
          {t('close')}
        </button>
        <div className="report-status" aria-live="polite" data-testid="report-status">
          {progress ? (
            <>
              <progress max={100} value={pct ?? undefined} />
              <span>{progress.phase === 'making' ? t('making') : t('receiving', { pct: pct ?? '…' })}</span>
            </>
          ) : message ? (
            <span className={message.kind === 'error' ? 'form-error' : 'report-done'}>{message.text}</span>
          ) : null}
        </div>
      </div>
    </dialog>
  );
}
