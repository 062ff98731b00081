import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from '@/lib/i18n/server';
import { BarChart, type Bar } from '@/components/charts/bar-chart';
import { getDb } from '@/db/client';
import { stageBuckets, type StageBucket } from '@/domain/dashboard';
import { can } from '@/lib/authz';
import {
  buildDashboardPageTables,
  dashboardPageHref,
  filtersToQuery,
  loadLeadDashboardPage,
  NAME_SEARCH_MAX_LENGTH,
  parseDashboardFilters,
  parseDashboardPages,
  readNameSearch,
  stageLabel,
  type DashboardFilters,
  type DashboardPages,
  type DashboardPageTable,
  type DashboardTable,
  type DashboardTableId,
  type PagedTableId,
} from '@/lib/dashboard';
import { requireActor } from '@/lib/session';

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const BUCKET_TONES: Partial<Record<StageBucket, Bar['tone']>> = {
  needs_decision: 'bad',
  extension: 'warn',
  retraining: 'warn',
  certified: 'ok',
  exited: 'muted',
  not_started: 'muted',
};

/**
 * The lead's home: the cohort at a glance, filtered on the server by GET parameters. The long tables
 * show a page at a time (each its own page parameter); every table exports with all its rows.
 */
export default async function LeadDashboardPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  if (!can(actor, 'report.read', { kind: 'org', orgId: actor.orgId })) notFound();
  const t = await getTranslations('dashboard');
  const tt = await getTranslations('trainee');
  const params = await searchParams;
  const filters = parseDashboardFilters(params);
  const search = readNameSearch(params);
  const { today, view: dashboard, pages, cohorts, mentors } = loadLeadDashboardPage(getDb(), actor.orgId, filters, parseDashboardPages(params));
  const tables = buildDashboardPageTables(dashboard, { t, tt });
  const query = filtersToQuery(filters);
  const stageWord = (stage: StageBucket) => stageLabel(stage, tt);
  const paging = { filters, pages };

  const stageBars: Bar[] = dashboard.stages.map((s) => ({
    label: stageWord(s.stage),
    value: s.count,
    tone: BUCKET_TONES[s.stage] ?? 'default',
  }));
  const passBars: Bar[] = dashboard.classPassRates.map((r) => {
      const label = t('charts.passBar', { class: r.group.by === 'class' ? r.group.traineeClass : '', gate: t(`charts.gatesShort.${r.gate}`) });
      const valueLabel =
        r.rate === null
          ? t('charts.passNone')
          : t('charts.passValue', { rate: Math.round(r.rate * 100), passed: r.passedFirstTime, attempted: r.attempted });
      return { label, value: r.rate === null ? 0 : Math.round(r.rate * 100), valueLabel, tone: 'ok' as const };
    });
  const separator = t('charts.separator');
  const anyPassResult = dashboard.classPassRates.some((r) => r.attempted > 0);

  return (
    <div className="lead-dashboard">
      <h1>{t('title')}</h1>
      <p className="muted small">{t('asOf', { date: today })}</p>

      <form method="get" action="/lead" className="card dashboard-filters" aria-labelledby="filters-heading">
        <h2 id="filters-heading">{t('filters.title')}</h2>
        <div className="dashboard-filter-fields">
          <div className="field dashboard-filter-search">
            <label htmlFor="filter-q">{t('filters.q')}</label>
            <input
              id="filter-q"
              name="q"
              type="search"
              defaultValue={search.typed}
              maxLength={NAME_SEARCH_MAX_LENGTH}
              autoComplete="off"
              spellCheck={false}
              enterKeyHint="search"
              aria-describedby={search.problem ? 'filter-q-hint filter-q-error' : 'filter-q-hint'}
              aria-invalid={search.problem ? true : undefined}
            />
            <p className="hint" id="filter-q-hint">
              {t('filters.qHint', { max: NAME_SEARCH_MAX_LENGTH })}
            </p>
            {search.problem && (
              <p className="field-error" id="filter-q-error" role="alert">
                {t(`search.problems.${search.problem}`, { max: NAME_SEARCH_MAX_LENGTH })}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor="filter-cohort">{t('filters.cohort')}</label>
            <select id="filter-cohort" name="cohort" defaultValue={filters.cohort ?? ''}>
              <option value="">{t('filters.all')}</option>
              {cohorts.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-class">{t('filters.class')}</label>
            <select id="filter-class" name="class" defaultValue={filters.traineeClass ?? ''}>
              <option value="">{t('filters.all')}</option>
              <option value="A">{tt('classes.A')}</option>
              <option value="B">{tt('classes.B')}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-mentor">{t('filters.mentor')}</label>
            <select id="filter-mentor" name="mentor" defaultValue={filters.mentorId ? String(filters.mentorId) : ''}>
              <option value="">{t('filters.all')}</option>
              {mentors.map((m) => (
                <option key={m.id} value={String(m.id)}>
                  {m.displayName}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-stage">{t('filters.stage')}</label>
            <select id="filter-stage" name="stage" defaultValue={filters.stage ?? ''}>
              <option value="">{t('filters.all')}</option>
              {stageBuckets.map((s) => (
                <option key={s} value={s}>
                  {stageWord(s)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="inline">
          <button type="submit" className="btn btn-primary">
            {t('filters.apply')}
          </button>
          {(query !== '' || search.typed !== '') && (
            <Link href="/lead" className="btn">
              {t('filters.reset')}
            </Link>
          )}
          <span className="muted small" role="status">
            {filters.q === undefined
              ? t('filters.showing', { count: dashboard.total })
              : t('search.showing', { matched: dashboard.roster.total, total: dashboard.total, q: filters.q })}
          </span>
        </div>
      </form>
      {filters.q !== undefined && (
        // The search finds people; it doesn't redefine the group the figures describe.
        <p className="alert alert-info dashboard-search-scope">
          {t('search.scope', { trainees: tables.trainees.title, behind: tables.behind.title, failures: tables.failures.title, total: dashboard.total })}
        </p>
      )}

      <section aria-labelledby="summary-heading">
        <h2 id="summary-heading" className="sr-only">
          {t('summary.title')}
        </h2>
        <dl className="facts dashboard-summary">
          <div>
            <dt>{t('summary.total')}</dt>
            <dd>{dashboard.total}</dd>
          </div>
          {(['on_track', 'behind', 'awaiting_assessment', 'needs_decision', 'certified'] as const).map((status) => (
            <div key={status}>
              <dt>{t(`summary.${status}`)}</dt>
              <dd>
                <span className={`badge status-${status}`}>{dashboard.statusCounts[status]}</span>
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <div className="dashboard-charts">
        <section className="card" aria-labelledby="stages-heading">
          <h2 id="stages-heading">{t('tables.stages')}</h2>
          <BarChart
            id="chart-stages"
            title={t('charts.stagesTitle')}
            description={stageBars.map((b) => t('charts.stagesItem', { stage: b.label, count: b.value })).join(separator)}
            bars={stageBars}
            labelHeader={t('columns.stage')}
            valueHeader={t('charts.countHeader')}
          />
          <ExportLinks table={tables.stages} query={query} />
        </section>
        <section className="card" aria-labelledby="pass-heading">
          <h2 id="pass-heading">{t('charts.passTitle')}</h2>
          {anyPassResult ? (
            <BarChart
              id="chart-pass-rates"
              title={t('charts.passTitle')}
              description={passBars.map((b) => t('charts.passItem', { label: b.label, value: b.valueLabel ?? '' })).join(separator)}
              bars={passBars}
              max={100}
              labelHeader={t('columns.group')}
              valueHeader={t('columns.rate')}
            />
          ) : (
            <p className="muted">{t('charts.passEmpty')}</p>
          )}
        </section>
      </div>

      <DataSection table={tables.behind} query={query} hint={t('hints.behind')} paging={paging} search={filters.q} />
      <DataSection table={tables.trainees} query={query} linkNames paging={paging} search={filters.q} />
      <DataSection table={tables.failures} query={query} hint={t('hints.failures')} paging={paging} search={filters.q} />
      <DataSection table={tables['pass-rates']} query={query} hint={t('hints.pass-rates')} paging={paging} />
      <DataSection table={tables.certification} query={query} hint={t('hints.certification')} />
      <DataSection table={tables.mentors} query={query} hint={t('hints.mentors')} paging={paging} />
    </div>
  );
}

const NUMERIC_COLUMNS = new Set([
  'daysLeft',
  'attempt',
  'score',
  'attempted',
  'passedFirst',
  'rate',
  'certified',
  'medianDays',
  'minDays',
  'maxDays',
  'activeMentees',
  'behindMentees',
  'pendingReviews',
  'count',
]);
/** Long text that wraps instead of widening the table. */
const WRAPPING_COLUMNS = new Set(['issue', 'followUp', 'dates']);

// Props per column, built once: a text cell carries no attribute at all. Every attribute of every
// cell is paid twice per request (in the HTML and in the page's RSC payload), and the tables are most
// of this page.
const NUM = { className: 'num' };
const WRAP = { className: 'wrap' };
function cellProps(column: string): { className: string } | null {
  return NUMERIC_COLUMNS.has(column) ? NUM : WRAPPING_COLUMNS.has(column) ? WRAP : null;
}

async function ExportLinks({ table, query }: { table: DashboardTable; query: string }) {
  const t = await getTranslations('dashboard');
  const href = (format: 'csv' | 'xlsx') => `/lead/export/${table.id}?${query ? `${query}&` : ''}format=${format}`;
  // Plain links: the route answers with a file (Content-Disposition: attachment), not a page.
  return (
    <p className="inline dashboard-export">
      <a href={href('csv')} className="btn btn-small">
        {t('export.csv')}
        <span className="sr-only">{t('export.of', { table: table.title })}</span>
      </a>
      <a href={href('xlsx')} className="btn btn-small">
        {t('export.xlsx')}
        <span className="sr-only">{t('export.of', { table: table.title })}</span>
      </a>
    </p>
  );
}

type Paging = { filters: DashboardFilters; pages: DashboardPages };
/** The tables the name search narrows (the lists of trainees). */
type SearchedTableId = 'trainees' | 'behind' | 'failures';

async function DataSection({
  table,
  query,
  hint,
  linkNames = false,
  paging,
  search,
}: {
  table: DashboardTable | DashboardPageTable;
  query: string;
  hint?: string;
  /** Only the roster links names to the trainee's record, so each name is one link on the page. */
  linkNames?: boolean;
  /** For a table shown a page at a time: the filters and other tables' pages its links keep. */
  paging?: Paging;
  /** The name search, for a table it narrows: said in the range and when nothing matches. */
  search?: string;
}) {
  const t = await getTranslations('dashboard');
  const headingId = `table-${table.id}`;
  const position = 'page' in table ? table.page : null;
  return (
    <section className="dashboard-section" aria-labelledby={headingId}>
      <div className="dashboard-section-head">
        <h2 id={headingId}>{table.title}</h2>
        <ExportLinks table={table} query={query} />
      </div>
      {hint && <p className="hint">{hint}</p>}
      {table.meta.length === 0 ? (
        <p className="muted card">{search === undefined ? t(`empty.${table.id as DashboardTableId}`) : t(`search.empty.${table.id as SearchedTableId}`, { q: search })}</p>
      ) : (
        <>
          {position && (
            <p className="muted small dashboard-range" data-range={table.id}>
              {t('pager.range', { first: position.first, last: position.first + table.meta.length - 1, total: position.total })}
              {search !== undefined ? t('search.range', { q: search }) : null}
              {position.pageCount > 1 ? ` ${t('pager.exportAll', { total: position.total })}` : null}
            </p>
          )}
          {/* Focusable so a keyboard user can scroll a table wider than a phone (axe scrollable-region-focusable). */}
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={headingId}>
            <table aria-labelledby={headingId} data-table={table.id}>
              <thead>
                <tr>
                  {table.columns.map((c) => (
                    <th key={c.key} scope="col" {...(NUMERIC_COLUMNS.has(c.key) ? NUM : null)}>
                      {c.header}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.meta.map((row) => (
                  <tr key={row.key}>
                    {table.columns.map((c, i) => {
                      const value = row.cells[c.key] ?? null;
                      const text = value === null ? '—' : String(value);
                      const badge = row.badges?.[c.key];
                      const content =
                        linkNames && c.key === 'name' && row.traineeId !== undefined ? (
                          <Link href={`/trainees/${row.traineeId}`} prefetch={false}>
                            {text}
                          </Link>
                        ) : badge ? (
                          <span className={`badge ${badge}`}>{text}</span>
                        ) : (
                          text
                        );
                      // The columns are fixed, so a cell's position is its key.
                      return i === 0 ? (
                        <th key={i} scope="row">
                          {content}
                        </th>
                      ) : (
                        <td key={i} {...cellProps(c.key)}>
                          {content}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {position && paging && position.pageCount > 1 && (
            <Pager table={table.id as PagedTableId} title={table.title} page={position.page} pageCount={position.pageCount} paging={paging} />
          )}
        </>
      )}
    </section>
  );
}

/** The pages a pager offers: the first, the last, and the two either side of the current one. */
function pagerItems(page: number, pageCount: number): (number | 'gap')[] {
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pageCount])].filter((n) => n >= 1 && n <= pageCount).sort((a, b) => a - b);
  const items: (number | 'gap')[] = [];
  for (const n of shown) {
    const previous = items[items.length - 1];
    if (typeof previous === 'number' && n > previous + 1) items.push('gap');
    items.push(n);
  }
  return items;
}

/** Plain links: each page is its own address (bookmarkable, back button), filters and the other tables' pages kept. */
async function Pager({ table, title, page, pageCount, paging }: { table: PagedTableId; title: string; page: number; pageCount: number; paging: Paging }) {
  const t = await getTranslations('dashboard');
  const href = (n: number) => dashboardPageHref(paging.filters, paging.pages, table, n);
  return (
    <nav className="dashboard-pager" aria-label={t('pager.label', { table: title })}>
      {page > 1 && (
        <a href={href(page - 1)} rel="prev" className="btn btn-small">
          {t('pager.previous')}
        </a>
      )}
      {pagerItems(page, pageCount).map((item, i) =>
        item === 'gap' ? (
          <span key={`gap-${i}`} className="dashboard-pager-gap" aria-hidden="true">
            …
          </span>
        ) : item === page ? (
          <span key={item} className="dashboard-pager-current" aria-current="page">
            <span className="sr-only">{t('pager.page', { page: item })}</span>
            <span aria-hidden="true">{item}</span>
          </span>
        ) : (
          <a key={item} href={href(item)} className="btn btn-small" aria-label={t('pager.page', { page: item })}>
            {item}
          </a>
        ),
      )}
      {page < pageCount && (
        <a href={href(page + 1)} rel="next" className="btn btn-small">
          {t('pager.next')}
        </a>
      )}
    </nav>
  );
}
