import { getTranslations } from '@/lib/i18n/server';
import { getDb } from '@/db/client';
import { can } from '@/lib/authz';
import { buildDashboardTable, isDashboardTableId, loadLeadDashboard, parseDashboardFilters, readNameSearch, NAME_SEARCH_MAX_LENGTH } from '@/lib/dashboard';
import { EXPORT_CONTENT_TYPES, exportFileName, toCsv, toXlsx, type ExportFormat } from '@/lib/export';
import { getActor } from '@/lib/session';

// Always computed for the asking lead and today's date; never cached.
export const dynamic = 'force-dynamic';

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

/** One dashboard table as CSV or XLSX with every row (the page shows one page of it), with the page's filters (?cohort=&class=&mentor=&stage=&q=&format=csv|xlsx). */
export async function GET(request: Request, { params }: { params: Promise<{ table: string }> }): Promise<Response> {
  const actor = await getActor();
  // Like the page: a forbidden report looks like a missing one.
  if (!actor || !can(actor, 'report.read', { kind: 'org', orgId: actor.orgId })) return notFound();
  const { table: tableId } = await params;
  if (!isDashboardTableId(tableId)) return notFound();
  const query = new URL(request.url).searchParams;
  const formatParam = query.get('format') ?? 'csv';
  if (formatParam !== 'csv' && formatParam !== 'xlsx') {
    return new Response('format must be csv or xlsx', { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  }
  const format: ExportFormat = formatParam;
  const t = await getTranslations('dashboard');
  // The page ignores an unusable name search and says so; a file can't, and all rows instead of the
  // asked-for trainee would pass for an answer. The page's own links never carry one.
  const search = readNameSearch(query);
  if (search.problem) {
    return new Response(t(`search.problems.${search.problem}`, { max: NAME_SEARCH_MAX_LENGTH }), {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }

  const { today, dashboard } = loadLeadDashboard(getDb(), actor.orgId, parseDashboardFilters(query));
  const tt = await getTranslations('trainee');
  const table = buildDashboardTable(dashboard, tableId, { t, tt });
  const body = format === 'xlsx' ? new Uint8Array(await toXlsx([table])) : toCsv(table);
  const filename = exportFileName(tableId, today, format);
  return new Response(body, {
    headers: {
      'Content-Type': EXPORT_CONTENT_TYPES[format],
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
