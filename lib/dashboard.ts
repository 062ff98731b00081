// The lead dashboard's one entry point, shared by the page and the export route: parse the filters,
// read the filtered cohort with each trainee's facts as the engine computed them (db/queries/dashboard.ts,
// stored beside the cached status by lib/program.ts), aggregate (domain/dashboard.ts), and lay the
// results out as tables whose cells the page shows and the CSV/XLSX files contain — the same rows, so
// an export always matches the screen.
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
  isStageBucket,
  parseDashboardFacts,
  type BehindRow,
  type Dashboard,
  type DashboardEntry,
  type FailureRow,
  type Mentor,
  type PassRateRow,
  type StageBucket,
} from '@/domain/dashboard';
import type { ExportCell, ExportColumn, ExportTable } from './export';
import { computeTraineeDashboardFacts, loadProgramContext, refreshStaleStatuses, todayFor } from './program';

// ---- filters ----------------------------------------------------------------------------------------

export type DashboardFilters = { cohort?: string; traineeClass?: 'A' | 'B'; mentorId?: number; stage?: StageBucket };

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

/** From the page's searchParams or a route's URLSearchParams; repeated keys use the first value. */
export function parseDashboardFilters(query: Record<string, QueryValue> | URLSearchParams): DashboardFilters {
  const get = (key: string): string | undefined => {
    if (query instanceof URLSearchParams) return query.get(key) || undefined;
    const value = query[key];
    return (Array.isArray(value) ? value[0] : value) || undefined;
  };
  const parsed = filterSchema.parse({ cohort: get('cohort'), class: get('class'), mentor: get('mentor'), stage: get('stage') });
  const filters: DashboardFilters = {};
  if (parsed.cohort) filters.cohort = parsed.cohort;
  if (parsed.class) filters.traineeClass = parsed.class;
  if (parsed.mentor) filters.mentorId = parsed.mentor;
  if (parsed.stage && isStageBucket(parsed.stage)) filters.stage = parsed.stage;
  return filters;
}

/** The query string that reproduces the filters (for export links), without a leading "?". */
export function filtersToQuery(filters: DashboardFilters): string {
  const query = new URLSearchParams();
  if (filters.cohort) query.set('cohort', filters.cohort);
  if (filters.traineeClass) query.set('class', filters.traineeClass);
  if (filters.mentorId) query.set('mentor', String(filters.mentorId));
  if (filters.stage) query.set('stage', filters.stage);
  return query.toString();
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

export type LeadDashboard = {
  today: IsoDate;
  filters: DashboardFilters;
  dashboard: Dashboard;
  cohorts: string[];
  mentors: Mentor[];
};

/**
 * Every figure on the dashboard is about the filtered trainees; stage and status come from the engine.
 * The engine's answers are the facts stored beside each trainee's cached status (refreshed by every
 * write and, for a new day, by refreshStaleStatuses here), so a request aggregates stored facts
 * instead of running the engine for every trainee; a trainee whose facts aren't for `today` is
 * computed on the spot (docs/decisions/010-performance.md).
 */
export function loadLeadDashboard(db: Db, orgId: number, filters: DashboardFilters, nowMs: number = Date.now()): LeadDashboard {
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
  const entries: DashboardEntry[] = rows
    .map((row) => ({
      id: row.id,
      displayName: row.displayName,
      traineeClass: row.traineeClass,
      cohort: row.cohort,
      startDate: row.startDate,
      mentorId: row.mentorId,
      mentorName: row.mentorName,
      facts: parseDashboardFacts(row.dashboardFacts, today) ?? computeTraineeDashboardFacts(db, ctx, row, today),
    }))
    .filter((t) => !filters.stage || t.facts.stage === filters.stage);
  const mentors = listMentors(db, { orgId });
  const shownMentors = filters.mentorId === undefined ? mentors : mentors.filter((m) => m.id === filters.mentorId);
  return {
    today,
    filters,
    dashboard: buildDashboardFromEntries({ entries, mentors: shownMentors, today }),
    cohorts: listCohorts(db, { orgId }),
    mentors,
  };
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

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** t: the dashboard namespace; tt: the trainee namespace (stage and status words shared app-wide). */
export type DashboardTranslators = { t: Translate; tt: Translate };

function stageLabel(stage: StageBucket, tt: Translate): string {
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

function table(id: DashboardTableId, title: string, columns: ExportColumn[], rows: DashboardRow[]): DashboardTable {
  return { id, title, columns, rows: rows.map((r) => r.cells), meta: rows };
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

/** Every dashboard table with translated headers and cells; null cells are empty in files and "—" on screen. */
export function buildDashboardTables(dashboard: Dashboard, { t, tt }: DashboardTranslators): Record<DashboardTableId, DashboardTable> {
  const col = (key: string) => ({ key, header: t(`columns.${key}`) });
  return {
    trainees: table(
      'trainees',
      t('tables.trainees'),
      ['name', 'class', 'cohort', 'mentor', 'stage', 'status', 'daysLeft', 'certification', 'startDate'].map(col),
      dashboard.roster.map((r) => ({
        key: String(r.traineeId),
        traineeId: r.traineeId,
        badges: { status: `status-${r.status}` },
        cells: {
          name: r.displayName,
          class: r.traineeClass,
          cohort: r.cohort,
          mentor: r.mentorName,
          stage: stageLabel(r.stage, tt),
          status: tt(`statuses.${r.status}`),
          daysLeft: r.daysRemainingInStage,
          certification: r.certifiedOn ? t('certifiedOn', { date: r.certifiedOn }) : r.expectedCertificationDate,
          startDate: r.startDate,
        },
      })),
    ),
    behind: table(
      'behind',
      t('tables.behind'),
      ['name', 'class', 'cohort', 'mentor', 'stage', 'issue', 'amount', 'since', 'dates'].map(col),
      dashboard.behind.map((r, i) => ({
        key: `${r.traineeId}-${r.issue}-${i}`,
        traineeId: r.traineeId,
        badges: { issue: r.issue === 'missed_days' || r.issue === 'live_listen_coverage_below' ? 'badge-warn' : 'badge-bad' },
        cells: {
          name: r.displayName,
          class: r.traineeClass,
          cohort: r.cohort,
          mentor: r.mentorName,
          stage: stageLabel(r.stage, tt),
          issue: behindIssue(r, t, tt),
          amount: behindAmount(r, t),
          since: r.since,
          dates: r.dates.length > 0 ? r.dates.join(' ') : null,
        },
      })),
    ),
    failures: table(
      'failures',
      t('tables.failures'),
      ['name', 'class', 'cohort', 'mentor', 'gate', 'attempt', 'failedOn', 'score', 'followUp', 'followUpDates'].map(col),
      dashboard.failures.map((r, i) => {
        const followUp = followUpText(r, t, tt);
        return {
          key: `${r.traineeId}-${r.gate}-${r.attempt}-${i}`,
          traineeId: r.traineeId,
          cells: {
            name: r.displayName,
            class: r.traineeClass,
            cohort: r.cohort,
            mentor: r.mentorName,
            gate: t(`gates.${r.gate}`),
            attempt: r.attempt,
            failedOn: r.failedOn,
            score: r.scorePercent,
            followUp: followUp.text,
            followUpDates: followUp.dates,
          },
        };
      }),
    ),
    'pass-rates': table(
      'pass-rates',
      t('tables.pass-rates'),
      ['group', 'gate', 'attempted', 'passedFirst', 'rate'].map(col),
      dashboard.passRates.map((r) => ({
        key: `${passRateGroup(r, t)}-${r.gate}`,
        cells: { group: passRateGroup(r, t), gate: t(`gates.${r.gate}`), attempted: r.attempted, passedFirst: r.passedFirstTime, rate: percent(r.rate) },
      })),
    ),
    certification: table(
      'certification',
      t('tables.certification'),
      ['group', 'certified', 'medianDays', 'minDays', 'maxDays'].map(col),
      dashboard.certification.map((r) => ({
        key: r.group.by === 'all' ? 'all' : r.group.traineeClass,
        cells: {
          group: r.group.by === 'all' ? t('groups.all') : t('groups.class', { class: r.group.traineeClass }),
          certified: r.certified,
          medianDays: r.medianDays,
          minDays: r.minDays,
          maxDays: r.maxDays,
        },
      })),
    ),
    mentors: table(
      'mentors',
      t('tables.mentors'),
      ['mentor', 'activeMentees', 'behindMentees', 'pendingReviews'].map(col),
      dashboard.mentors.map((r) => ({
        key: String(r.mentorId),
        cells: { mentor: r.mentorName, activeMentees: r.activeMentees, behindMentees: r.behindMentees, pendingReviews: r.pendingReviews },
      })),
    ),
    stages: table(
      'stages',
      t('tables.stages'),
      ['stage', 'count'].map(col),
      dashboard.stages.map((r) => ({ key: r.stage, cells: { stage: stageLabel(r.stage, tt), count: r.count } })),
    ),
  };
}
