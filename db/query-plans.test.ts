// Every statement the key pages and writes run (captured from the real db/queries and lib functions
// through a drizzle logger) is checked with EXPLAIN QUERY PLAN against a migrated database holding
// generated data: no full scan of a table that grows with the organisation (STYLE.md habit 4). Checked
// twice — with ANALYZE statistics, and without any (a production file that was never analyzed).
import { drizzle } from 'drizzle-orm/better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { BENCH_TODAY } from '@/bench/config';
import { generateBenchDatabase } from '@/bench/data/generate';
import { loadMentorQueue } from '@/app/(app)/mentor/queue';
import { logRecording } from '@/app/(app)/shadowing/handlers';
import { openDatabase, type Db } from '@/db/client';
import * as schema from '@/db/schema';
import { previousWorkingDay } from '@/domain/calendar';
import { loadTraineeFor, loadTraineeOr404 } from '@/lib/access';
import type { Actor } from '@/lib/authz';
import { MENTOR_REVIEW_POLICY, submitCallReview } from '@/lib/call-reviews';
import { loadScorecard } from '@/lib/content/scorecard';
import { loadLeadDashboard, loadLeadDashboardPage } from '@/lib/dashboard';
import { computeTraineePlan, loadProgramContext, refreshStaleStatuses, todayFor } from '@/lib/program';
import { countDaySampledCalls, listDayMentorReviews } from './queries/dashboard';
import { getTraineeCall, isCallCurrentlySampled, recountDayCallFacts } from './queries/calls';
import { listTraineeActivity, listTraineeEventHistory, listTraineesWithStaleStatus } from './queries/program';
import { findCallReviewWithReviewer } from './queries/reviews';
import { getTraineeByUser } from './queries/trainees';
import { countRecentFailures, findUserById, findUserByUsername, mustChangePassword, recordLoginAttempt } from './queries/users';

/** Tables that grow with trainees × days: a full scan of one is a page that slows down every month. */
const LARGE_TABLES = new Set([
  'recordings',
  'calls',
  'call_reviews',
  'program_events',
  'trainee_days',
  'sampled_calls',
  'daily_samples',
  'quiz_attempts',
  'lesson_progress',
  'login_attempts',
  'drill_scripts',
  'drill_group_members',
  'drill_groups',
  'mentor_assignments',
  'probation_scores',
  'certificates',
  'users',
  'user_roles',
  'trainees',
]);

/**
 * Reads whose job is the whole organisation (the lead's unfiltered dashboard, the cohort and mentor
 * filter choices) visit every trainee, so a scan of trainees (or their users) is the right plan for
 * them; any statement that narrows trainees (by id, user, cohort, mentor) must not scan.
 */
function readsWholeOrganisation(sql: string): boolean {
  return !/"trainees"\."(id|user_id|cohort|mentor_id)" (=|in)/.test(sql);
}

type Captured = { page: string; sql: string; params: unknown[] };

let dir: string;
let db: Db;
const captured: Captured[] = [];
let page = '';

function logged(): Db {
  const logging = drizzle(db.$client, {
    schema,
    logger: { logQuery: (sql: string, params: unknown[]) => void captured.push({ page, sql, params }) },
  });
  return logging as unknown as Db;
}

function actorOf(username: string): Actor {
  const user = findUserByUsername(db, { username })!;
  return { userId: user.id, orgId: user.orgId, roles: user.roles, displayName: user.displayName };
}

function one<T>(sql: string, ...params: unknown[]): T {
  return db.$client.prepare(sql).get(...params) as T;
}

/** Runs what each key page and write runs, on the logging connection, recording each statement under the page's name. */
function capturePages(): void {
  const q = logged();
  const run = (name: string, body: () => void) => {
    page = name;
    body();
  };
  const lead = actorOf('lead');
  const ctx = loadProgramContext(db, lead.orgId);
  const today = todayFor(ctx);
  const traineeUser = one<{ username: string; id: number }>(
    `select u.username, t.id from trainees t join users u on u.id = t.user_id where t.current_stage in ('shadowing', 'extension') limit 1`,
  );
  const pending = one<{ mentor: string; traineeId: number; callId: number; day: string }>(
    `select m.username as mentor, ds.trainee_id as traineeId, sc.call_id as callId, ds.day as day
     from sampled_calls sc join daily_samples ds on ds.id = sc.sample_id join trainees t on t.id = ds.trainee_id
     join users m on m.id = t.mentor_id left join call_reviews r on r.call_id = sc.call_id and r.kind = 'mentor'
     where r.id is null and sc.replaced_at is null limit 1`,
  );
  const trainee = actorOf(traineeUser.username);
  const mentor = actorOf(pending.mentor);

  run('sign-in and every page: the session', () => {
    findUserByUsername(q, { username: 'lead' });
    countRecentFailures(q, { username: 'lead', ip: '10.0.0.1', since: Date.now() - 15 * 60_000 });
    recordLoginAttempt(q, { username: 'lead', ip: '10.0.0.1', succeeded: true, at: Date.now() });
    findUserById(q, { userId: lead.userId });
    mustChangePassword(q, { userId: lead.userId });
  });
  run('trainee today', () => {
    const own = getTraineeByUser(q, { orgId: trainee.orgId, userId: trainee.userId })!;
    const record = loadTraineeOr404(q, trainee, own.id, 'trainee.read');
    const plan = computeTraineePlan(q, loadProgramContext(q, record.orgId), record, today);
    void plan;
    listTraineeActivity(q, { traineeId: record.id });
    const reviewDay = previousWorkingDay(ctx.calendar, today);
    listDayMentorReviews(q, { traineeId: record.id, day: reviewDay });
    countDaySampledCalls(q, { traineeId: record.id, day: reviewDay });
  });
  run('plan timeline', () => {
    const record = loadTraineeOr404(q, lead, pending.traineeId, 'trainee.read');
    computeTraineePlan(q, ctx, record, today);
    listTraineeEventHistory(q, { traineeId: record.id });
  });
  run('mentor queue', () => {
    loadMentorQueue(q, mentor);
  });
  run('review form', () => {
    const record = loadTraineeOr404(q, mentor, pending.traineeId, 'trainee.read');
    getTraineeCall(q, { orgId: mentor.orgId, traineeId: record.id, callId: pending.callId });
    findCallReviewWithReviewer(q, { callId: pending.callId, kind: 'mentor' });
    isCallCurrentlySampled(q, { traineeId: record.id, callId: pending.callId });
  });
  run('lead dashboard, one cohort', () => {
    const cohort = one<{ cohort: string }>(`select cohort from trainees where status = 'on_track' limit 1`).cohort;
    // The page (with the filter's choices) and an export of the same filter.
    loadLeadDashboardPage(q, lead.orgId, { cohort }, { trainees: 2 });
    loadLeadDashboard(q, lead.orgId, { cohort });
  });
  run('lead dashboard, organisation', () => {
    refreshStaleStatuses(q, ctx, today);
    loadLeadDashboardPage(q, lead.orgId, {}, {});
    loadLeadDashboard(q, lead.orgId, {});
    // A name search, alone and within a cohort: matched on the rows already read, no statement of its own.
    loadLeadDashboardPage(q, lead.orgId, { q: 'trainee1' }, {});
    loadLeadDashboard(q, lead.orgId, { q: '王' });
    const cohort = one<{ cohort: string }>(`select cohort from trainees limit 1`).cohort;
    loadLeadDashboardPage(q, lead.orgId, { cohort, q: 'a' }, { trainees: 2 });
  });
  run('write: log a recording', () => {
    loadTraineeFor(q, trainee, getTraineeByUser(q, { orgId: trainee.orgId, userId: trainee.userId })!.id, 'recording.log');
    logRecording(
      { day: today, recordingRef: 'R-1', agentName: '王芳', callType: 'consultation', wentWell: '开头规范', toLearn: '语速', requestKey: crypto.randomUUID() },
      { actor: trainee, db: q },
    );
  });
  run('write: submit a review', () => {
    const scorecard = loadScorecard();
    submitCallReview(
      q,
      mentor,
      {
        traineeId: pending.traineeId,
        callId: pending.callId,
        review: {
          scorecardVersion: scorecard.version,
          items: Object.fromEntries(scorecard.items.map((i) => [i.id, { rating: 'met' }])),
          critical: {},
          note: '',
        },
      },
      { policy: MENTOR_REVIEW_POLICY, scorecard, nowMs: Date.now() },
    );
    recountDayCallFacts(q, { traineeId: pending.traineeId, day: pending.day });
  });
  page = '';
}

type PlanRow = { id: number; parent: number; detail: string };

/** Full scans of large tables in a statement's plan: `SCAN t` (with or without an index to walk in order). */
function fullScans(sql: string, params: unknown[]): string[] {
  const rows = db.$client.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...(params as unknown[])) as PlanRow[];
  // Aliases (drizzle's `mentor` alias of users) resolve to their table.
  const aliases = new Map<string, string>();
  for (const match of sql.matchAll(/"(\w+)" "(\w+)"/g)) aliases.set(match[2]!, match[1]!);
  const scans: string[] = [];
  for (const row of rows) {
    const scan = row.detail.match(/^SCAN (\w+)/);
    if (!scan) continue;
    const table = aliases.get(scan[1]!) ?? scan[1]!;
    if (!LARGE_TABLES.has(table)) continue;
    if ((table === 'trainees' || table === 'users') && readsWholeOrganisation(sql)) continue;
    scans.push(row.detail);
  }
  return scans;
}

function violations(): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const { page: name, sql, params } of captured) {
    const key = `${name}\n${sql}`;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const scan of fullScans(sql, params)) out.push(`${name}: ${scan}\n    ${sql}`);
  }
  return out;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'query-plans-'));
  const file = path.join(dir, 'plans.db');
  // Small, but every stage and table has rows, so the planner sees the real shape.
  await generateBenchDatabase({
    file,
    today: BENCH_TODAY,
    size: { trainees: 200, cohorts: 40, mentors: 10, leads: 3, qa: 2, pageSeconds: 0, mixedSeconds: 0 },
  });
  db = openDatabase(file);
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(`${BENCH_TODAY}T02:00:00Z`));
  capturePages();
}, 120_000);

afterAll(() => {
  vi.useRealTimers();
  db?.$client.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('query plans of the key pages', () => {
  it('captured the statements of every key page and write', () => {
    const pages = new Set(captured.map((c) => c.page));
    expect([...pages].sort()).toEqual(
      [
        'sign-in and every page: the session',
        'trainee today',
        'plan timeline',
        'mentor queue',
        'review form',
        'lead dashboard, one cohort',
        'lead dashboard, organisation',
        'write: log a recording',
        'write: submit a review',
      ].sort(),
    );
    expect(captured.length).toBeGreaterThan(40);
  });

  it('scan no large table when the planner has no statistics', () => {
    db.$client.exec('drop table if exists sqlite_stat1; drop table if exists sqlite_stat4;');
    db.$client.exec('analyze sqlite_schema');
    expect(violations()).toEqual([]);
  });

  it('scan no large table with ANALYZE statistics', () => {
    db.$client.exec('analyze');
    expect(violations()).toEqual([]);
  });

  it('finds the stale cached statuses from an index, without reading every trainee row', () => {
    const statements: { sql: string; params: unknown[] }[] = [];
    const q = drizzle(db.$client, { schema, logger: { logQuery: (sql: string, params: unknown[]) => void statements.push({ sql, params }) } });
    listTraineesWithStaleStatus(q as unknown as Db, { orgId: 1, today: BENCH_TODAY });
    for (const analyzed of [false, true]) {
      db.$client.exec(analyzed ? 'analyze' : 'drop table if exists sqlite_stat1');
      const plan = db.$client.prepare(`EXPLAIN QUERY PLAN ${statements[0]!.sql}`).all(...(statements[0]!.params as unknown[])) as PlanRow[];
      const details = plan.map((r) => r.detail);
      expect(details.filter((d) => d.startsWith('SCAN'))).toEqual([]);
      expect(details.filter((d) => d.startsWith('SEARCH')).every((d) => d.includes('trainees_org_status_as_of_idx'))).toBe(true);
    }
  });

  it('detects a full scan (the check itself works)', () => {
    expect(fullScans('select count(*) from calls where duration_sec > ?', [60])).toEqual([expect.stringMatching(/^SCAN calls/)]);
    expect(fullScans('select * from "trainees" where "trainees"."cohort" = ? or "trainees"."start_date" > ?', ['x', '2026-01-01'])).toEqual([expect.stringMatching(/^SCAN trainees/)]);
  });
});
