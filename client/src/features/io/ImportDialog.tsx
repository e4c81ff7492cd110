/**
 * "Actoren importeren": choose a CSV or Excel file, see its columns mapped to actor
 * fields (changeable), a preview of the rows and every rejected row with its message,
 * then "Importeer n actoren". The server checks and adds everything (two steps of
 * POST .../actors/import); nothing changes before the last click.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { ACTOR_COLUMNS, type ActorColumn } from '../../../../shared/io/actorTable.ts';
import type { ImportPreview } from '../../../../shared/api.ts';
import { formatNumber } from '../../../../shared/i18n/format.ts';
import type { Lang } from '../../../../shared/i18n/lang.ts';
import { ApiRequestError, commitActorsImport, previewActorsImport } from '../../base/api/index.ts';
import { useLang, useT } from '../../base/i18n/useT.ts';
import { ioTexts } from './i18n.ts';
import './ImportDialog.css';
import './io.css';

const SHOWN_ROWS = 50;

interface ImportDialogProps {
  sessionId: string;
  boardId: string;
  boardTitle: string;
  token: string;
  onClose(): void;
  /** After a successful import: how many actors were added. */
  onDone(count: number): void;
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

function cellText(value: unknown, lang: Lang): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(lang, value);
  return String(value);
}

export function ImportDialog({ sessionId, boardId, boardTitle, token, onClose, onDone }: ImportDialogProps) {
  const t = useT(ioTexts);
  const lang = useLang();
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<(ActorColumn | null)[] | null>(null);
  const [allOrNothing, setAllOrNothing] = useState(false);
  const [busy, setBusy] = useState<'reading' | 'committing' | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  // A new file or a changed mapping: ask the server for the preview again.
  useEffect(() => {
    if (!file) return;
    let live = true;
    setBusy('reading');
    setError(null);
    previewActorsImport({ sessionId, boardId, token, file, mapping, lang })
      .then((p) => {
        if (live) setPreview(p);
      })
      .catch((err: unknown) => {
        if (!live) return;
        setPreview(null);
        setError(messageOf(err));
      })
      .finally(() => {
        if (live) setBusy(null);
      });
    return () => {
      live = false;
    };
  }, [file, mapping, sessionId, boardId, token, lang]);

  const chooseFile = (f: File | null) => {
    setPreview(null);
    setMapping(null);
    setFile(f);
  };

  const setColumn = (index: number, field: ActorColumn | null) => {
    const base = mapping ?? preview?.mapping ?? [];
    setMapping(base.map((f, i) => (i === index ? field : f)));
  };

  const commit = async () => {
    if (!file || !preview) return;
    setBusy('committing');
    setError(null);
    try {
      const result = await commitActorsImport(
        { sessionId, boardId, token, file, mapping: preview.mapping, lang },
        allOrNothing,
      );
      onDone(result.imported);
    } catch (err) {
      const details = err instanceof ApiRequestError && Array.isArray(err.details) ? err.details : [];
      const rows = details.map((d: { message?: string }) => d.message).filter(Boolean);
      setError(t('dlg.failed', { message: [messageOf(err), ...rows.slice(0, 5)].join(' ') }));
      setBusy(null);
    }
  };

  const valid = preview?.rows.filter((r) => r.ok) ?? [];
  const rejected = preview?.rows.flatMap((r) => (r.ok ? [] : r.problems)) ?? [];
  const mappedFields = (preview?.mapping ?? []).filter((f): f is ActorColumn => f !== null);
  const why = !preview
    ? busy === null
      ? t('dlg.why.noFile')
      : null
    : preview.mappingError
      ? preview.mappingError
      : valid.length === 0
        ? t('dlg.why.nothing')
        : allOrNothing && rejected.length > 0
          ? t('dlg.why.allOrNothing')
          : null;
  const canCommit = preview !== null && why === null && busy === null;

  return (
    <dialog
      ref={ref}
      className="io-dialog"
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (busy !== 'committing') onClose();
      }}
      onKeyDown={(e) => e.stopPropagation()}
      data-testid="import-dialog"
    >
      <h2 id={titleId} className="io-dialog-title">
        {t('dlg.title', { board: boardTitle })}
      </h2>
      <div className="io-dialog-body">
        <p className="io-intro">{t('dlg.intro')}</p>
        <div className="io-file">
          <input
            id={fileId}
            type="file"
            className="io-file-input"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              const chosen = e.target.files?.[0] ?? null;
              // Choosing the same (corrected) file again must read it again.
              e.target.value = '';
              if (chosen) chooseFile(chosen);
            }}
            data-testid="import-file"
          />
          <label htmlFor={fileId} className="button">
            {file ? t('dlg.otherFile') : t('dlg.file')}
          </label>
          {file ? <span className="muted">{t('dlg.fileName', { name: file.name })}</span> : null}
          {busy === 'reading' ? <span className="muted">{t('dlg.reading')}</span> : null}
        </div>
        {error ? (
          <p className="form-error" role="alert" data-testid="import-error">
            {error}
          </p>
        ) : null}
        {preview ? (
          <>
            <section className="io-section" aria-label={t('dlg.columns')}>
              <h3 className="io-heading">{t('dlg.columns')}</h3>
              <p className="muted io-hint">{t('dlg.columnsHint')}</p>
              <ul className="io-mapping" data-testid="import-mapping">
                {preview.columns.map((col, i) => {
                  const header = col.header || t('dlg.noHeader');
                  return (
                    <li key={i} className="io-mapping-row">
                      <label className="io-mapping-label">
                        <span className="io-mapping-header">{header}</span>
                        {col.samples.length ? (
                          <span className="muted io-samples">
                            {t('dlg.samples', { samples: col.samples.join(' · ') })}
                          </span>
                        ) : null}
                        <select
                          value={preview.mapping[i] ?? ''}
                          aria-label={t('dlg.column', { header })}
                          onChange={(e) => setColumn(i, (e.target.value || null) as ActorColumn | null)}
                          disabled={busy !== null}
                        >
                          <option value="">{t('dlg.skip')}</option>
                          {ACTOR_COLUMNS.map((f) => (
                            <option key={f} value={f}>
                              {t(`field.${f}`)}
                            </option>
                          ))}
                        </select>
                      </label>
                    </li>
                  );
                })}
              </ul>
              {preview.mappingError ? (
                <p className="form-error" role="alert" data-testid="mapping-error">
                  {preview.mappingError}
                </p>
              ) : null}
            </section>
            {preview.mappingError ? null : (
              <section className="io-section" aria-label={t('dlg.preview')}>
                <h3 className="io-heading">
                  {t('dlg.preview')}{' '}
                  <span className="muted io-count">
                    {t('dlg.previewCount', { valid: valid.length, total: preview.rows.length })}
                  </span>
                </h3>
                <div className="io-table-wrap">
                  <table className="io-table" data-testid="import-preview">
                    <thead>
                      <tr>
                        <th scope="col">{t('dlg.row')}</th>
                        {mappedFields.map((f) => (
                          <th key={f} scope="col">
                            {t(`field.${f}`)}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {valid.slice(0, SHOWN_ROWS).map((r) => (
                        <tr key={r.row}>
                          <td className="io-rownum">{r.row}</td>
                          {mappedFields.map((f) => (
                            <td key={f}>
                              <span className="io-cell">{r.ok ? cellText(r.actor[f], lang) : ''}</span>
                            </td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                {valid.length > SHOWN_ROWS ? (
                  <p className="muted">{t('dlg.more', { n: valid.length - SHOWN_ROWS })}</p>
                ) : null}
                {rejected.length ? (
                  <div className="io-rejected" data-testid="import-rejected">
                    <h3 className="io-heading">{t('dlg.rejected', { n: preview.rejected })}</h3>
                    <p className="io-hint">{t('dlg.rejectedHint')}</p>
                    <ul>
                      {rejected.map((p, i) => (
                        <li key={i}>{p.message}</li>
                      ))}
                    </ul>
                  </div>
                ) : (
                  <p className="io-ok">{t('dlg.noneRejected')}</p>
                )}
                <label className="io-check">
                  <input
                    type="checkbox"
                    checked={allOrNothing}
                    onChange={(e) => setAllOrNothing(e.target.checked)}
                    data-testid="import-all-or-nothing"
                  />
                  {t('dlg.allOrNothing')}
                </label>
              </section>
            )}
          </>
        ) : null}
      </div>
      <div className="io-dialog-actions">
        {why ? (
          <p className="muted io-why" data-testid="import-why">
            {why}
          </p>
        ) : null}
        <button type="button" className="button" onClick={onClose} disabled={busy === 'committing'}>
          {t('dlg.cancel')}
        </button>
        <button
          type="button"
          className="button button-primary"
          onClick={() => void commit()}
          disabled={!canCommit}
          data-testid="import-commit"
        >
          {busy === 'committing'
            ? t('dlg.committing')
            : !preview
              ? t('dlg.commitNone')
              : t('dlg.commit', { n: valid.length })}
        </button>
      </div>
    </dialog>
  );
}
