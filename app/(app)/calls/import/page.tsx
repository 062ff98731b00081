import { notFound } from 'next/navigation';
import { getTranslations } from '@/lib/i18n/server';
import { can } from '@/lib/authz';
import { CALL_IMPORT_LIMITS, CSV_COLUMNS, CALL_FIELDS } from '@/lib/calls-common';
import { requireActor } from '@/lib/session';
import { CallsImportForm } from './import-form';

const EXAMPLE = [
  'call_id,agent,start_time,duration_sec,direction,recording_url',
  '20261125-0001,trainee4,2026-11-25 09:02:11,186,inbound,https://pbx.example.com/rec/0001.mp3',
  '20261125-0002,trainee4,2026-11-25T09:15:40+08:00,42,outbound,',
].join('\n');

export default async function CallsImportPage() {
  const actor = await requireActor();
  if (!can(actor, 'calls.import', { kind: 'org', orgId: actor.orgId })) notFound();
  const t = await getTranslations('calls');
  return (
    <>
      <h1>{t('import.title')}</h1>
      <p className="muted prose">{t('import.intro')}</p>
      <section className="card" aria-labelledby="upload-heading">
        <h2 id="upload-heading">{t('import.uploadHeading')}</h2>
        <CallsImportForm />
      </section>
      <section className="card" aria-labelledby="format-heading">
        <h2 id="format-heading">{t('import.formatHeading')}</h2>
        <div className="table-wrap">
          <table className="calls-table">
            <caption>{t('import.columnsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('import.column')}</th>
                <th scope="col">{t('import.meaning')}</th>
              </tr>
            </thead>
            <tbody>
              {CALL_FIELDS.map((field) => (
                <tr key={field}>
                  <td>
                    <code>{CSV_COLUMNS[field]}</code>
                  </td>
                  <td>{t(`import.columnHelp.${field}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="hint">
          {t('import.limits', { maxKb: Math.floor(CALL_IMPORT_LIMITS.maxFileBytes / 1000), maxRows: CALL_IMPORT_LIMITS.maxRows })}
        </p>
        <p className="hint">{t('import.duplicates')}</p>
        <h3>{t('import.example')}</h3>
        <pre className="code-block">{EXAMPLE}</pre>
      </section>
    </>
  );
}
