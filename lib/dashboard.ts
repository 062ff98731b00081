// The lead dashboard's one entry point, shared by the page and the export route: parse the filters,
// read the filtered cohort with each trainee's facts as the engine computed them (db/queries/dashboard.ts,
// stored beside the cached status by lib/program.ts), aggregate (domain/dashboard.ts), and lay the
// results out as tables whose cells the page shows and the CSV/XLSX files contain — the same rows, so
// an export always matches the screen. The page shows one page of each long table (the rows at that
// position in the file) and builds cells for those rows only; a file has every row.
import { z } from 'zod';
import type { Db } from '@/db/client';
import {
  listCohorts,
  listDashboardTrainees,
  listMentors,
  type DashboardTraineeQuery,
} from '@/db/queries/dashboard';
import type { IsoDate } from '@/domain/dates';
import {
  buildDashboardFromEntries,
  buildDashboardView,
  isStageBucket,
  parseDashboardFacts,
  type BehindRow,
  type CertificationRow,
  type Dashboard,
  type DashboardEntry,
  type DashboardListId,
  type DashboardView,
  type FailureRow,
  type MentorLoadRow,
  type Mentor,
  type Page,
  type PassRateRow,
  type RosterRow,
  type StageBucket,
  type StageCount,
} from '@/domain/dashboard';
import type { ExportCell, ExportTable } from './export';
import { computeTraineeDashboardFacts, loadProgramContext, refreshStaleStatuses, todayFor } from './program';

// ---- filters ----------------------------------------------------------------------------------------

export type DashboardFilters = {
  cohort?: string;
  traineeClass?: 'A' | 'B';
  mentorId?: number;
  stage?: StageBucket;
  /** Part of a trainee's name or username (readNameSearch): narrows the lists of trainees only. */
  q?: string;
};

// A value that doesn't parse is dropped (that filter shows everything), never an error page: the
// query string is the user's to edit.
const filterSchema = z.object({
  cohort: z.string().trim().min(1).max(40).optional().catch(undefined),
  class: z.enum(['A', 'B']).optional().catch(undefined),
  mentor: z.coerce.number().int().positive().optional().catch(undefined),
  stage: z
    .string()
    .refine(isStageBucket)
    .optional()
    .catch(undefined),
});

type QueryValue = string | string[] | undefined;
type Query = Record<string, QueryValue> | URLSearchParams;

/** A parameter's value; repeated keys use the first value, and an empty one is none. */
function firstValue(query: Query, key: string): string | undefined {
  if (query instanceof URLSearchParams) return query.get(key) || undefined;
  const value = query[key];
  return (Array.isArray(value) ? value[0] : value) || undefined;
}

/** The longest name search, in characters. */
export const NAME_SEARCH_MAX_LENGTH = 40;

export type NameSearchProblem = 'too_long' | 'invalid';

/** The `q` parameter read: the search to run, or why there is none, and what to put back in the field. */
export type NameSearch = { q: string | undefined; problem: NameSearchProblem | null; typed: string };

// Control characters and lone surrogates: nothing a name holds, and nothing to echo into the page.
const UNSEARCHABLE = /[\p{Cc}\p{Cs}]/u;
const UNSEARCHABLE_ALL = /[\p{Cc}\p{Cs}]/gu;

/**
 * The name search: runs of spaces (the IME's full-width one too) as one, trimmed, at most
 * NAME_SEARCH_MAX_LENGTH characters, no control characters. Unlike the other filters, a search that
 * can't be used isn't dropped silently: the lead typed it to find someone, so the page says why the
 * lists are not narrowed (`problem`), and the export refuses it.
 */
export function readNameSearch(query: Query): NameSearch {
  const text = (firstValue(query, 'q') ?? '').replace(/\s+/gu, ' ').trim();
  if (text === '') return { q: undefined, problem: null, typed: '' };
  const chars = [...text];
  // What the field shows back: enough of it to see what to shorten, nothing unprintable.
  const typed = chars.slice(0, NAME_SEARCH_MAX_LENGTH * 2).join('').replace(UNSEARCHABLE_ALL, '');
  if (chars.length > NAME_SEARCH_MAX_LENGTH) return { q: undefined, problem: 'too_long', typed };
  if (UNSEARCHABLE.test(text)) return { q: undefined, problem: 'invalid', typed };
  return { q: text, problem: null, typed: text };
}

/** From the page's searchParams or a route's URLSearchParams; repeated keys use the first value. */
export function parseDashboardFilters(query: Query): DashboardFilters {
  const get = (key: string) => firstValue(query, key);
  const parsed = filterSchema.parse({ cohort: get('cohort'), class: get('class'), mentor: get('mentor'), stage: get('stage') });
  const filters: DashboardFilters = {};
  if (parsed.cohort) filters.cohort = parsed.cohort;
  if (parsed.class) filters.traineeClass = parsed.class;
  if (parsed.mentor) filters.mentorId = parsed.mentor;
  if (parsed.stage && isStageBucket(parsed.stage)) filters.stage = parsed.stage;
  const search = readNameSearch(query);
  if (search.q !== undefined) filters.q = search.q;
  return filters;
}

/** The query string that reproduces the filters (for export links), without a leading "?". */
export function filtersToQuery(filters: DashboardFilters): string {
  const query = new URLSearchParams();
  if (filters.cohort) query.set('cohort', filters.cohort);
  if (filters.traineeClass) query.set('class', filters.traineeClass);
  if (filters.mentorId) query.set('mentor', String(filters.mentorId));
  if (filters.stage) query.set('stage', filters.stage);
  if (filters.q) query.set('q', filters.q);
  return query.toString();
}

// ---- pages ------------------------------------------------------------------------------------------

/** The tables shown a page at a time, each with its own page parameter (`behind-page=2`). */
export const pagedTableIds = ['trainees', 'behind', 'failures', 'pass-rates', 'mentors'] as const;
export type PagedTableId = (typeof pagedTableIds)[number];
export type DashboardPages = Partial<Record<PagedTableId, number>>;

const PAGED_LISTS: Record<PagedTableId, DashboardListId> = {
  trainees: 'roster',
  behind: 'behind',
  failures: 'failures',
  'pass-rates': 'passRates',
  mentors: 'mentors',
};

export function isPagedTableId(value: string): value is PagedTableId {
  return (pagedTableIds as readonly string[]).includes(value);
}

const pageParam = (id: PagedTableId) => `${id}-page`;
const pageSchema = z.coerce.number().int().min(1).max(1_000_000).optional().catch(undefined);

/** Each table's page from the query; page 1 and what doesn't parse are left out (the first page). */
export function parseDashboardPages(query: Query): DashboardPages {
  const pages: DashboardPages = {};
  for (const id of pagedTableIds) {
    const raw = query instanceof URLSearchParams ? query.get(pageParam(id)) : query[pageParam(id)];
    const page = pageSchema.parse((Array.isArray(raw) ? raw[0] : raw) || undefined);
    if (page !== undefined && page > 1) pages[id] = page;
  }
  return pages;
}

/**
 * The address of one table's page that keeps the filters and every other table's page, and lands on
 * the table (its heading's id).
 */
export function dashboardPageHref(filters: DashboardFilters, pages: DashboardPages, table: PagedTableId, page: number): string {
  const query = new URLSearchParams(filtersToQuery(filters));
  for (const id of pagedTableIds) {
    const value = id === table ? page : pages[id];
    if (value !== undefined && value > 1) query.set(pageParam(id), String(value));
  }
  const search = query.toString();
  return `/lead${search ? `?${search}` : ''}#table-${table}`;
}

/**
 * The cached status narrows the read only where it can't be stale: certified and exited change by
 * a write (which refreshes the cache), every other stage can change overnight with no write at all.
 */
function cachedStatusPrefilter(stage: StageBucket | undefined): Pick<DashboardTraineeQuery, 'cachedStatusIn' | 'cachedStatusNotIn'> {
  if (!stage) return {};
  if (stage === 'certified' || stage === 'exited') return { cachedStatusIn: [stage] };
  return { cachedStatusNotIn: ['certified', 'exited'] };
}

// ---- loading ----------------------------------------------------------------------------------------

/**
 * Every figure on the dashboard is about the filtered trainees (the name search then narrows the lists
 * of trainees, in domain/dashboard.ts); stage and status come from the engine.
 * The engine's answers are the facts stored beside each trainee's cached status (refreshed by every
 * write and, for a new day, by refreshStaleStatuses here), so a request aggregates stored facts
 * instead of running the engine for every trainee; a trainee whose facts aren't for `today` is
 * computed on the spot (docs/decisions/010-performance.md).
 */
function loadEntries(db: Db, orgId: number, filters: DashboardFilters, nowMs: number): { today: IsoDate; entries: DashboardEntry[] } {
  const ctx = loadProgramContext(db, orgId);
  const today = todayFor(ctx, nowMs);
  refreshStaleStatuses(db, ctx, today);
  const rows = listDashboardTrainees(db, {
    orgId,
    cohort: filters.cohort,
    traineeClass: filters.traineeClass,
    mentorId: filters.mentorId,
    ...cachedStatusPrefilter(filters.stage),
  });
  const entries: DashboardEntry[] = [];
  for (const row of rows) {
    const facts = parseDashboardFacts(storedFacts(row.id, row.dashboardFacts), today) ?? computeTraineeDashboardFacts(db, ctx, row, today);
    if (filters.stage && facts.stage !== filters.stage) continue;
    entries.push({
      id: row.id,
      displayName: row.displayName,
      username: row.username,
      traineeClass: row.traineeClass,
      cohort: row.cohort,
      startDate: row.startDate,
      mentorId: row.mentorId,
      mentorName: row.mentorName,
      facts,
    });
  }
  return { today, entries };
}

// Parsed stored facts by trainee, reused while the stored text is byte for byte the same: the whole
// organisation's page reads 5,000 facts per request, and parsing them was a third of its data work.
// A write that changes a trainee's facts changes the text, so that trainee alone is parsed again.
// The parsed objects are shared between requests: nothing downstream may mutate them.
const parsedFacts = new Map<number, { text: string; value: unknown }>();

function storedFacts(traineeId: number, text: string | null): unknown {
  if (text === null) return null;
  const cached = parsedFacts.get(traineeId);
  if (cached && cached.text === text) return cached.value;
  let value: unknown = null;
  try {
    value = JSON.parse(text);
  } catch {
    // Unreadable facts are recomputed, like facts of another version.
  }
  parsedFacts.set(traineeId, { text, value });
  return value;
}

export type LeadDashboard = { today: IsoDate; filters: DashboardFilters; dashboard: Dashboard };

/** The filtered trainees' dashboard with every row of every list: what the exports contain. */
export function loadLeadDashboard(db: Db, orgId: number, filters: DashboardFilters, nowMs: number = Date.now()): LeadDashboard {
  const { today, entries } = loadEntries(db, orgId, filters, nowMs);
  return { today, filters, dashboard: buildDashboardFromEntries({ entries, today, nameSearch: filters.q }) };
}

/** Rows per page of each list on the screen; the exports have them all. */
export const DASHBOARD_PAGE_SIZE = 25;

export type LeadDashboardPage = {
  today: IsoDate;
  filters: DashboardFilters;
  pages: DashboardPages;
  view: DashboardView;
  /** The filters' choices: every cohort; the mentors of the chosen cohort and class. */
  cohorts: string[];
  mentors: Mentor[];
};

/** What the page shows: the same figures as loadLeadDashboard, each list cut to its asked-for page. */
export function loadLeadDashboardPage(
  db: Db,
  orgId: number,
  filters: DashboardFilters,
  pages: DashboardPages,
  nowMs: number = Date.now(),
  pageSize: number = DASHBOARD_PAGE_SIZE,
): LeadDashboardPage {
  const { today, entries } = loadEntries(db, orgId, filters, nowMs);
  const listPages: Partial<Record<DashboardListId, number>> = {};
  for (const id of pagedTableIds) {
    const page = pages[id];
    if (page !== undefined) listPages[PAGED_LISTS[id]] = page;
  }
  const view = buildDashboardView({ entries, today, pages: listPages, pageSize, nameSearch: filters.q });
  // The mentor filter offers the mentors of the chosen cohort and class (and the one already chosen).
  const mentors = listMentors(db, { orgId, cohort: filters.cohort, traineeClass: filters.traineeClass, include: filters.mentorId });
  return { today, filters, pages, view, cohorts: listCohorts(db, { orgId }), mentors };
}

// ---- tables -----------------------------------------------------------------------------------------

export const dashboardTableIds = ['trainees', 'behind', 'failures', 'pass-rates', 'certification', 'mentors', 'stages'] as const;
export type DashboardTableId = (typeof dashboardTableIds)[number];

export function isDashboardTableId(value: string): value is DashboardTableId {
  return (dashboardTableIds as readonly string[]).includes(value);
}

/** A row's cells (what files contain) plus what only the screen uses: the trainee to link, badge classes per column. */
export type DashboardRow = { key: string; cells: Record<string, ExportCell>; traineeId?: number; badges?: Record<string, string> };
export type DashboardTable = ExportTable & { id: DashboardTableId; rows: DashboardRow['cells'][]; meta: DashboardRow[] };
/** A table on the screen: one page of rows, and where that page sits in the whole (what the file has). */
export type DashboardPageTable = DashboardTable & { page: Omit<Page<unknown>, 'rows'> };

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** t: the dashboard namespace; tt: the trainee namespace (stage and status words shared app-wide). */
export type DashboardTranslators = { t: Translate; tt: Translate };

/** A stage bucket's word: the statuses without a stage are named by the status. */
export function stageLabel(stage: StageBucket, tt: Translate): string {
  switch (stage) {
    case 'not_started':
    case 'needs_decision':
    case 'exited':
      return tt(`statuses.${stage}`);
    default:
      return tt(`stages.${stage}`);
  }
}

function blockLabel(stage: string, kind: string | null, tt: Translate): string {
  return kind && kind !== 'regular' ? tt(`stages.${kind}`) : tt(`stages.${stage}`);
}

function percent(ratio: number | null): number | null {
  return ratio === null ? null : Math.round(ratio * 100);
}

function behindAmount(row: BehindRow, t: Translate): string {
  switch (row.issue) {
    case 'missed_days':
      return t('behind.amount.missed_days', { count: row.days ?? 0 });
    case 'live_listen_coverage_below':
      return t('behind.amount.coverage', { ratio: percent(row.ratio) ?? 0, target: percent(row.target) ?? 0 });
    case 'needs_decision':
      return t('behind.amount.waiting', { count: row.days ?? 0 });
    default:
      return t('behind.amount.overdue', { count: row.days ?? 0 });
  }
}

function behindIssue(row: BehindRow, t: Translate, tt: Translate): string {
  switch (row.issue) {
    case 'needs_decision':
      return t('behind.issue.needs_decision', { gate: t(`gates.${row.gate}`), failures: row.failures ?? 0 });
    case 'awaiting_assessment':
      return t('behind.issue.awaiting_assessment', { gate: t(`gates.${row.gate}`) });
    case 'classroom_overdue':
      return t('behind.issue.classroom_overdue');
    case 'missed_days':
    case 'live_listen_coverage_below':
      return t(`behind.issue.${row.issue}`, { stage: blockLabel(row.issueStage ?? '', row.issueKind, tt) });
  }
}

function followUpText(row: FailureRow, t: Translate, tt: Translate): { text: string; dates: string | null } {
  const f = row.followUp;
  switch (f.kind) {
    case 'extension':
    case 'retraining':
      return {
        text: t(`failures.followUp.${f.kind}`, { stage: tt(`stages.${f.stage}`) }) + (f.provisional ? t('failures.provisional') : ''),
        dates: t('failures.range', { start: f.start, end: f.end }),
      };
    case 'decision_pending':
      return { text: t('failures.followUp.decision_pending'), dates: null };
    case 'exited':
      return { text: t('failures.followUp.exited', { date: f.date }), dates: null };
    case 'none':
      return { text: t('failures.followUp.none'), dates: null };
  }
}

function passRateGroup(row: PassRateRow, t: Translate): string {
  const g = row.group;
  return g.by === 'all' ? t('groups.all') : g.by === 'class' ? t('groups.class', { class: g.traineeClass }) : t('groups.cohort', { cohort: g.cohort });
}

type TableRows = {
  trainees: RosterRow;
  behind: BehindRow;
  failures: FailureRow;
  'pass-rates': PassRateRow;
  certification: CertificationRow;
  mentors: MentorLoadRow;
  stages: StageCount;
};

const COLUMNS: Record<DashboardTableId, readonly string[]> = {
  trainees: ['name', 'class', 'cohort', 'mentor', 'stage', 'status', 'daysLeft', 'certification', 'startDate'],
  behind: ['name', 'class', 'cohort', 'mentor', 'stage', 'issue', 'amount', 'since', 'dates'],
  failures: ['name', 'class', 'cohort', 'mentor', 'gate', 'attempt', 'failedOn', 'score', 'followUp', 'followUpDates'],
  'pass-rates': ['group', 'gate', 'attempted', 'passedFirst', 'rate'],
  certification: ['group', 'certified', 'medianDays', 'minDays', 'maxDays'],
  mentors: ['mentor', 'activeMentees', 'behindMentees', 'pendingReviews'],
  stages: ['stage', 'count'],
};

/** The columns every per-trainee table starts with: who the row is about. */
function whoCells(r: { displayName: string; traineeClass: string; cohort: string; mentorName: string | null }) {
  return { name: r.displayName, class: r.traineeClass, cohort: r.cohort, mentor: r.mentorName };
}

/**
 * One row's translated cells; `position` is the row's place in the whole list, so a key stays the same
 * whichever page shows the row.
 */
const ROW: { [K in DashboardTableId]: (row: TableRows[K], position: number, tr: DashboardTranslators) => DashboardRow } = {
  trainees: (r, _position, { t, tt }) => ({
    key: String(r.traineeId),
    traineeId: r.traineeId,
    badges: { status: `status-${r.status}` },
    cells: {
      ...whoCells(r),
      stage: stageLabel(r.stage, tt),
      status: tt(`statuses.${r.status}`),
      daysLeft: r.daysRemainingInStage,
      certification: r.certifiedOn ? t('certifiedOn', { date: r.certifiedOn }) : r.expectedCertificationDate,
      startDate: r.startDate,
    },
  }),
  behind: (r, position, { t, tt }) => ({
    key: `${r.traineeId}-${r.issue}-${position}`,
    traineeId: r.traineeId,
    badges: { issue: r.issue === 'missed_days' || r.issue === 'live_listen_coverage_below' ? 'badge-warn' : 'badge-bad' },
    cells: {
      ...whoCells(r),
      stage: stageLabel(r.stage, tt),
      issue: behindIssue(r, t, tt),
      amount: behindAmount(r, t),
      since: r.since,
      dates: r.dates.length > 0 ? r.dates.join(' ') : null,
    },
  }),
  failures: (r, position, { t, tt }) => {
    const followUp = followUpText(r, t, tt);
    return {
      key: `${r.traineeId}-${r.gate}-${r.attempt}-${position}`,
      traineeId: r.traineeId,
      cells: {
        ...whoCells(r),
        gate: t(`gates.${r.gate}`),
        attempt: r.attempt,
        failedOn: r.failedOn,
        score: r.scorePercent,
        followUp: followUp.text,
        followUpDates: followUp.dates,
      },
    };
  },
  'pass-rates': (r, _position, { t }) => ({
    key: `${passRateGroup(r, t)}-${r.gate}`,
    cells: { group: passRateGroup(r, t), gate: t(`gates.${r.gate}`), attempted: r.attempted, passedFirst: r.passedFirstTime, rate: percent(r.rate) },
  }),
  certification: (r, _position, { t }) => ({
    key: r.group.by === 'all' ? 'all' : r.group.traineeClass,
    cells: {
      group: r.group.by === 'all' ? t('groups.all') : t('groups.class', { class: r.group.traineeClass }),
      certified: r.certified,
      medianDays: r.medianDays,
      minDays: r.minDays,
      maxDays: r.maxDays,
    },
  }),
  mentors: (r) => ({
    key: String(r.mentorId),
    cells: { mentor: r.mentorName, activeMentees: r.activeMentees, behindMentees: r.behindMentees, pendingReviews: r.pendingReviews },
  }),
  stages: (r, _position, { tt }) => ({ key: r.stage, cells: { stage: stageLabel(r.stage, tt), count: r.count } }),
};

function layOut<K extends DashboardTableId>(id: K, rows: readonly TableRows[K][], offset: number, tr: DashboardTranslators): DashboardTable {
  const meta = rows.map((row, i) => ROW[id](row, offset + i, tr));
  return {
    id,
    title: tr.t(`tables.${id}`),
    columns: COLUMNS[id].map((key) => ({ key, header: tr.t(`columns.${key}`) })),
    rows: meta.map((r) => r.cells),
    meta,
  };
}

const FULL_LISTS: { [K in DashboardTableId]: (d: Dashboard) => readonly TableRows[K][] } = {
  trainees: (d) => d.roster,
  behind: (d) => d.behind,
  failures: (d) => d.failures,
  'pass-rates': (d) => d.passRates,
  certification: (d) => d.certification,
  mentors: (d) => d.mentors,
  stages: (d) => d.stages,
};

/** One table with every row, headers and cells translated; null cells are empty in files and "—" on screen. */
export function buildDashboardTable(dashboard: Dashboard, id: DashboardTableId, tr: DashboardTranslators): DashboardTable {
  return layOut(id, FULL_LISTS[id](dashboard) as never[], 0, tr);
}

/** Every table with every row (what the files hold; the page lays out only the rows it shows). */
export function buildDashboardTables(dashboard: Dashboard, tr: DashboardTranslators): Record<DashboardTableId, DashboardTable> {
  return Object.fromEntries(dashboardTableIds.map((id) => [id, buildDashboardTable(dashboard, id, tr)])) as Record<DashboardTableId, DashboardTable>;
}

function pageTable<K extends PagedTableId>(id: K, page: Page<TableRows[K]>, tr: DashboardTranslators): DashboardPageTable {
  const { rows, ...position } = page;
  return { ...layOut(id, rows, Math.max(0, position.first - 1), tr), page: position };
}

/** The tables the page shows: cells built and translated for the shown rows only. */
export function buildDashboardPageTables(
  view: DashboardView,
  tr: DashboardTranslators,
): Record<PagedTableId, DashboardPageTable> & Record<'certification' | 'stages', DashboardTable> {
  return {
    trainees: pageTable('trainees', view.roster, tr),
    behind: pageTable('behind', view.behind, tr),
    failures: pageTable('failures', view.failures, tr),
    'pass-rates': pageTable('pass-rates', view.passRates, tr),
    mentors: pageTable('mentors', view.mentors, tr),
    certification: layOut('certification', view.certification, 0, tr),
    stages: layOut('stages', view.stages, 0, tr),
  };
}
