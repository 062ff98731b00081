// A lead's change history (变更记录): every sign-off, override, waiver, extension, decision and
// correction across the organisation — who, when (in the organisation's time zone) and why —
// filtered by trainee and kind on the server, paginated, and exportable as CSV.
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { getDb } from '@/db/client';
import { AUDIT_KINDS, countAuditEntries, listAuditEntries, listAuditTrainees } from '@/db/queries/audit';
import { can } from '@/lib/authz';
import { loadProgramContext } from '@/lib/program';
import { requireActor } from '@/lib/session';
import { describeEntries, historyQueryString, PAGE_SIZE, parseHistoryQuery } from './entries';

type Search = { trainee?: string | string[]; kind?: string | string[]; page?: string | string[] };

export default async function HistoryPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor();
  if (!can(actor, 'audit.read', { kind: 'org', orgId: actor.orgId })) notFound();
  const db = getDb();
  const query = parseHistoryQuery(await searchParams);
  const t = await getTranslations('audit');
  const tPlan = await getTranslations('plan');
  const format = await getFormatter();
  const { timeZone } = loadProgramContext(db, actor.orgId);
  const filters = { orgId: actor.orgId, traineeId: query.traineeId, kind: query.kind };
  const total = countAuditEntries(db, filters);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(query.page, pages);
  const entries = listAuditEntries(db, { ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
  const details = await describeEntries(entries);
  const trainees = listAuditTrainees(db, { orgId: actor.orgId });
  const eventLabel = (kind: string) => (tPlan.has(`events.${kind}`) ? tPlan(`events.${kind}`) : kind);
  const exportHref = `/lead/history/export${historyQueryString({ traineeId: query.traineeId, kind: query.kind })}`;

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro', { timeZone })}</p>

      <form method="get" action="/lead/history" className="card history-filters" aria-label={t('filters')}>
        <div className="field">
          <label htmlFor="history-trainee">{t('trainee')}</label>
          <select id="history-trainee" name="trainee" defaultValue={query.traineeId ?? ''}>
            <option value="">{t('allTrainees')}</option>
            {trainees.map((tr) => (
              <option key={tr.id} value={tr.id}>
                {tr.displayName}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="history-kind">{t('kind')}</label>
          <select id="history-kind" name="kind" defaultValue={query.kind ?? ''}>
            <option value="">{t('allKinds')}</option>
            {AUDIT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {eventLabel(kind)}
              </option>
            ))}
          </select>
        </div>
        <div className="inline">
          <button type="submit" className="btn btn-primary">
            {t('apply')}
          </button>
          <Link href="/lead/history">{t('reset')}</Link>
          <a className="btn" href={exportHref} download>
            {t('export')}
          </a>
        </div>
      </form>

      <p className="muted small" role="status">
        {t('count', { total })}
      </p>

      {entries.length === 0 ? (
        <p className="card muted">{t('empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="history-table">
            <caption className="sr-only">{t('title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('columns.recordedAt')}</th>
                <th scope="col">{t('columns.effectiveDate')}</th>
                <th scope="col">{t('columns.trainee')}</th>
                <th scope="col">{t('columns.event')}</th>
                <th scope="col">{t('columns.details')}</th>
                <th scope="col">{t('columns.by')}</th>
                <th scope="col">{t('columns.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>{format.dateTime(new Date(e.createdAt), { dateStyle: 'medium', timeStyle: 'short', timeZone })}</td>
                  <td>{e.effectiveDate}</td>
                  <td>
                    <Link href={`/trainees/${e.traineeId}`}>{e.traineeName}</Link>
                  </td>
                  <td>
                    {eventLabel(e.kind)} <span className="muted small">#{e.id}</span>
                  </td>
                  <td className="small">{details.get(e.id)}</td>
                  <td>{e.actorName ?? tPlan('history.system')}</td>
                  <td className="history-reason">{e.reason ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {pages > 1 && (
        <nav className="inline pagination" aria-label={t('pagination')}>
          {page > 1 ? <Link href={`/lead/history${historyQueryString({ ...query, page: page - 1 })}`}>{t('previous')}</Link> : null}
          <span>{t('pageOf', { page, pages })}</span>
          {page < pages ? <Link href={`/lead/history${historyQueryString({ ...query, page: page + 1 })}`}>{t('next')}</Link> : null}
        </nav>
      )}
    </>
  );
}
