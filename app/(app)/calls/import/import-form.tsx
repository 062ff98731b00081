'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useRef, useState, useTransition } from 'react';
import { FieldError, FormError } from '@/components/form-messages';
import { loadWhenIdle } from '@/components/lazy-zod-resolver';
import { CALL_IMPORT_LIMITS, formatCallDuration } from '@/lib/calls-common';
import type { ActionResult } from '@/lib/action';
import { importCallsAction, previewCallsImportAction, type ImportOutcome } from './actions';

// The file check is the server action's schema, zod included: loaded once the page is idle, not with it.
const loadFileSchema = loadWhenIdle(() => import('./schema').then((m) => m.callsFileSchema));

/** Upload → preview (every row checked, nothing written) → import (checked again, all or nothing). */
export function CallsImportForm() {
  const t = useTranslations('calls');
  const tc = useTranslations('common');
  const format = useFormatter();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [pending, startTransition] = useTransition();

  const reset = () => {
    setFieldError(undefined);
    setFormError(undefined);
    setOutcome(null);
  };

  const run = async (action: (input: { file: Blob }) => Promise<ActionResult<ImportOutcome>>) => {
    reset();
    const callsFileSchema = await loadFileSchema();
    const checked = callsFileSchema.safeParse({ file: file ?? undefined });
    if (!checked.success) {
      setFieldError(checked.error.issues[0]?.message);
      return;
    }
    startTransition(async () => {
      const result = await action({ file: checked.data.file });
      if (result.ok) setOutcome(result.data);
      else {
        setFieldError(result.fieldErrors.file?.[0]);
        setFormError(result.formError ?? 'errors.internal');
      }
    });
  };

  const startOver = () => {
    reset();
    setFile(null);
    if (inputRef.current) inputRef.current.value = '';
  };

  return (
    <div className="stack">
      <form
        className="stack"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          run(previewCallsImportAction);
        }}
      >
        <div className="field">
          <label htmlFor="calls-file">{t('import.fileLabel')}</label>
          <input
            ref={inputRef}
            id="calls-file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-invalid={!!fieldError}
            aria-describedby="calls-file-hint"
            onChange={(e) => {
              reset();
              setFile(e.target.files?.[0] ?? null);
            }}
          />
          <p className="hint" id="calls-file-hint">
            {t('import.fileHint')}
          </p>
          <FieldError message={fieldError} />
        </div>
        <FormError message={formError} />
        <div className="inline">
          <button type="submit" className="btn btn-primary" disabled={pending || !file}>
            {pending ? tc('submitting') : t('import.preview')}
          </button>
        </div>
      </form>

      {outcome?.status === 'fatal' && (
        <div className="alert alert-error" role="alert">
          {t(`import.fatal.${outcome.fatal.code}`, {
            columns: format.list(outcome.fatal.columns ?? []),
            maxKb: Math.floor(CALL_IMPORT_LIMITS.maxFileBytes / 1000),
            maxRows: CALL_IMPORT_LIMITS.maxRows,
          })}
        </div>
      )}

      {outcome?.status === 'invalid' && (
        <section className="stack" aria-labelledby="import-issues-heading">
          <div className="alert alert-error" role="alert">
            <strong id="import-issues-heading">{t('import.invalidTitle', { count: outcome.issueCount })}</strong>{' '}
            {t('import.nothingImported')}
          </div>
          <div className="table-wrap">
            <table className="calls-table">
              <caption>{t('import.issuesCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('import.row')}</th>
                  <th scope="col">{t('import.field')}</th>
                  <th scope="col">{t('import.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {outcome.issues.map((issue, i) => (
                  <tr key={`${issue.row}-${issue.field}-${i}`}>
                    <td>{issue.row}</td>
                    <td>{issue.field ? t(`fields.${issue.field}`) : '—'}</td>
                    <td>{t(`issues.${issue.code}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {outcome.issueCount > outcome.issues.length && (
            <p className="muted">{t('import.moreIssues', { count: outcome.issueCount - outcome.issues.length })}</p>
          )}
        </section>
      )}

      {outcome?.status === 'ready' && (
        <section className="stack" aria-labelledby="import-preview-heading">
          <h2 id="import-preview-heading">{t('import.previewTitle')}</h2>
          <p role="status">
            {t('import.previewSummary', { rows: outcome.rowCount, fresh: outcome.newCount, present: outcome.alreadyPresentCount })}
          </p>
          <div className="table-wrap">
            <table className="calls-table calls-table-wide">
              <caption>{t('import.previewCaption', { shown: outcome.preview.length, rows: outcome.rowCount })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('import.row')}</th>
                  <th scope="col">{t('fields.callId')}</th>
                  <th scope="col">{t('trainee')}</th>
                  <th scope="col">{t('fields.startTime')}</th>
                  <th scope="col">{t('dayColumn')}</th>
                  <th scope="col">{t('fields.durationSec')}</th>
                  <th scope="col">{t('fields.direction')}</th>
                  <th scope="col">{t('import.state')}</th>
                </tr>
              </thead>
              <tbody>
                {outcome.preview.map((r) => (
                  <tr key={r.row}>
                    <td>{r.row}</td>
                    <td>{r.callId}</td>
                    <td>{r.traineeName}</td>
                    <td>{format.dateTime(new Date(r.startedAt), { dateStyle: 'short', timeStyle: 'medium', timeZone: outcome.timeZone })}</td>
                    <td>{r.day}</td>
                    <td>{formatCallDuration(r.durationSec)}</td>
                    <td>{t(`directions.${r.direction}`)}</td>
                    <td>
                      {r.alreadyPresent ? <span className="badge">{t('import.alreadyPresent')}</span> : <span className="badge badge-ok">{t('import.new')}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="inline">
            <button type="button" className="btn btn-primary" disabled={pending || outcome.newCount === 0} onClick={() => run(importCallsAction)}>
              {pending ? tc('submitting') : t('import.confirm', { count: outcome.newCount })}
            </button>
            <button type="button" className="btn" onClick={startOver} disabled={pending}>
              {tc('cancel')}
            </button>
          </div>
          {outcome.newCount === 0 && <p className="hint">{t('import.nothingNew')}</p>}
        </section>
      )}

      {outcome?.status === 'imported' && (
        <div className="stack">
          <div className="alert alert-ok" role="status">
            {t('import.done', { imported: outcome.imported, present: outcome.alreadyPresent })}
          </div>
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
