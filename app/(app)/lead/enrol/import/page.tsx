import { randomUUID } from 'node:crypto';
import { notFound } from 'next/navigation';
import { getTranslations } from '@/lib/i18n/server';
import { ENROLMENT_RULES } from '@/domain/enrolment';
import { can } from '@/lib/authz';
import { ENROL_CSV_COLUMNS, ENROL_CSV_LIMITS, ENROL_FIELDS, ENROL_TEXT_LIMITS } from '@/lib/enrolment-csv';
import { requireActor } from '@/lib/session';
import { EnrolNav } from '../enrol-nav';
import { EnrolImportForm } from './import-form';

// What the page suggests writing in Chinese; lib/enrolment-csv.ts accepts more spellings.
const CHINESE_HEADERS = { name: '姓名', username: '用户名', traineeClass: '类别', cohort: '批次', startDate: '入职日期', mentor: '指导客服代表' } as const;

export default async function EnrolImportPage() {
  const actor = await requireActor();
  if (!can(actor, 'trainee.enrol', { kind: 'org', orgId: actor.orgId })) notFound();
  const t = await getTranslations('enrol');
  const example = [
    ENROL_FIELDS.map((f) => CHINESE_HEADERS[f]).join(','),
    '王小明,wangxm,A类,2026-12,2026-12-01,mentor1',
    '李小红,lixh,B,2026-12,2026/12/1,mentor2',
  ].join('\n');
  return (
    <>
      <h1>{t('import.title')}</h1>
      <p className="muted prose">{t('import.intro')}</p>
      <EnrolNav current="import" />
      <section className="card" aria-labelledby="upload-heading">
        <h2 id="upload-heading">{t('import.uploadHeading')}</h2>
        <EnrolImportForm requestKey={randomUUID()} />
      </section>
      <section className="card" aria-labelledby="format-heading">
        <h2 id="format-heading">{t('import.formatHeading')}</h2>
        <div className="table-wrap">
          <table>
            <caption>{t('import.columnsCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('import.column')}</th>
                <th scope="col">{t('import.aliases')}</th>
                <th scope="col">{t('import.meaning')}</th>
              </tr>
            </thead>
            <tbody>
              {ENROL_FIELDS.map((field) => (
                <tr key={field}>
                  <td>
                    <code>{ENROL_CSV_COLUMNS[field]}</code>
                  </td>
                  <td>{CHINESE_HEADERS[field]}</td>
                  <td>
                    {t(`import.columnHelp.${field}`, {
                      max: field === 'cohort' ? ENROL_TEXT_LIMITS.cohort : ENROL_TEXT_LIMITS.name,
                      months: ENROLMENT_RULES.maxStartMonthsAhead,
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="hint">
          {t('import.fileHint', { maxRows: ENROL_CSV_LIMITS.maxRows, maxKb: Math.floor(ENROL_CSV_LIMITS.maxFileBytes / 1000) })}
        </p>
        <p className="hint">{t('import.notes')}</p>
        <h3>{t('import.example')}</h3>
        <pre className="code-block">{example}</pre>
      </section>
    </>
  );
}
