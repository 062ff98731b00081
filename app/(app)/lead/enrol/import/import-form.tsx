'use client';

import Link from 'next/link';
import { useFormatter, useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import { FormError } from '@/components/form-messages';
import type { EnrolledTrainee } from '@/db/queries/enrolment';
import { ENROLMENT_RULES } from '@/domain/enrolment';
import {
  decodeCsvBytes,
  ENROL_CSV_LIMITS,
  splitCsvRecords,
  usernameCells,
  type CheckedEnrolRow,
  type CsvRecord,
  type EnrolCsvFatal,
  type EnrolField,
  type EnrolRowIssue,
} from '@/lib/enrolment-csv';
import { checkEnrolChunkAction, importEnrolCsvAction } from '../actions';
import type { EnrolledCredential } from '../handlers';

type Phase = 'idle' | 'checking' | 'checked' | 'importing' | 'done';
type Parsed = { header: string[]; records: CsvRecord[] };
type Done = { kind: 'imported'; trainees: EnrolledCredential[] } | { kind: 'already'; trainees: EnrolledTrainee[] };

const COLUMNS: EnrolField[] = ['name', 'username', 'traineeClass', 'cohort', 'startDate', 'mentor'];

// The server's schema caps cell length and column count; longer input still gets a row-level
// "too long" rather than a refused request.
const clip = (cells: string[]) => cells.slice(0, ENROL_CSV_LIMITS.maxColumns).map((c) => c.slice(0, ENROL_CSV_LIMITS.maxCellLength));

/**
 * Choose a file → it is sent in chunks of rows to be checked (the bar shows progress) → every row
 * is shown with its problems → if there are none, the whole list is imported in one transaction →
 * the usernames and one-time passwords are shown once, and can be downloaded as CSV.
 */
export function EnrolImportForm({ requestKey: initialKey }: { requestKey: string }) {
  const t = useTranslations('enrol');
  const format = useFormatter();
  const tc = useTranslations('common');
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>('idle');
  const [progress, setProgress] = useState({ done: 0, total: 0 });
  const [parsed, setParsed] = useState<Parsed | null>(null);
  const [rows, setRows] = useState<CheckedEnrolRow[]>([]);
  const [fatal, setFatal] = useState<EnrolCsvFatal | null>(null);
  const [formError, setFormError] = useState<string | undefined>();
  const [done, setDone] = useState<Done | null>(null);
  const [onlyProblems, setOnlyProblems] = useState(false);
  const [requestKey, setRequestKey] = useState(initialKey);

  const clear = () => {
    setPhase('idle');
    setRows([]);
    setParsed(null);
    setFatal(null);
    setFormError(undefined);
    setDone(null);
    setOnlyProblems(false);
  };

  const check = async () => {
    clear();
    if (!file) {
      setFormError('enrol.import.fileRequired');
      return;
    }
    if (file.size > ENROL_CSV_LIMITS.maxFileBytes) {
      setFatal({ code: 'file_too_large' });
      return;
    }
    const split = splitCsvRecords(decodeCsvBytes(new Uint8Array(await file.arrayBuffer())));
    if (!split || split.records.length === 0) {
      setFatal({ code: 'no_rows' });
      return;
    }
    if (split.records.length > ENROL_CSV_LIMITS.maxRows) {
      setFatal({ code: 'too_many_rows' });
      return;
    }
    const header = clip(split.header);
    const records = split.records.map((r) => ({ ...r, cells: clip(r.cells) }));
    const fileUsernames = usernameCells(header, records);
    setPhase('checking');
    setProgress({ done: 0, total: records.length });
    const checked: CheckedEnrolRow[] = [];
    for (let start = 0; start < records.length; start += ENROL_CSV_LIMITS.chunkRows) {
      const chunk = records.slice(start, start + ENROL_CSV_LIMITS.chunkRows);
      const result = await checkEnrolChunkAction({ header, records: chunk, fileUsernames });
      if (!result.ok) {
        setFormError(result.formError ?? 'errors.internal');
        setPhase('idle');
        return;
      }
      if (result.data.status === 'fatal') {
        setFatal(result.data.fatal);
        setPhase('idle');
        return;
      }
      checked.push(...result.data.rows);
      setProgress({ done: start + chunk.length, total: records.length });
    }
    setParsed({ header, records });
    setRows(checked);
    setPhase('checked');
  };

  const runImport = async () => {
    if (!parsed) return;
    setFormError(undefined);
    setPhase('importing');
    const result = await importEnrolCsvAction({ requestKey, header: parsed.header, records: parsed.records });
    if (!result.ok) {
      setFormError(result.formError ?? 'errors.internal');
      setPhase('checked');
      return;
    }
    const data = result.data;
    switch (data.status) {
      case 'imported':
        setRequestKey(data.nextRequestKey);
        setDone({ kind: 'imported', trainees: data.trainees });
        setPhase('done');
        return;
      case 'already_imported':
        setRequestKey(data.nextRequestKey);
        setDone({ kind: 'already', trainees: data.trainees });
        setPhase('done');
        return;
      case 'invalid':
        setRows(data.rows);
        setPhase('checked');
        return;
      case 'fatal':
        setFatal(data.fatal);
        setPhase('idle');
        return;
    }
  };

  const startOver = () => {
    clear();
    setFile(null);
    if (inputRef.current) inputRef.current.value = '';
  };

  const describe = (issue: EnrolRowIssue) =>
    t('import.issue', {
      field: t(`fields.${issue.field ?? 'row'}`),
      message: t(`issues.${issue.code}`, { rows: format.list((issue.rows ?? []).map(String)), months: ENROLMENT_RULES.maxStartMonthsAhead }),
    });

  const badRows = rows.filter((r) => r.issues.length > 0);
  const shownRows = onlyProblems ? badRows : rows;
  const busy = phase === 'checking' || phase === 'importing';

  return (
    <div className="stack">
      {phase !== 'done' && (
        <form
          className="stack"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void check();
          }}
        >
          <div className="field">
            <label htmlFor="enrol-file">{t('import.fileLabel')}</label>
            <input
              ref={inputRef}
              id="enrol-file"
              type="file"
              accept=".csv,text/csv"
              aria-describedby="enrol-file-hint"
              disabled={busy}
              onChange={(e) => {
                clear();
                setFile(e.target.files?.[0] ?? null);
              }}
            />
            <p className="hint" id="enrol-file-hint">
              {t('import.fileHint', { maxRows: ENROL_CSV_LIMITS.maxRows, maxKb: Math.floor(ENROL_CSV_LIMITS.maxFileBytes / 1000) })}
            </p>
          </div>
          <FormError message={formError} />
          <div className="inline">
            <button type="submit" className="btn btn-primary" disabled={busy || !file}>
              {phase === 'checking' ? tc('submitting') : t('import.check')}
            </button>
          </div>
        </form>
      )}

      {phase === 'checking' && (
        <div className="stack" aria-live="polite">
          <p id="enrol-progress-label">{t('import.checking', progress)}</p>
          <div
            className="progress"
            role="progressbar"
            aria-label={t('import.progressLabel')}
            aria-valuemin={0}
            aria-valuemax={progress.total}
            aria-valuenow={progress.done}
          >
            <span style={{ width: `${progress.total === 0 ? 0 : Math.round((progress.done / progress.total) * 100)}%` }} />
          </div>
        </div>
      )}

      {fatal && (
        <div className="alert alert-error" role="alert">
          {t(`import.fatal.${fatal.code}`, {
            columns: format.list((fatal.columns ?? []).map((c) => t(`fields.${c}`))),
            maxKb: Math.floor(ENROL_CSV_LIMITS.maxFileBytes / 1000),
            maxRows: ENROL_CSV_LIMITS.maxRows,
          })}
        </div>
      )}

      {(phase === 'checked' || phase === 'importing') && (
        <section className="stack" aria-labelledby="enrol-preview-heading">
          {badRows.length > 0 ? (
            <div className="alert alert-error" role="alert" id="enrol-preview-heading">
              {t('import.summaryBad', { count: rows.length, bad: badRows.length })}
            </div>
          ) : (
            <div className="alert alert-ok" role="status" id="enrol-preview-heading">
              {t('import.summaryOk', { count: rows.length })}
            </div>
          )}
          {badRows.length > 0 && (
            <label className="check">
              <input type="checkbox" checked={onlyProblems} onChange={(e) => setOnlyProblems(e.target.checked)} />
              {t('import.onlyProblems')}
            </label>
          )}
          <div className="table-wrap">
            <table className="enrol-preview">
              <caption>{t('import.previewCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('import.row')}</th>
                  {COLUMNS.map((c) => (
                    <th scope="col" key={c}>
                      {t(`fields.${c}`)}
                    </th>
                  ))}
                  <th scope="col">{t('import.problems')}</th>
                </tr>
              </thead>
              <tbody>
                {shownRows.map((r) => (
                  <tr key={r.row} className={r.issues.length > 0 ? 'row-invalid' : undefined}>
                    <td>{r.row}</td>
                    {COLUMNS.map((c) => (
                      <td key={c} className={r.issues.some((i) => i.field === c) ? 'cell-invalid' : undefined}>
                        {r.values[c]}
                      </td>
                    ))}
                    <td>
                      {r.issues.length === 0 ? (
                        <span className="badge badge-ok">{t('import.ok')}</span>
                      ) : (
                        <ul className="cell-issues">
                          {r.issues.map((issue, i) => (
                            <li key={i}>{describe(issue)}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {phase === 'importing' && (
            <div className="stack" aria-live="polite">
              <p>{t('import.importing', { count: rows.length })}</p>
              <div className="progress progress-busy" role="progressbar" aria-label={t('import.importing', { count: rows.length })}>
                <span />
              </div>
            </div>
          )}
          <div className="inline">
            {badRows.length === 0 && (
              <button type="button" className="btn btn-primary" onClick={() => void runImport()} disabled={busy}>
                {phase === 'importing' ? tc('submitting') : t('import.confirm', { count: rows.length })}
              </button>
            )}
            <button type="button" className="btn" onClick={startOver} disabled={busy}>
              {t('import.chooseAnother')}
            </button>
          </div>
        </section>
      )}

      {done?.kind === 'imported' && <Credentials trainees={done.trainees} onAnother={startOver} />}
      {done?.kind === 'already' && (
        <div className="stack">
          <div className="alert alert-info" role="status">
            {t('import.alreadyImported', { count: done.trainees.length })}
          </div>
          <ul>
            {done.trainees.map((tr) => (
              <li key={tr.traineeId}>
                <Link href={`/trainees/${tr.traineeId}`}>
                  {tr.displayName}（{tr.username}）
                </Link>
              </li>
            ))}
          </ul>
          <div>
            <button type="button" className="btn" onClick={startOver}>
              {t('import.another')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

/** Quotes a cell for CSV, and defuses spreadsheet formulas (a name starting with = or +). */
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function Credentials({ trainees, onAnother }: { trainees: EnrolledCredential[]; onAnother: () => void }) {
  const t = useTranslations('enrol');

  // Built in the browser from this response: the passwords are never stored or sent again.
  const download = () => {
    const lines = [
      [t('import.row'), t('fields.name'), t('fields.username'), t('created.password')],
      ...trainees.map((tr) => [String(tr.row ?? ''), tr.displayName, tr.username, tr.initialPassword]),
    ].map((cells) => cells.map(csvCell).join(','));
    // The BOM makes Excel read the file as UTF-8.
    const blob = new Blob(['\uFEFF', lines.join('\r\n'), '\r\n'], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = t('import.downloadName', { date: new Date().toISOString().slice(0, 10) });
    document.body.appendChild(link);
    link.click();
    link.remove();
    URL.revokeObjectURL(url);
  };

  return (
    <section className="stack" aria-labelledby="enrol-done-heading">
      <div className="alert alert-ok stack" role="status">
        <p>
          <strong id="enrol-done-heading">{t('import.doneTitle', { count: trainees.length })}</strong>
        </p>
        <p>{t('import.doneOnce')}</p>
      </div>
      <div className="inline">
        <button type="button" className="btn btn-primary" onClick={download}>
          {t('import.download')}
        </button>
        <button type="button" className="btn" onClick={onAnother}>
          {t('import.another')}
        </button>
      </div>
      <div className="table-wrap">
        <table>
          <caption>{t('import.credentialsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('import.row')}</th>
              <th scope="col">{t('fields.name')}</th>
              <th scope="col">{t('fields.username')}</th>
              <th scope="col">{t('created.password')}</th>
              <th scope="col">
                <span className="sr-only">{t('import.open')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {trainees.map((tr) => (
              <tr key={tr.traineeId}>
                <td>{tr.row}</td>
                <td>{tr.displayName}</td>
                <td>
                  <code>{tr.username}</code>
                </td>
                <td>
                  <code className="one-time-password">{tr.initialPassword}</code>
                </td>
                <td>
                  <Link href={`/trainees/${tr.traineeId}`} aria-label={t('created.openTrainee', { name: tr.displayName })}>
                    {t('import.open')}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
