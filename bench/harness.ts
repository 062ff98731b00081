// The pieces every benchmark command shares: the cached generated database and its per-run copy,
// signing in the scenario's users, and the key pages as request generators.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { loadScorecard } from '@/lib/content/scorecard';
import { actionHeaders, encodeActionArguments, findActionId, readActionResult } from './actions';
import { signInAll } from './auth';
import { BENCH_TODAY, GENERATOR_VERSION, SIZES, type SizeName } from './config';
import { generateBenchDatabase, type GenerateSummary } from './data/generate';
import type { Target } from './load';
import type { PageKind } from './report';
import type { ReviewTask, Scenario } from './scenarios';
import { DIST_DIR, ROOT, type BenchServer } from './server';

export const CACHE_DIR = path.join(ROOT, 'bench', '.cache');

export const log = (line: string) => console.log(`› ${line}`);

export function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

/** The generated database for this size, generator version and bench day: generated once, then reused. */
export async function cachedDatabase(size: SizeName, regenerate = false): Promise<{ file: string; summary: GenerateSummary }> {
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const file = path.join(CACHE_DIR, `bench-${size}-v${GENERATOR_VERSION}-${BENCH_TODAY}.db`);
  const summaryFile = `${file}.json`;
  if (!regenerate && fs.existsSync(file) && fs.existsSync(summaryFile)) {
    log(`reusing ${path.relative(ROOT, file)}`);
    return { file, summary: JSON.parse(fs.readFileSync(summaryFile, 'utf8')) as GenerateSummary };
  }
  log(`generating the ${size} database (${SIZES[size].trainees} trainees)…`);
  const tmp = `${file}.tmp`;
  const summary = await generateBenchDatabase({ file: tmp, size, today: BENCH_TODAY, log });
  removeDatabase(file);
  fs.renameSync(tmp, file);
  removeDatabase(tmp);
  const stored = { ...summary, file: path.relative(ROOT, file) };
  fs.writeFileSync(summaryFile, JSON.stringify(stored, null, 2));
  log(`generated ${summary.totalRows.toLocaleString('en')} rows in ${summary.seconds} s`);
  return { file, summary: stored };
}

/** A fresh copy of the cached database for one run: the writes the run makes never reach the cache. */
export function runCopy(cached: string, size: SizeName): string {
  const file = path.join(CACHE_DIR, `run-${size}.db`);
  removeDatabase(file);
  fs.copyFileSync(cached, file);
  return file;
}

export function cycle<T>(items: readonly T[]): () => T {
  if (items.length === 0) throw new Error('nothing to request: the generated data has no users for this page');
  let i = 0;
  return () => items[i++ % items.length]!;
}

export type PageSpec = { key: string; label: string; kind: PageKind; next: () => Target };

export type Sessions = { cookie: (username: string) => string; lead: string };

export async function signInScenario(server: BenchServer, scenario: Scenario, reviewWrites: readonly ReviewTask[]): Promise<Sessions> {
  const users = [
    scenario.lead,
    ...scenario.todayTrainees,
    ...scenario.mentors,
    ...scenario.reviewReads.map((r) => r.mentor),
    ...reviewWrites.map((r) => r.mentor),
    ...scenario.recordingTrainees,
  ];
  log(`signing in ${new Set(users).size} users through /api/auth…`);
  const cookies = await signInAll(server.url, users);
  const cookie = (username: string) => {
    const value = cookies.get(username);
    if (!value) throw new Error(`${username} is not signed in`);
    return value;
  };
  return { cookie, lead: cookie(scenario.lead) };
}

/** The key pages, each requested as a user of the role that uses it. */
export function keyPages(scenario: Scenario, { cookie, lead }: Sessions): PageSpec[] {
  const trainees = cycle(scenario.todayTrainees);
  const timelineIds = cycle(scenario.timelineIds);
  const mentors = cycle(scenario.mentors);
  const reviewReads = cycle(scenario.reviewReads);
  const cohorts = cycle(scenario.cohorts);
  const lessons = cycle(scenario.lessons);
  const readers = cycle(scenario.todayTrainees);
  return [
    { key: 'floor', label: 'floor: /bench-floor (one trivial query)', kind: 'floor', next: () => ({ path: '/bench-floor', cookie: lead }) },
    { key: 'today', label: 'trainee today: /today', kind: 'dynamic', next: () => ({ path: '/today', cookie: cookie(trainees()) }) },
    { key: 'timeline', label: 'plan timeline: /trainees/<id> (lead)', kind: 'dynamic', next: () => ({ path: `/trainees/${timelineIds()}`, cookie: lead }) },
    { key: 'mentor', label: 'mentor queue: /mentor', kind: 'dynamic', next: () => ({ path: '/mentor', cookie: cookie(mentors()) }) },
    {
      key: 'review',
      label: 'review form: …/calls/<day>/<call>/review',
      kind: 'dynamic',
      next: () => {
        const task = reviewReads();
        return { path: task.path, cookie: cookie(task.mentor) };
      },
    },
    {
      key: 'lead-cohort',
      label: 'lead dashboard, one cohort: /lead?cohort=…',
      kind: 'dynamic',
      next: () => ({ path: `/lead?cohort=${encodeURIComponent(cohorts())}`, cookie: lead }),
    },
    { key: 'lead', label: 'lead dashboard, organisation: /lead', kind: 'dynamic', next: () => ({ path: '/lead', cookie: lead }) },
    {
      key: 'lesson',
      label: 'lesson (prerendered): /classroom/<module>/<lesson>',
      kind: 'static',
      next: () => ({ path: lessons(), cookie: cookie(readers()) }),
    },
  ];
}

function reviewInput(task: ReviewTask, scorecard: ReturnType<typeof loadScorecard>, n: number) {
  const ratings = ['met', 'met', 'met', 'partial'];
  return {
    traineeId: task.traineeId,
    callId: task.callId,
    review: {
      scorecardVersion: scorecard.version,
      items: Object.fromEntries(
        scorecard.items.map((item, i) => {
          const rating = ratings[(n + i) % ratings.length]!;
          return [item.id, rating === 'partial' ? { rating, comment: '结束语可以更完整。' } : { rating }];
        }),
      ),
      critical: {},
      note: '整体不错,注意复述确认。',
    },
  };
}

/**
 * The writes of a busy floor, through the real server actions: trainees logging recordings and, every
 * other request while calls are left, mentors submitting reviews of calls waiting for them. Counts
 * what was sent and what the server acknowledged, to check against the rows that landed.
 */
export function createWriteTargets(params: {
  baseUrl: string;
  scenario: Scenario;
  reviewTasks: readonly ReviewTask[];
  cookie: (username: string) => string;
}) {
  const distDir = path.join(ROOT, DIST_DIR);
  const recordingAction = findActionId(distDir, 'app/(app)/shadowing/actions.ts', 'logRecordingFormAction');
  const reviewAction = findActionId(distDir, 'app/(app)/trainees/[id]/calls/[day]/[callId]/review/actions.ts', 'submitMentorReviewAction');
  const scorecard = loadScorecard();
  const attempted = { recordings: 0, reviews: 0 };
  const acknowledged = { recordings: 0, reviews: 0 };
  const recordingTrainees = cycle(params.scenario.recordingTrainees);
  const reviews = [...params.reviewTasks];
  const { cookie, baseUrl } = params;
  let n = 0;
  const check = (kind: 'recordings' | 'reviews') => (status: number, body: string) => {
    const saved = status === 200 && readActionResult(body).ok === true;
    if (saved) acknowledged[kind] += 1;
    return saved;
  };
  const next = (): Target => {
    n += 1;
    const review = n % 2 === 0 ? reviews.shift() : undefined;
    if (review) {
      attempted.reviews += 1;
      return {
        method: 'POST',
        path: review.path,
        cookie: cookie(review.mentor),
        headers: actionHeaders({ baseUrl, actionId: reviewAction, cookie: cookie(review.mentor) }),
        body: encodeActionArguments([reviewInput(review, scorecard, n)]),
        check: check('reviews'),
      };
    }
    const trainee = recordingTrainees();
    attempted.recordings += 1;
    return {
      method: 'POST',
      path: '/shadowing',
      cookie: cookie(trainee),
      headers: actionHeaders({ baseUrl, actionId: recordingAction, cookie: cookie(trainee) }),
      body: encodeActionArguments([
        {
          day: BENCH_TODAY,
          recordingRef: `REC-BENCH-${n}`,
          agentName: '王芳',
          callType: 'consultation',
          wentWell: '开头语规范,先复述再解答。',
          toLearn: '结束前再确认一次客户是否听懂。',
          requestKey: randomUUID(),
        },
      ]),
      check: check('recordings'),
    };
  };
  return { next, attempted, acknowledged };
}
