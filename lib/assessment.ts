// The two assessment gates as the pages and actions see them: a trainee's solo assessment week
// (独立上线考核) with qa's scored calls and the computed result, and the probation review
// (试用期内部评定) with each assessor's score and the weighted result. Facts come from db/queries,
// decisions from domain/ (evaluateSoloAssessment, computeProbationResult); this file only gathers.
import { listAssessmentReviews, type AssessmentReviewRow } from '@/db/queries/assessment';
import { listProbationScores, type ProbationScoreRow } from '@/db/queries/probation';
import { listTraineeEventHistory } from '@/db/queries/program';
import type { TraineeRecord } from '@/db/queries/trainees';
import type { DbOrTx } from '@/db/tx';
import { addDays, maxIsoDate, type IsoDate } from '@/domain/dates';
import { resolveEffectiveEvents, type ProgramEvent, type ProgramEventOf } from '@/domain/events';
import type { AssessmentGate, Plan, PlanBlock } from '@/domain/plan';
import { computeProbationResult, type ProbationResult } from '@/domain/probation-review';
import { assessorKinds, type AssessorKind, type ProgramSettings } from '@/domain/program-settings';
import { averageDimensionScores, computeDimensionScores, type ItemResults, type Scorecard } from '@/domain/scorecard';
import { evaluateSoloAssessment, type SoloAssessmentResult } from '@/domain/solo-assessment';
import type { Call } from '@/db/schema';
import { can, type Actor } from './authz';
import { traineeSubject } from './access';
import { loadScorecard } from './content/scorecard';
import { AppError } from './errors';
import { computeTraineePlan, listTraineeEvents, loadProgramContext, todayFor } from './program';

export type { AssessmentGate } from '@/domain/plan';
export type ResultEvent = ProgramEventOf<'solo_passed' | 'solo_failed' | 'probation_passed' | 'probation_failed'>;

/**
 * upcoming: hasn't started; open: running, before its last planned day; due: on or after its last
 * planned day with no result (a lead confirms now); recorded: a result ended it.
 */
export type GateState = 'upcoming' | 'open' | 'due' | 'recorded';

/**
 * The block a gate's pages work on: the first one still waiting for a result (the running week or
 * the next one), else the last one that has a result. null when the trainee never reaches the gate
 * (exited before it, or a decision is pending with no later block).
 */
export function findGateBlock(plan: Plan, gate: AssessmentGate): PlanBlock | null {
  const blocks = plan.blocks.filter((b) => b.stage === gate && !b.skipped);
  return blocks.find((b) => b.outcome === null) ?? blocks.findLast((b) => b.outcome !== null) ?? null;
}

export function gateState(block: PlanBlock, today: IsoDate): GateState {
  if (block.outcome !== null) return 'recorded';
  if (block.start > today) return 'upcoming';
  return today >= block.plannedEnd ? 'due' : 'open';
}

// ---- Solo assessment week -------------------------------------------------------------------

export type SoloWeek = {
  block: PlanBlock;
  /** 1 for the first solo week, 2 after an extension… */
  attempt: number;
  state: GateState;
  /** The week's planned working days (excused days left out); calls on these days may be scored. */
  days: IsoDate[];
  reviews: AssessmentReviewRow[];
  result: SoloAssessmentResult;
  /** Per scorecard dimension (服务用语, 服务热情度, 业务掌握程度): the mean over the scored calls. */
  dimensions: Record<string, number | null>;
};

export function loadSoloWeek(
  db: DbOrTx,
  params: { plan: Plan; traineeId: number; settings: ProgramSettings; scorecard: Scorecard; today: IsoDate },
): SoloWeek | null {
  const block = findGateBlock(params.plan, 'solo');
  if (!block) return null;
  // The planned week only: while the result waits, later days are not part of the assessment.
  const days = block.workingDays.filter((d) => d <= block.plannedEnd);
  const reviews = listAssessmentReviews(db, { traineeId: params.traineeId, days });
  const { exam } = params.plan;
  const result = evaluateSoloAssessment({
    scoredCalls: reviews.map((r) => ({ total: r.total, criticalFailed: r.criticalFailed })),
    // seeds/000 篇二 四(三)(二)1): the business-knowledge exam belongs to the assessment.
    examPassed: exam.passed ? true : exam.bestScorePercent === null ? null : false,
    settings: params.settings.soloAssessment,
  });
  const dimensions = averageDimensionScores(reviews.map((r) => computeDimensionScores(params.scorecard, r.items as ItemResults)));
  return { block, attempt: block.attempt, state: gateState(block, params.today), days, reviews, result, dimensions };
}

/** The call may be scored for the solo assessment: a past or present day of a week still waiting for its result. */
export function isAssessableDay(week: SoloWeek | null, day: IsoDate, today: IsoDate): boolean {
  return week !== null && week.state !== 'recorded' && week.state !== 'upcoming' && day <= today && week.days.includes(day);
}

/** The assessment policy's check (lib/call-reviews.ts ReviewPolicy): the call is on an open day of the week. */
export function assertReviewableForAssessment(db: DbOrTx, params: { trainee: TraineeRecord; call: Call }): void {
  const ctx = loadProgramContext(db, params.trainee.orgId);
  const today = todayFor(ctx);
  const plan = computeTraineePlan(db, ctx, params.trainee, today);
  const week = loadSoloWeek(db, { plan, traineeId: params.trainee.id, settings: ctx.settings, scorecard: loadScorecard(), today });
  if (!isAssessableDay(week, params.call.day, today)) throw new AppError('assessment_call_not_in_week');
}

// ---- Probation review -----------------------------------------------------------------------

export type ProbationReview = {
  block: PlanBlock;
  /** probation_scores.attempt: 1 for the first probation period, 2 after a retraining… */
  attempt: number;
  state: GateState;
  /** Assessors may score from this day (the period's last week) until the sign-off. */
  scoringOpensOn: IsoDate;
  scoringOpen: boolean;
  assessors: { kind: AssessorKind; weight: number }[];
  scores: ProbationScoreRow[];
  result: ProbationResult<AssessorKind>;
  passMark: number;
};

export function loadProbationReview(
  db: DbOrTx,
  params: { plan: Plan; traineeId: number; settings: ProgramSettings; today: IsoDate },
): ProbationReview | null {
  const block = findGateBlock(params.plan, 'probation');
  if (!block) return null;
  const state = gateState(block, params.today);
  const { probation } = params.settings;
  const assessors = probation.assessors.filter((a) => a.enabled).map(({ kind, weight }) => ({ kind, weight }));
  const enabled = new Set(assessors.map((a) => a.kind));
  const scores = listProbationScores(db, { traineeId: params.traineeId, attempt: block.attempt }).filter((s) =>
    enabled.has(s.assessorKind as AssessorKind),
  );
  const result = computeProbationResult({
    assessors: probation.assessors,
    scores: scores.map((s) => ({ kind: s.assessorKind as AssessorKind, score: s.score })),
    passMark: probation.passMark,
  });
  // seeds/000 篇二 四(三)(三): the review is at the end of probation; assessors score in its last days.
  const scoringOpensOn = maxIsoDate(block.start, addDays(block.plannedEnd, -(probation.scoringWindowDays - 1)));
  const scoringOpen = state !== 'recorded' && state !== 'upcoming' && params.today >= scoringOpensOn;
  return { block, attempt: block.attempt, state, scoringOpensOn, scoringOpen, assessors, scores, result, passMark: probation.passMark };
}

const LEAD_ASSESSOR_KINDS: readonly AssessorKind[] = ['department_head', 'training_specialist', 'branch_coach'];

/**
 * Which assessor kinds this person may score for this trainee, by role: the trainee's mentor scores
 * as mentor, a qa specialist as qa, and a lead records the department head's, the training
 * specialist's and the branch coach's scores (on their behalf: those assessors have no account).
 * Each role is checked on its own against the permission table, so a mentor who is also a lead
 * can't score as another trainee's mentor. Disabled kinds are left out.
 */
export function assessorKindsFor(actor: Actor, trainee: TraineeRecord, settings: ProgramSettings): AssessorKind[] {
  const subject = traineeSubject(trainee);
  const as = (role: Actor['roles'][number]) => actor.roles.includes(role) && can({ ...actor, roles: [role] }, 'probation.score', subject);
  const kinds = new Set<AssessorKind>();
  if (as('mentor')) kinds.add('mentor');
  if (as('qa')) kinds.add('qa');
  if (as('lead')) for (const k of LEAD_ASSESSOR_KINDS) kinds.add(k);
  const enabled = new Set(settings.probation.assessors.filter((a) => a.enabled).map((a) => a.kind));
  return assessorKinds.filter((k) => kinds.has(k) && enabled.has(k));
}

// ---- Results and corrections ----------------------------------------------------------------

const RESULT_KINDS = new Set(['solo_passed', 'solo_failed', 'probation_passed', 'probation_failed']);

export function isResultEvent(event: ProgramEvent): event is ResultEvent {
  return RESULT_KINDS.has(event.kind);
}

export function gateOf(event: ResultEvent): AssessmentGate {
  return event.kind.startsWith('solo') ? 'solo' : 'probation';
}

/**
 * The trainee's latest result still in force: the only sign-off a correction may supersede, so a
 * correction never rewrites a gate that later results already built on.
 */
export function findLatestResult(events: readonly ProgramEvent[]): ResultEvent | null {
  const { effective } = resolveEffectiveEvents(events);
  return effective.filter(isResultEvent).at(-1) ?? null;
}

export function loadLatestResult(db: DbOrTx, traineeId: number): ResultEvent | null {
  return findLatestResult(listTraineeEvents(db, traineeId));
}

/**
 * What the solo and probation pages show of a gate's past: every attempt that has a result, the
 * event that recorded each (who, when, why), and the latest result in force (the one a correction may
 * supersede).
 */
export function loadGateResults(db: DbOrTx, plan: Plan, traineeId: number, gate: AssessmentGate) {
  const recorded = plan.blocks.filter((b) => b.stage === gate && (b.outcome === 'passed' || b.outcome === 'failed') && b.outcomeEventId !== null);
  const history = recorded.length === 0 ? [] : listTraineeEventHistory(db, { traineeId });
  return { recorded, eventsById: new Map(history.map((e) => [e.id, e])), latest: loadLatestResult(db, traineeId) };
}
