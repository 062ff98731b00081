// The cohort at a glance, as pure arithmetic over plans the engine already computed: trainees per
// stage, who is behind and by how much, failures and what they scheduled, first-attempt pass rates,
// time to certification and mentor load. Also the trainee's "yesterday's reviews" digest. Codes and
// numbers only; the UI words them. Nothing here reads the database or the clock.
import { countWorkingDaysBetween, type WorkCalendar } from './calendar';
import { addDays, type IsoDate } from './dates';
import type { ProgramEvent, ProgramEventId } from './events';
import type { AssessmentGate, BlockKind, Plan, PlanStage, TraineeStatus } from './plan';
import type { TraineeClass } from './program-settings';

// ---- stages ---------------------------------------------------------------------------------------

/** Where a trainee stands, in program order: a stage, an extension or retraining, or a status with no stage. */
export const stageBuckets = [
  'not_started',
  'classroom',
  'shadowing',
  'drills',
  'supervised',
  'extension',
  'retraining',
  'solo',
  'probation',
  'needs_decision',
  'certified',
  'exited',
] as const;
export type StageBucket = (typeof stageBuckets)[number];

export function isStageBucket(value: string): value is StageBucket {
  return (stageBuckets as readonly string[]).includes(value);
}

export function stageBucketOf(plan: Plan): StageBucket {
  switch (plan.status) {
    case 'not_started':
    case 'needs_decision':
    case 'certified':
    case 'exited':
      return plan.status;
    default:
      break;
  }
  const index = plan.currentBlockIndex ?? plan.nextBlockIndex;
  const block = index === null ? undefined : plan.blocks[index];
  if (!block) return 'not_started';
  // Probation passed, certificate not yet issued: still the probation's business.
  if (block.stage === 'certified') return 'probation';
  return block.kind === 'regular' ? block.stage : block.kind;
}

// ---- input ----------------------------------------------------------------------------------------

/** One trainee as the dashboard needs them: the record, the engine's plan and the events it came from. */
export type DashboardTrainee = {
  id: number;
  displayName: string;
  traineeClass: TraineeClass;
  cohort: string;
  startDate: IsoDate;
  mentorId: number | null;
  mentorName: string | null;
  plan: Plan;
  events: readonly ProgramEvent[];
  /** Sampled calls still without the mentor's review, up to today. */
  pendingReviews: number;
};

export type Mentor = { id: number; displayName: string };

// ---- the roster and the funnel ----------------------------------------------------------------------

export type RosterRow = {
  traineeId: number;
  displayName: string;
  traineeClass: TraineeClass;
  cohort: string;
  mentorName: string | null;
  startDate: IsoDate;
  stage: StageBucket;
  status: TraineeStatus;
  daysRemainingInStage: number | null;
  expectedCertificationDate: IsoDate | null;
  certifiedOn: IsoDate | null;
};

/** Newest cohort first, then by name in Chinese (pinyin) order. */
export function listRoster(trainees: readonly DashboardTrainee[]): RosterRow[] {
  const sorted = [...trainees].sort(
    (a, b) => (a.cohort < b.cohort ? 1 : a.cohort > b.cohort ? -1 : a.displayName.localeCompare(b.displayName, 'zh-CN') || a.id - b.id),
  );
  return sorted.map((t) => ({
    traineeId: t.id,
    displayName: t.displayName,
    traineeClass: t.traineeClass,
    cohort: t.cohort,
    mentorName: t.mentorName,
    startDate: t.startDate,
    stage: stageBucketOf(t.plan),
    status: t.plan.status,
    daysRemainingInStage: t.plan.daysRemainingInStage,
    expectedCertificationDate: t.plan.certificate ? null : t.plan.expectedCertificationDate,
    certifiedOn: t.plan.certificate?.date ?? null,
  }));
}

export type StageCount = { stage: StageBucket; count: number };

/** Trainees per stage, every bucket in program order (zeros included, so charts keep their shape). */
export function countByStage(trainees: readonly DashboardTrainee[]): StageCount[] {
  const counts = new Map<StageBucket, number>(stageBuckets.map((s) => [s, 0]));
  for (const t of trainees) {
    const bucket = stageBucketOf(t.plan);
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  }
  return stageBuckets.map((stage) => ({ stage, count: counts.get(stage) ?? 0 }));
}

// ---- behind and overdue -----------------------------------------------------------------------------

export type BehindIssue =
  | 'needs_decision'
  | 'awaiting_assessment'
  | 'classroom_overdue'
  | 'missed_days'
  | 'live_listen_coverage_below';

const ISSUE_ORDER: readonly BehindIssue[] = [
  'needs_decision',
  'awaiting_assessment',
  'classroom_overdue',
  'missed_days',
  'live_listen_coverage_below',
];

export type BehindRow = {
  traineeId: number;
  displayName: string;
  traineeClass: TraineeClass;
  cohort: string;
  mentorName: string | null;
  stage: StageBucket;
  status: TraineeStatus;
  issue: BehindIssue;
  /** Missed days, or working days overdue / waiting since `since`; null for coverage. */
  days: number | null;
  /** The day the overdue or waiting started (the planned end, the failure); null for missed days and coverage. */
  since: IsoDate | null;
  /** The missed dates (missed_days). */
  dates: IsoDate[];
  /** Which stage the issue is about (missed days, coverage) or the gate (awaiting, decision). */
  issueStage: PlanStage | null;
  issueKind: BlockKind | null;
  gate: AssessmentGate | null;
  failures: number | null;
  /** Live-listen coverage and its target, 0..1 (coverage only). */
  ratio: number | null;
  target: number | null;
};

/** Working days after `since` up to and including today: how long it has been overdue. */
function workingDaysSince(calendar: WorkCalendar, since: IsoDate, today: IsoDate): number {
  return countWorkingDaysBetween(calendar, addDays(since, 1), today);
}

/**
 * One row per problem: a decision waiting, an assessment result overdue, the classroom overdue,
 * missed days, live-listen coverage below target. Most urgent first, then the longest waiting.
 */
export function listBehind(trainees: readonly DashboardTrainee[], calendar: WorkCalendar): BehindRow[] {
  const rows: BehindRow[] = [];
  for (const t of trainees) {
    const { plan } = t;
    if (plan.status === 'certified' || plan.status === 'exited') continue;
    const base = {
      traineeId: t.id,
      displayName: t.displayName,
      traineeClass: t.traineeClass,
      cohort: t.cohort,
      mentorName: t.mentorName,
      stage: stageBucketOf(plan),
      status: plan.status,
      dates: [] as IsoDate[],
      issueStage: null,
      issueKind: null,
      gate: null,
      failures: null,
      ratio: null,
      target: null,
    };
    if (plan.pendingDecision) {
      const { since, gate, failures } = plan.pendingDecision;
      rows.push({ ...base, issue: 'needs_decision', days: workingDaysSince(calendar, since, plan.today), since, gate, failures });
    }
    const current = plan.currentBlockIndex === null ? undefined : plan.blocks[plan.currentBlockIndex];
    if (plan.status === 'awaiting_assessment' && current && (current.stage === 'solo' || current.stage === 'probation')) {
      rows.push({
        ...base,
        issue: 'awaiting_assessment',
        days: workingDaysSince(calendar, current.plannedEnd, plan.today),
        since: current.plannedEnd,
        issueStage: current.stage,
        issueKind: current.kind,
        gate: current.stage,
      });
    }
    for (const reason of plan.behindReasons) {
      switch (reason.code) {
        case 'classroom_overdue':
          rows.push({
            ...base,
            issue: 'classroom_overdue',
            days: workingDaysSince(calendar, reason.plannedEnd, plan.today),
            since: reason.plannedEnd,
            issueStage: 'classroom',
            issueKind: 'regular',
          });
          break;
        case 'missed_days':
          rows.push({
            ...base,
            issue: 'missed_days',
            days: reason.dates.length,
            since: null,
            dates: reason.dates,
            issueStage: reason.stage,
            issueKind: reason.kind,
          });
          break;
        case 'live_listen_coverage_below':
          rows.push({
            ...base,
            issue: 'live_listen_coverage_below',
            days: null,
            since: null,
            issueStage: reason.stage,
            issueKind: reason.kind,
            ratio: reason.ratio,
            target: reason.target,
          });
          break;
      }
    }
  }
  return rows.sort(
    (a, b) =>
      ISSUE_ORDER.indexOf(a.issue) - ISSUE_ORDER.indexOf(b.issue) ||
      (b.days ?? 0) - (a.days ?? 0) ||
      a.displayName.localeCompare(b.displayName, 'zh-CN'),
  );
}

// ---- failures and what they scheduled ----------------------------------------------------------------

export type FailureFollowUp =
  | { kind: 'extension' | 'retraining'; stage: PlanStage; start: IsoDate; end: IsoDate; provisional: boolean }
  | { kind: 'decision_pending'; since: IsoDate }
  | { kind: 'exited'; date: IsoDate }
  | { kind: 'none' };

export type FailureRow = {
  traineeId: number;
  displayName: string;
  traineeClass: TraineeClass;
  cohort: string;
  mentorName: string | null;
  gate: AssessmentGate;
  attempt: number;
  failedOn: IsoDate;
  scorePercent: number | null;
  followUp: FailureFollowUp;
};

function findEvent(events: readonly ProgramEvent[], id: ProgramEventId | null): ProgramEvent | undefined {
  return id === null ? undefined : events.find((e) => e.id === id);
}

/** Every failed solo week and probation (as the engine counts them) with the extension or retraining it triggered; newest first. */
export function listFailures(trainees: readonly DashboardTrainee[]): FailureRow[] {
  const rows: FailureRow[] = [];
  for (const t of trainees) {
    const { plan } = t;
    plan.blocks.forEach((block, index) => {
      if (block.outcome !== 'failed' || (block.stage !== 'solo' && block.stage !== 'probation')) return;
      const event = findEvent(t.events, block.outcomeEventId);
      const next = plan.blocks.slice(index + 1).find((b) => !b.skipped);
      let followUp: FailureFollowUp = { kind: 'none' };
      if (next && next.kind !== 'regular') {
        followUp = { kind: next.kind, stage: next.stage, start: next.start, end: next.end, provisional: next.provisional };
      } else if (plan.pendingDecision && plan.pendingDecision.failedEventId === block.outcomeEventId) {
        followUp = { kind: 'decision_pending', since: plan.pendingDecision.since };
      } else if (plan.exitedOn && !next) {
        followUp = { kind: 'exited', date: plan.exitedOn };
      }
      const score = event && 'scorePercent' in event.payload ? event.payload.scorePercent : undefined;
      rows.push({
        traineeId: t.id,
        displayName: t.displayName,
        traineeClass: t.traineeClass,
        cohort: t.cohort,
        mentorName: t.mentorName,
        gate: block.stage,
        attempt: block.attempt,
        failedOn: event?.effectiveDate ?? block.end,
        scorePercent: score ?? null,
        followUp,
      });
    });
  }
  return rows.sort((a, b) => (a.failedOn < b.failedOn ? 1 : a.failedOn > b.failedOn ? -1 : a.displayName.localeCompare(b.displayName, 'zh-CN')));
}

// ---- pass rates ---------------------------------------------------------------------------------------

export type PassRateGroup = { by: 'all' } | { by: 'class'; traineeClass: TraineeClass } | { by: 'cohort'; cohort: string };

export type PassRateRow = {
  group: PassRateGroup;
  gate: AssessmentGate;
  /** Trainees with a first result at this gate. */
  attempted: number;
  passedFirstTime: number;
  /** passedFirstTime / attempted; null when nobody has a result yet. */
  rate: number | null;
};

/** The first result at the gate: true = passed at the first attempt; null = no result yet. */
export function firstAttemptPassed(plan: Plan, gate: AssessmentGate): boolean | null {
  const first = plan.blocks.find((b) => b.stage === gate && (b.outcome === 'passed' || b.outcome === 'failed'));
  return first ? first.outcome === 'passed' : null;
}

const gates: readonly AssessmentGate[] = ['solo', 'probation'];

function rateRows(group: PassRateGroup, trainees: readonly DashboardTrainee[]): PassRateRow[] {
  return gates.map((gate) => {
    const results = trainees.map((t) => firstAttemptPassed(t.plan, gate)).filter((r): r is boolean => r !== null);
    const passedFirstTime = results.filter(Boolean).length;
    return { group, gate, attempted: results.length, passedFirstTime, rate: results.length === 0 ? null : passedFirstTime / results.length };
  });
}

/**
 * First-attempt pass rates of the solo week and probation: all trainees, per class, then per cohort
 * (sorted) — leaving out cohorts nobody of which has reached either gate yet, which say nothing.
 */
export function computePassRates(trainees: readonly DashboardTrainee[]): PassRateRow[] {
  const classes = [...new Set(trainees.map((t) => t.traineeClass))].sort();
  const cohorts = [...new Set(trainees.map((t) => t.cohort))].sort();
  return [
    ...rateRows({ by: 'all' }, trainees),
    ...classes.flatMap((c) => rateRows({ by: 'class', traineeClass: c }, trainees.filter((t) => t.traineeClass === c))),
    ...cohorts.flatMap((c) => {
      const rows = rateRows({ by: 'cohort', cohort: c }, trainees.filter((t) => t.cohort === c));
      return rows.some((r) => r.attempted > 0) ? rows : [];
    }),
  ];
}

// ---- time to certification ----------------------------------------------------------------------------

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export type CertificationRow = {
  group: { by: 'all' } | { by: 'class'; traineeClass: TraineeClass };
  certified: number;
  /** Working days from the start date to the certificate, both included. */
  medianDays: number | null;
  minDays: number | null;
  maxDays: number | null;
};

/** Working days from the first day to the certificate, both counted. */
export function workingDaysToCertification(trainee: Pick<DashboardTrainee, 'startDate' | 'plan'>, calendar: WorkCalendar): number | null {
  const certificate = trainee.plan.certificate;
  return certificate ? countWorkingDaysBetween(calendar, trainee.startDate, certificate.date) : null;
}

function certificationRow(group: CertificationRow['group'], trainees: readonly DashboardTrainee[], calendar: WorkCalendar): CertificationRow {
  const days = trainees.map((t) => workingDaysToCertification(t, calendar)).filter((d): d is number => d !== null);
  return {
    group,
    certified: days.length,
    medianDays: median(days),
    minDays: days.length ? Math.min(...days) : null,
    maxDays: days.length ? Math.max(...days) : null,
  };
}

/** Median working days from start to certification: all trainees, then per class. */
export function computeCertificationTimes(trainees: readonly DashboardTrainee[], calendar: WorkCalendar): CertificationRow[] {
  const classes = [...new Set(trainees.map((t) => t.traineeClass))].sort();
  return [
    certificationRow({ by: 'all' }, trainees, calendar),
    ...classes.map((c) => certificationRow({ by: 'class', traineeClass: c }, trainees.filter((t) => t.traineeClass === c), calendar)),
  ];
}

// ---- mentor load -------------------------------------------------------------------------------------

export type MentorLoadRow = {
  mentorId: number;
  mentorName: string;
  /** Mentees still in the program (not certified, not exited). */
  activeMentees: number;
  behindMentees: number;
  pendingReviews: number;
};

/** Per mentor: mentees still in the program, how many are behind, and sampled calls waiting for a review. */
export function computeMentorLoad(trainees: readonly DashboardTrainee[], mentors: readonly Mentor[]): MentorLoadRow[] {
  const rows = new Map<number, MentorLoadRow>(
    mentors.map((m) => [m.id, { mentorId: m.id, mentorName: m.displayName, activeMentees: 0, behindMentees: 0, pendingReviews: 0 }]),
  );
  for (const t of trainees) {
    if (t.mentorId === null) continue;
    let row = rows.get(t.mentorId);
    if (!row) {
      row = { mentorId: t.mentorId, mentorName: t.mentorName ?? String(t.mentorId), activeMentees: 0, behindMentees: 0, pendingReviews: 0 };
      rows.set(t.mentorId, row);
    }
    const finished = t.plan.status === 'certified' || t.plan.status === 'exited';
    if (!finished) row.activeMentees += 1;
    if (t.plan.status === 'behind') row.behindMentees += 1;
    row.pendingReviews += t.pendingReviews;
  }
  return [...rows.values()].sort(
    (a, b) => b.pendingReviews - a.pendingReviews || b.activeMentees - a.activeMentees || a.mentorName.localeCompare(b.mentorName, 'zh-CN'),
  );
}

// ---- everything at once --------------------------------------------------------------------------------

export type Dashboard = {
  today: IsoDate;
  total: number;
  statusCounts: Record<TraineeStatus, number>;
  stages: StageCount[];
  roster: RosterRow[];
  behind: BehindRow[];
  failures: FailureRow[];
  passRates: PassRateRow[];
  certification: CertificationRow[];
  mentors: MentorLoadRow[];
};

export function buildDashboard(params: {
  trainees: readonly DashboardTrainee[];
  mentors: readonly Mentor[];
  calendar: WorkCalendar;
  today: IsoDate;
}): Dashboard {
  const { trainees, calendar } = params;
  const statusCounts: Record<TraineeStatus, number> = {
    not_started: 0,
    on_track: 0,
    behind: 0,
    awaiting_assessment: 0,
    needs_decision: 0,
    certified: 0,
    exited: 0,
  };
  for (const t of trainees) statusCounts[t.plan.status] += 1;
  return {
    today: params.today,
    total: trainees.length,
    statusCounts,
    stages: countByStage(trainees),
    roster: listRoster(trainees),
    behind: listBehind(trainees, calendar),
    failures: listFailures(trainees),
    passRates: computePassRates(trainees),
    certification: computeCertificationTimes(trainees, calendar),
    mentors: computeMentorLoad(trainees, params.mentors),
  };
}

// ---- the trainee's digest of yesterday's reviews -----------------------------------------------------

export type ReviewedCall = {
  reviewId: number;
  callId: number;
  externalId: string;
  total: number;
  passed: boolean;
  criticalFailed: boolean;
  note: string;
  items: Readonly<Record<string, unknown>>;
};

export type WeakItem = { itemId: string; rating: string; comment: string | null };

export type ReviewDigest<R extends ReviewedCall = ReviewedCall> = {
  reviewed: number;
  passed: number;
  failed: number;
  calls: (Omit<R, 'items'> & { weakItems: WeakItem[] })[];
};

/**
 * A day's reviews boiled down for the trainee: how many passed, and per call the items rated below
 * full marks (部分达标 / 未达标) with the mentor's comments, in the scorecard's order.
 * `levelRatios` maps a level id to its share of the weight; 'na' and unknown ratings are left out.
 */
export function summariseDayReviews<R extends ReviewedCall>(
  reviews: readonly R[],
  levelRatios: Readonly<Record<string, number>>,
  itemOrder: readonly string[],
): ReviewDigest<R> {
  const position = (id: string) => {
    const i = itemOrder.indexOf(id);
    return i === -1 ? itemOrder.length : i;
  };
  const calls = reviews.map((review) => {
    const { items } = review;
    const weakItems: WeakItem[] = [];
    for (const [itemId, value] of Object.entries(items)) {
      if (!value || typeof value !== 'object') continue;
      const { rating, comment } = value as { rating?: unknown; comment?: unknown };
      if (typeof rating !== 'string') continue;
      const ratio = levelRatios[rating];
      if (ratio === undefined || ratio >= 1) continue;
      weakItems.push({ itemId, rating, comment: typeof comment === 'string' && comment.trim() !== '' ? comment : null });
    }
    weakItems.sort((a, b) => position(a.itemId) - position(b.itemId));
    const { items: _items, ...rest } = review;
    return { ...rest, weakItems };
  });
  const passed = reviews.filter((r) => r.passed).length;
  return { reviewed: reviews.length, passed, failed: reviews.length - passed, calls };
}
