// The cohort at a glance, as pure arithmetic over plans the engine already computed: trainees per
// stage, who is behind and by how much, failures and what they scheduled, first-attempt pass rates,
// time to certification and mentor load. Also the trainee's "yesterday's reviews" digest. Codes and
// numbers only; the UI words them. Nothing here reads the database or the clock.
import { countWorkingDaysBetween, type WorkCalendar } from './calendar';
import { addDays, type IsoDate } from './dates';
import type { DayActivity } from './day-status';
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

/** Who the trainee is: read live with the facts, so a renamed trainee or mentor shows at once. */
export type DashboardIdentity = Pick<DashboardTrainee, 'id' | 'displayName' | 'traineeClass' | 'cohort' | 'startDate' | 'mentorId' | 'mentorName'>;

// Pinyin order for names: one collator, far cheaper than localeCompare per comparison at thousands of rows.
const pinyin = new Intl.Collator('zh-CN');

// ---- one trainee's facts ------------------------------------------------------------------------------

/** Bumped when the facts' shape or meaning changes: stored facts of another version are recomputed. */
export const DASHBOARD_FACTS_VERSION = 1;

/** A behind row without who it is about. */
export type BehindFacts = Omit<BehindRow, 'traineeId' | 'displayName' | 'traineeClass' | 'cohort' | 'mentorName' | 'stage' | 'status'>;
/** A failure row without who it is about. */
export type FailureFacts = Omit<FailureRow, 'traineeId' | 'displayName' | 'traineeClass' | 'cohort' | 'mentorName'>;

/**
 * Everything the dashboard shows about one trainee besides who they are, as the engine says on
 * `today`. lib/program.ts stores it beside the cached status (trainees.dashboard_facts) whenever it
 * refreshes that status, so the lead's dashboard aggregates stored facts instead of running the
 * engine for every trainee on every request (docs/decisions/010-performance.md).
 */
export type TraineeDashboardFacts = {
  version: typeof DASHBOARD_FACTS_VERSION;
  today: IsoDate;
  stage: StageBucket;
  status: TraineeStatus;
  daysRemainingInStage: number | null;
  expectedCertificationDate: IsoDate | null;
  certifiedOn: IsoDate | null;
  behind: BehindFacts[];
  failures: FailureFacts[];
  firstAttempt: Record<AssessmentGate, boolean | null>;
  workingDaysToCertification: number | null;
  pendingReviews: number;
};

/** A trainee on the dashboard: who they are (and the username a name search also finds) and their facts. */
export type DashboardEntry = DashboardIdentity & { username?: string; facts: TraineeDashboardFacts };

/**
 * Sampled calls not yet reviewed on days up to today, from the day facts the engine reads
 * (trainee_days.calls_sampled and calls_reviewed, recounted from the samples and reviews on every
 * sample or review write).
 */
export function countPendingReviews(activity: readonly DayActivity[], today: IsoDate): number {
  let pending = 0;
  for (const day of activity) {
    if (day.date <= today) pending += Math.max(0, (day.callsSampled ?? 0) - (day.callsReviewed ?? 0));
  }
  return pending;
}

export function computeDashboardFacts(trainee: Omit<DashboardTrainee, keyof DashboardIdentity> & Pick<DashboardTrainee, 'startDate'>, calendar: WorkCalendar): TraineeDashboardFacts {
  const { plan } = trainee;
  return {
    version: DASHBOARD_FACTS_VERSION,
    today: plan.today,
    stage: stageBucketOf(plan),
    status: plan.status,
    daysRemainingInStage: plan.daysRemainingInStage,
    expectedCertificationDate: plan.certificate ? null : plan.expectedCertificationDate,
    certifiedOn: plan.certificate?.date ?? null,
    behind: behindFactsOf(plan, calendar),
    failures: failureFactsOf(plan, trainee.events),
    firstAttempt: { solo: firstAttemptPassed(plan, 'solo'), probation: firstAttemptPassed(plan, 'probation') },
    workingDaysToCertification: workingDaysToCertification(trainee, calendar),
    pendingReviews: trainee.pendingReviews,
  };
}

/** Stored facts, if they are of this version and for this day; null means recompute. */
export function parseDashboardFacts(value: unknown, today: IsoDate): TraineeDashboardFacts | null {
  if (!value || typeof value !== 'object') return null;
  const facts = value as Partial<TraineeDashboardFacts>;
  return facts.version === DASHBOARD_FACTS_VERSION && facts.today === today ? (facts as TraineeDashboardFacts) : null;
}

function toEntry(t: DashboardTrainee, calendar: WorkCalendar): DashboardEntry {
  return {
    id: t.id,
    displayName: t.displayName,
    traineeClass: t.traineeClass,
    cohort: t.cohort,
    startDate: t.startDate,
    mentorId: t.mentorId,
    mentorName: t.mentorName,
    facts: computeDashboardFacts(t, calendar),
  };
}

// ---- name search ------------------------------------------------------------------------------------

/**
 * The trainees a name search finds: a part of the display name or of the username, Latin letters in
 * either case. No search finds everyone. The lead types a search to reach one trainee in a cohort
 * of thousands, so it narrows the lists of trainees, not the figures about the filtered group
 * (buildDashboardFromEntries).
 */
export function matchNameSearch<T extends { displayName: string; username?: string }>(entries: readonly T[], search: string | undefined): readonly T[] {
  if (!search) return entries;
  const needle = search.toLowerCase();
  return entries.filter((e) => e.displayName.toLowerCase().includes(needle) || (e.username !== undefined && e.username.toLowerCase().includes(needle)));
}

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

function byPinyinName(a: DashboardEntry, b: DashboardEntry): number {
  return pinyin.compare(a.displayName, b.displayName) || a.id - b.id;
}

function rosterRowOf(t: DashboardEntry): RosterRow {
  return {
    traineeId: t.id,
    displayName: t.displayName,
    traineeClass: t.traineeClass,
    cohort: t.cohort,
    mentorName: t.mentorName,
    startDate: t.startDate,
    stage: t.facts.stage,
    status: t.facts.status,
    daysRemainingInStage: t.facts.daysRemainingInStage,
    expectedCertificationDate: t.facts.expectedCertificationDate,
    certifiedOn: t.facts.certifiedOn,
  };
}

/** Newest cohort first, then by name in Chinese (pinyin) order. */
function rosterOf(entries: readonly DashboardEntry[]): RosterRow[] {
  return rosterWindowOf(entries, 0, entries.length);
}

/**
 * Rows offset..offset+limit of the roster's order (newest cohort first, then pinyin, then id).
 * Cohorts are ordered as plain strings; only the cohorts the window falls in are sorted by name,
 * the costly comparison — one page of the whole organisation sorts one or two cohorts, not 5,000 names.
 */
function rosterWindowOf(entries: readonly DashboardEntry[], offset: number, limit: number): RosterRow[] {
  const byCohort = new Map<string, DashboardEntry[]>();
  for (const t of entries) {
    const list = byCohort.get(t.cohort);
    if (list) list.push(t);
    else byCohort.set(t.cohort, [t]);
  }
  const cohorts = [...byCohort.keys()].sort().reverse();
  const rows: RosterRow[] = [];
  const end = offset + limit;
  let start = 0;
  for (const cohort of cohorts) {
    if (start >= end) break;
    const list = byCohort.get(cohort)!;
    if (start + list.length > offset) {
      list.sort(byPinyinName);
      const from = Math.max(0, offset - start);
      const to = Math.min(list.length, end - start);
      for (let i = from; i < to; i++) rows.push(rosterRowOf(list[i]!));
    }
    start += list.length;
  }
  return rows;
}

/** Newest cohort first, then by name in Chinese (pinyin) order. */
export function listRoster(trainees: readonly DashboardTrainee[]): RosterRow[] {
  return rosterOf(
    trainees.map((t) => ({
      ...t,
      facts: {
        stage: stageBucketOf(t.plan),
        status: t.plan.status,
        daysRemainingInStage: t.plan.daysRemainingInStage,
        expectedCertificationDate: t.plan.certificate ? null : t.plan.expectedCertificationDate,
        certifiedOn: t.plan.certificate?.date ?? null,
      } as TraineeDashboardFacts,
    })),
  );
}

export type StageCount = { stage: StageBucket; count: number };

type StageInput = { facts: Pick<TraineeDashboardFacts, 'stage'> };

function stageCountsOf(trainees: readonly StageInput[]): StageCount[] {
  const counts = new Map<StageBucket, number>(stageBuckets.map((s) => [s, 0]));
  for (const t of trainees) counts.set(t.facts.stage, (counts.get(t.facts.stage) ?? 0) + 1);
  return stageBuckets.map((stage) => ({ stage, count: counts.get(stage) ?? 0 }));
}

/** Trainees per stage, every bucket in program order (zeros included, so charts keep their shape). */
export function countByStage(trainees: readonly DashboardTrainee[]): StageCount[] {
  return stageCountsOf(trainees.map((t) => ({ facts: { stage: stageBucketOf(t.plan) } })));
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

/** One trainee's problems: a decision waiting, an assessment overdue, the classroom overdue, missed days, low coverage. */
function behindFactsOf(plan: Plan, calendar: WorkCalendar): BehindFacts[] {
  if (plan.status === 'certified' || plan.status === 'exited') return [];
  const rows: BehindFacts[] = [];
  const base = { dates: [] as IsoDate[], issueStage: null, issueKind: null, gate: null, failures: null, ratio: null, target: null };
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
        rows.push({ ...base, issue: 'missed_days', days: reason.dates.length, since: null, dates: reason.dates, issueStage: reason.stage, issueKind: reason.kind });
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
  return rows;
}

/** Most urgent first, then the longest waiting, then by name. */
function behindOf(entries: readonly DashboardEntry[]): BehindRow[] {
  const rows: BehindRow[] = [];
  for (const t of entries) {
    for (const facts of t.facts.behind) {
      rows.push({
        traineeId: t.id,
        displayName: t.displayName,
        traineeClass: t.traineeClass,
        cohort: t.cohort,
        mentorName: t.mentorName,
        stage: t.facts.stage,
        status: t.facts.status,
        ...facts,
      });
    }
  }
  return rows.sort(
    (a, b) =>
      ISSUE_ORDER.indexOf(a.issue) - ISSUE_ORDER.indexOf(b.issue) || (b.days ?? 0) - (a.days ?? 0) || pinyin.compare(a.displayName, b.displayName),
  );
}

/**
 * One row per problem: a decision waiting, an assessment result overdue, the classroom overdue,
 * missed days, live-listen coverage below target. Most urgent first, then the longest waiting.
 */
export function listBehind(trainees: readonly DashboardTrainee[], calendar: WorkCalendar): BehindRow[] {
  return behindOf(
    trainees.map((t) => ({ ...t, facts: { stage: stageBucketOf(t.plan), status: t.plan.status, behind: behindFactsOf(t.plan, calendar) } as TraineeDashboardFacts })),
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

/** One trainee's failed solo weeks and probations, each with the block that follows it. */
function failureFactsOf(plan: Plan, events: readonly ProgramEvent[]): FailureFacts[] {
  const rows: FailureFacts[] = [];
  plan.blocks.forEach((block, index) => {
    if (block.outcome !== 'failed' || (block.stage !== 'solo' && block.stage !== 'probation')) return;
    const event = findEvent(events, block.outcomeEventId);
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
    rows.push({ gate: block.stage, attempt: block.attempt, failedOn: event?.effectiveDate ?? block.end, scorePercent: score ?? null, followUp });
  });
  return rows;
}

/** Newest first, then by name. */
function failuresOf(entries: readonly DashboardEntry[]): FailureRow[] {
  const rows: FailureRow[] = [];
  for (const t of entries) {
    for (const facts of t.facts.failures) {
      rows.push({ traineeId: t.id, displayName: t.displayName, traineeClass: t.traineeClass, cohort: t.cohort, mentorName: t.mentorName, ...facts });
    }
  }
  return rows.sort((a, b) => (a.failedOn < b.failedOn ? 1 : a.failedOn > b.failedOn ? -1 : pinyin.compare(a.displayName, b.displayName)));
}

/** Every failed solo week and probation (as the engine counts them) with the extension or retraining it triggered; newest first. */
export function listFailures(trainees: readonly DashboardTrainee[]): FailureRow[] {
  return failuresOf(trainees.map((t) => ({ ...t, facts: { failures: failureFactsOf(t.plan, t.events) } as TraineeDashboardFacts })));
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

// The aggregations below read entries (or the few fields of them they need) directly: on the whole
// organisation's page, first mapping 5,000 entries to an input object per aggregate cost more than the sums.
type PassRateInput = { traineeClass: TraineeClass; cohort: string; facts: Pick<TraineeDashboardFacts, 'firstAttempt'> };

type GateTally = { attempted: number; passed: number };
type GroupTally = Record<AssessmentGate, GateTally>;

function emptyTally(): GroupTally {
  return { solo: { attempted: 0, passed: 0 }, probation: { attempted: 0, passed: 0 } };
}

function tallyRows(group: PassRateGroup, tally: GroupTally): PassRateRow[] {
  return gates.map((gate) => {
    const { attempted, passed } = tally[gate];
    return { group, gate, attempted, passedFirstTime: passed, rate: attempted === 0 ? null : passed / attempted };
  });
}

function passRatesOf(trainees: readonly PassRateInput[]): PassRateRow[] {
  const all = emptyTally();
  const byClass = new Map<TraineeClass, GroupTally>();
  const byCohort = new Map<string, GroupTally>();
  for (const t of trainees) {
    let classTally = byClass.get(t.traineeClass);
    if (!classTally) byClass.set(t.traineeClass, (classTally = emptyTally()));
    let cohortTally = byCohort.get(t.cohort);
    if (!cohortTally) byCohort.set(t.cohort, (cohortTally = emptyTally()));
    for (const gate of gates) {
      const result = t.facts.firstAttempt[gate];
      if (result === null) continue;
      const passed = result ? 1 : 0;
      all[gate].attempted += 1;
      all[gate].passed += passed;
      classTally[gate].attempted += 1;
      classTally[gate].passed += passed;
      cohortTally[gate].attempted += 1;
      cohortTally[gate].passed += passed;
    }
  }
  return [
    ...tallyRows({ by: 'all' }, all),
    ...[...byClass.keys()].sort().flatMap((c) => tallyRows({ by: 'class', traineeClass: c }, byClass.get(c)!)),
    ...[...byCohort.keys()].sort().flatMap((c) => {
      const rows = tallyRows({ by: 'cohort', cohort: c }, byCohort.get(c)!);
      return rows.some((r) => r.attempted > 0) ? rows : [];
    }),
  ];
}

/**
 * First-attempt pass rates of the solo week and probation: all trainees, per class, then per cohort
 * (sorted) — leaving out cohorts nobody of which has reached either gate yet, which say nothing.
 */
export function computePassRates(trainees: readonly DashboardTrainee[]): PassRateRow[] {
  return passRatesOf(
    trainees.map((t) => ({
      traineeClass: t.traineeClass,
      cohort: t.cohort,
      facts: { firstAttempt: { solo: firstAttemptPassed(t.plan, 'solo'), probation: firstAttemptPassed(t.plan, 'probation') } },
    })),
  );
}

// ---- time to certification ----------------------------------------------------------------------------

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  // A typed array sorts numerically, natively: several times faster than a comparator over thousands of values.
  const sorted = Float64Array.from(values).sort();
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

type CertificationInput = { traineeClass: TraineeClass; facts: Pick<TraineeDashboardFacts, 'workingDaysToCertification'> };

function certificationRow(group: CertificationRow['group'], days: readonly number[]): CertificationRow {
  let min: number | null = null;
  let max: number | null = null;
  for (const d of days) {
    if (min === null || d < min) min = d;
    if (max === null || d > max) max = d;
  }
  return { group, certified: days.length, medianDays: median(days), minDays: min, maxDays: max };
}

function certificationTimesOf(trainees: readonly CertificationInput[]): CertificationRow[] {
  const all: number[] = [];
  const byClass = new Map<TraineeClass, number[]>();
  for (const t of trainees) {
    let days = byClass.get(t.traineeClass);
    if (!days) byClass.set(t.traineeClass, (days = []));
    const d = t.facts.workingDaysToCertification;
    if (d === null) continue;
    all.push(d);
    days.push(d);
  }
  return [
    certificationRow({ by: 'all' }, all),
    ...[...byClass.keys()].sort().map((c) => certificationRow({ by: 'class', traineeClass: c }, byClass.get(c)!)),
  ];
}

/** Median working days from start to certification: all trainees, then per class. */
export function computeCertificationTimes(trainees: readonly DashboardTrainee[], calendar: WorkCalendar): CertificationRow[] {
  return certificationTimesOf(trainees.map((t) => ({ traineeClass: t.traineeClass, facts: { workingDaysToCertification: workingDaysToCertification(t, calendar) } })));
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

type MentorLoadInput = { mentorId: number | null; mentorName: string | null; facts: Pick<TraineeDashboardFacts, 'status' | 'pendingReviews'> };

function mentorLoadOf(trainees: readonly MentorLoadInput[]): MentorLoadRow[] {
  const rows = new Map<number, MentorLoadRow>();
  for (const t of trainees) {
    if (t.mentorId === null) continue;
    let row = rows.get(t.mentorId);
    if (!row) {
      row = { mentorId: t.mentorId, mentorName: t.mentorName ?? String(t.mentorId), activeMentees: 0, behindMentees: 0, pendingReviews: 0 };
      rows.set(t.mentorId, row);
    }
    const { status } = t.facts;
    if (status !== 'certified' && status !== 'exited') row.activeMentees += 1;
    if (status === 'behind') row.behindMentees += 1;
    row.pendingReviews += t.facts.pendingReviews;
  }
  return [...rows.values()].sort(
    (a, b) => b.pendingReviews - a.pendingReviews || b.activeMentees - a.activeMentees || pinyin.compare(a.mentorName, b.mentorName) || a.mentorId - b.mentorId,
  );
}

/**
 * Per mentor of the given trainees: mentees still in the program, how many are behind, and sampled
 * calls waiting for a review. A mentor none of whose mentees are among them isn't listed: the table
 * answers "who carries the load of these trainees", and 200 rows of zeros under a cohort filter don't.
 */
export function computeMentorLoad(trainees: readonly DashboardTrainee[]): MentorLoadRow[] {
  return mentorLoadOf(
    trainees.map((t) => ({ mentorId: t.mentorId, mentorName: t.mentorName, facts: { status: t.plan.status, pendingReviews: t.pendingReviews } })),
  );
}

// ---- everything at once --------------------------------------------------------------------------------

/** The figures about the whole filtered set that are small whatever its size. */
export type DashboardSummary = {
  today: IsoDate;
  total: number;
  statusCounts: Record<TraineeStatus, number>;
  stages: StageCount[];
  certification: CertificationRow[];
};

/**
 * The figures are about every filtered trainee; the roster, behind and failure lists only about
 * those a name search finds (all of them without a search).
 */
export type Dashboard = DashboardSummary & {
  roster: RosterRow[];
  behind: BehindRow[];
  failures: FailureRow[];
  passRates: PassRateRow[];
  mentors: MentorLoadRow[];
};

function summaryOf(entries: readonly DashboardEntry[], today: IsoDate): DashboardSummary {
  const statusCounts: Record<TraineeStatus, number> = {
    not_started: 0,
    on_track: 0,
    behind: 0,
    awaiting_assessment: 0,
    needs_decision: 0,
    certified: 0,
    exited: 0,
  };
  for (const t of entries) statusCounts[t.facts.status] += 1;
  return {
    today,
    total: entries.length,
    statusCounts,
    stages: stageCountsOf(entries),
    certification: certificationTimesOf(entries),
  };
}

/** The dashboard from each trainee's stored facts, every row of every list: arithmetic and sorting only, no engine. */
export function buildDashboardFromEntries(params: { entries: readonly DashboardEntry[]; today: IsoDate; nameSearch?: string }): Dashboard {
  const { entries } = params;
  const found = matchNameSearch(entries, params.nameSearch);
  return {
    ...summaryOf(entries, params.today),
    roster: rosterOf(found),
    behind: behindOf(found),
    failures: failuresOf(found),
    passRates: passRatesOf(entries),
    mentors: mentorLoadOf(entries),
  };
}

export function buildDashboard(params: { trainees: readonly DashboardTrainee[]; calendar: WorkCalendar; today: IsoDate }): Dashboard {
  return buildDashboardFromEntries({ entries: params.trainees.map((t) => toEntry(t, params.calendar)), today: params.today });
}

// ---- one page of each list ------------------------------------------------------------------------------

/** The lists that grow with the trainees, shown a page at a time (files keep every row). */
export const dashboardLists = ['roster', 'behind', 'failures', 'passRates', 'mentors'] as const;
export type DashboardListId = (typeof dashboardLists)[number];

/** One page of a list: `first` is the 1-based position of its first row (0 when the list is empty). */
export type Page<T> = { rows: T[]; total: number; page: number; pageCount: number; first: number };

/** Asked for page (1-based) of a list of `total` rows: a page past the end shows the last one. */
export function pageWindow(total: number, requested: number | undefined, pageSize: number): { page: number; pageCount: number; offset: number } {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(pageCount, Math.max(1, Math.floor(requested ?? 1)));
  return { page, pageCount, offset: (page - 1) * pageSize };
}

function pageOf<T>(rows: readonly T[], requested: number | undefined, pageSize: number): Page<T> {
  const { page, pageCount, offset } = pageWindow(rows.length, requested, pageSize);
  return { rows: rows.slice(offset, offset + pageSize), total: rows.length, page, pageCount, first: rows.length === 0 ? 0 : offset + 1 };
}

export type DashboardView = DashboardSummary & {
  /** The per-class first-attempt rates, for the chart (a handful of rows whatever the size). */
  classPassRates: PassRateRow[];
  roster: Page<RosterRow>;
  behind: Page<BehindRow>;
  failures: Page<FailureRow>;
  passRates: Page<PassRateRow>;
  mentors: Page<MentorLoadRow>;
};

/**
 * What the page shows: the same figures as buildDashboardFromEntries, with each list cut to the
 * asked-for page (each page is exactly that slice of the full list — the export's rows). The roster,
 * the one list as long as the trainees, sorts only the cohorts its page falls in.
 */
export function buildDashboardView(params: {
  entries: readonly DashboardEntry[];
  today: IsoDate;
  pages: Partial<Record<DashboardListId, number>>;
  pageSize: number;
  nameSearch?: string;
}): DashboardView {
  const { entries, pages, pageSize } = params;
  const found = matchNameSearch(entries, params.nameSearch);
  const passRates = passRatesOf(entries);
  const roster = pageWindow(found.length, pages.roster, pageSize);
  return {
    ...summaryOf(entries, params.today),
    classPassRates: passRates.filter((r) => r.group.by === 'class'),
    roster: {
      rows: rosterWindowOf(found, roster.offset, pageSize),
      total: found.length,
      page: roster.page,
      pageCount: roster.pageCount,
      first: found.length === 0 ? 0 : roster.offset + 1,
    },
    behind: pageOf(behindOf(found), pages.behind, pageSize),
    failures: pageOf(failuresOf(found), pages.failures, pageSize),
    passRates: pageOf(passRates, pages.passRates, pageSize),
    mentors: pageOf(mentorLoadOf(entries), pages.mentors, pageSize),
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
