// A trainee's plan and status, derived from the events every time it is asked for (never stored).
// Semantics in docs/decisions/002-plans-derived-from-events.md.
import type { IsoDate } from './dates';
import {
  computeLiveListenCoverage,
  evaluateBlockDays,
  hasLiveListenRule,
  indexActivityByDate,
  type DayActivity,
  type DayEvaluation,
  type LiveListenCoverage,
} from './day-status';
import type { IgnoredEvent, ProgramEventId } from './events';
import { layoutPlan, type LayoutInput, type PendingDecision, type PlanWarning } from './plan-layout';
import type { BlockKind, BlockState, LaidOutBlock, PlanStage } from './plan-types';
import type { TraineeClass } from './program-settings';

export type { BlockKind, BlockOutcome, BlockState, PlanStage } from './plan-types';
export type { AssessmentGate, PendingDecision, PlanWarning, PlanWarningCode } from './plan-layout';

/** The same list as db/schema.ts TRAINEE_STATUSES. */
export const traineeStatuses = [
  'not_started',
  'on_track',
  'behind',
  'awaiting_assessment',
  'needs_decision',
  'certified',
  'exited',
] as const;
export type TraineeStatus = (typeof traineeStatuses)[number];

export type PlanInput = LayoutInput & {
  /** The trainee's day facts (trainee_days and call counts), any order; days without a row count as zero. */
  activity: readonly DayActivity[];
};

export type PlanBlock = LaidOutBlock & {
  state: BlockState;
  /** Past counted days whose requirement wasn't met (and weren't excused). */
  missedDays: IsoDate[];
  /** Supervised-call blocks only: the mentor's live-listen coverage over the block so far. */
  coverage: LiveListenCoverage | null;
};

export type BehindReason =
  | { code: 'missed_days'; stage: PlanStage; kind: BlockKind; attempt: number; dates: IsoDate[] }
  | { code: 'live_listen_coverage_below'; stage: PlanStage; kind: BlockKind; attempt: number; ratio: number; target: number }
  | { code: 'classroom_overdue'; plannedEnd: IsoDate };

export type Plan = {
  traineeClass: TraineeClass;
  startDate: IsoDate;
  today: IsoDate;
  status: TraineeStatus;
  /** Why the trainee is behind; filled even when a stronger status (awaiting_assessment…) wins. */
  behindReasons: BehindReason[];
  blocks: PlanBlock[];
  currentBlockIndex: number | null;
  /** The current block's stage (what trainees.current_stage caches); null between blocks or when finished. */
  currentStage: PlanStage | null;
  nextBlockIndex: number | null;
  /** Counted working days of the current block from today to its planned end. */
  daysRemainingInStage: number | null;
  /** Today's requirement in the current block; null when today has no daily quota. */
  todayEvaluation: DayEvaluation | null;
  /** Every day of the current block (past, today, future). */
  currentBlockDays: DayEvaluation[];
  pendingDecision: PendingDecision | null;
  failures: { solo: number; probation: number };
  /** seeds/000 篇二 四(三)(二)1): the business-knowledge exam must be passed by the end of the solo week. */
  exam: { required: boolean; passed: boolean; bestScorePercent: number | null; dueBy: IsoDate | null };
  waivedModuleIds: string[];
  certificate: { date: IsoDate; code: string; eventId: ProgramEventId } | null;
  exitedOn: IsoDate | null;
  /** The certified milestone's date, actual or projected; null when exited or a decision is pending. */
  expectedCertificationDate: IsoDate | null;
  /** Some dates depend on results not yet recorded or on years the holiday file doesn't cover. */
  provisional: boolean;
  beyondCalendar: boolean;
  warnings: PlanWarning[];
  ignoredEvents: IgnoredEvent[];
};

function getBlockState(block: LaidOutBlock, today: IsoDate): BlockState {
  if (block.skipped) return 'skipped';
  if (block.stage === 'certified') return block.outcome === 'certified' ? 'done' : 'upcoming';
  if (block.end < today) return 'done';
  if (block.start > today) return 'upcoming';
  return 'current';
}

export function computePlan(input: PlanInput): Plan {
  const { settings, today, trainee } = input;
  const layout = layoutPlan(input);
  const activityByDate = indexActivityByDate(input.activity);

  const dayEvaluations: DayEvaluation[][] = [];
  const blocks: PlanBlock[] = layout.blocks.map((block) => {
    const days = block.skipped ? [] : evaluateBlockDays(block, activityByDate, today, settings);
    dayEvaluations.push(days);
    const coverage = hasLiveListenRule(block)
      ? computeLiveListenCoverage(
          block.workingDays.filter((d) => d <= today).map((d) => activityByDate.get(d) ?? {}),
          settings,
        )
      : null;
    return {
      ...block,
      state: getBlockState(block, today),
      missedDays: days.filter((d) => d.status === 'missed').map((d) => d.date),
      coverage,
    };
  });

  const currentIndex = blocks.findIndex((b) => b.state === 'current');
  const currentBlockIndex = currentIndex === -1 ? null : currentIndex;
  const nextIndex = blocks.findIndex((b) => b.state === 'upcoming');
  const current = currentBlockIndex === null ? undefined : blocks[currentBlockIndex];
  const currentBlockDays = currentBlockIndex === null ? [] : (dayEvaluations[currentBlockIndex] ?? []);

  const behindReasons = listBehindReasons(blocks, today);
  const firstBlock = blocks.find((b) => !b.skipped);
  const awaitingAssessment =
    current !== undefined &&
    (current.stage === 'solo' || current.stage === 'probation') &&
    current.resultPending &&
    today > current.plannedEnd;

  const status: TraineeStatus = layout.exit
    ? 'exited'
    : layout.certificate
      ? 'certified'
      : layout.pendingDecision
        ? 'needs_decision'
        : firstBlock && today < firstBlock.start
          ? 'not_started'
          : awaitingAssessment
            ? 'awaiting_assessment'
            : behindReasons.length > 0
              ? 'behind'
              : 'on_track';

  const exams = layout.effectiveEvents.flatMap((e) => (e.kind === 'exam_recorded' ? [e.payload] : []));
  const examPassed = exams.some((e) => e.passed);
  const nextSolo = blocks.find((b) => b.stage === 'solo' && b.outcome === null && !b.skipped);
  const certifiedBlock = blocks.find((b) => b.stage === 'certified');

  return {
    traineeClass: trainee.traineeClass,
    startDate: trainee.startDate,
    today,
    status,
    behindReasons,
    blocks,
    currentBlockIndex,
    currentStage: current?.stage ?? null,
    nextBlockIndex: nextIndex === -1 ? null : nextIndex,
    daysRemainingInStage: current
      ? current.workingDays.filter((d) => d >= today && d <= current.plannedEnd).length
      : null,
    todayEvaluation: currentBlockDays.find((d) => d.date === today && d.status !== 'not_required') ?? null,
    currentBlockDays,
    pendingDecision: layout.pendingDecision,
    failures: layout.failures,
    exam: {
      required: settings.soloAssessment.examRequired,
      passed: examPassed,
      bestScorePercent: exams.length === 0 ? null : Math.max(...exams.map((e) => e.scorePercent)),
      dueBy: examPassed || !settings.soloAssessment.examRequired ? null : (nextSolo?.plannedEnd ?? null),
    },
    waivedModuleIds: [
      ...new Set(layout.effectiveEvents.flatMap((e) => (e.kind === 'module_waived' ? [e.payload.moduleId] : []))),
    ],
    certificate: layout.certificate,
    exitedOn: layout.exit?.date ?? null,
    expectedCertificationDate: certifiedBlock?.start ?? null,
    provisional: blocks.some((b) => b.provisional || b.beyondCalendar || b.resultPending),
    beyondCalendar: blocks.some((b) => b.beyondCalendar),
    warnings: layout.warnings,
    ignoredEvents: layout.ignoredEvents,
  };
}

/**
 * Behind: a past day of the current block was missed, or a finished block's exit criteria are unmet
 * (missed days, coverage below target, classroom not completed by its planned end). Only blocks since
 * the last assessment result count: a solo or probation result supersedes what came before it.
 */
function listBehindReasons(blocks: readonly PlanBlock[], today: IsoDate): BehindReason[] {
  const lastResult = blocks.findLastIndex(
    (b) => (b.stage === 'solo' || b.stage === 'probation') && (b.outcome === 'passed' || b.outcome === 'failed'),
  );
  const reasons: BehindReason[] = [];
  for (const block of blocks.slice(lastResult + 1)) {
    if (block.state !== 'done' && block.state !== 'current') continue;
    if (block.stage === 'classroom' && block.resultPending && today > block.plannedEnd) {
      reasons.push({ code: 'classroom_overdue', plannedEnd: block.plannedEnd });
    }
    if (block.exitAccepted) continue;
    const ref = { stage: block.stage, kind: block.kind, attempt: block.attempt };
    if (block.missedDays.length > 0) reasons.push({ code: 'missed_days', ...ref, dates: block.missedDays });
    // seeds/000 篇二 四(二)3: coverage is judged over the whole stage, so only once the block is over.
    if (block.state === 'done' && block.coverage?.status === 'below' && block.coverage.ratio !== null) {
      reasons.push({
        code: 'live_listen_coverage_below',
        ...ref,
        ratio: block.coverage.ratio,
        target: block.coverage.target,
      });
    }
  }
  return reasons;
}
