// Lays a trainee's program out on working days from the trainee, the settings, the calendar and
// the events. Semantics in docs/decisions/002-plans-derived-from-events.md.
import {
  firstWorkingDayOnOrAfter,
  isRangeCoveredByCalendar,
  isWorkingDay,
  lastWorkingDayOnOrBefore,
  nextWorkingDay,
  previousWorkingDay,
  workingDaysBetween,
  type WorkCalendar,
} from './calendar';
import { addDays, addMonths, addWeeks, maxIsoDate, type IsoDate } from './dates';
import {
  isSameEventId,
  resolveEffectiveEvents,
  type IgnoredEvent,
  type ProgramEvent,
  type ProgramEventId,
  type ProgramEventOf,
} from './events';
import {
  getProbationLength,
  getStageDays,
  listClassStages,
  type CalendarLength,
  type ProgramSettings,
  type ProgramStage,
  type TraineeClass,
  type TrainingStage,
} from './program-settings';
import type { BlockKind, BlockOutcome, LaidOutBlock, PlanStage } from './plan-types';

export type LayoutInput = {
  trainee: { traineeClass: TraineeClass; startDate: IsoDate };
  settings: ProgramSettings;
  calendar: WorkCalendar;
  events: readonly ProgramEvent[];
  /** The organisation's today; only used to project an open stage past its planned end. */
  today: IsoDate;
};

export type AssessmentGate = 'solo' | 'probation';

export type PendingDecision = {
  gate: AssessmentGate;
  /** Failures at this gate so far (≥ failedAttemptLimit). */
  failures: number;
  failedEventId: ProgramEventId;
  since: IsoDate;
};

export type PlanWarningCode =
  /** An override or result that matched no block (e.g. a decision with nothing to decide). */
  | 'event_not_applied'
  /** restart_stage named a stage the trainee hadn't started by that date, or one the class doesn't run. */
  | 'restart_before_stage_started'
  /** A result dated before its assessment block started; the block is shown as one day. */
  | 'result_before_stage'
  /** A failure below the limit without its extension/retraining event: the default is assumed. */
  | 'follow_up_missing';

export type PlanWarning = { code: PlanWarningCode; eventId: ProgramEventId };

export type LayoutResult = {
  blocks: LaidOutBlock[];
  pendingDecision: PendingDecision | null;
  exit: { date: IsoDate; eventId: ProgramEventId } | null;
  certificate: { date: IsoDate; code: string; eventId: ProgramEventId } | null;
  failures: Record<AssessmentGate, number>;
  effectiveEvents: ProgramEvent[];
  ignoredEvents: IgnoredEvent[];
  warnings: PlanWarning[];
};

type QueueItem = {
  stage: PlanStage;
  kind: BlockKind;
  /** Set for extension/retraining blocks; otherwise the class's length from the settings. */
  days?: number;
  /** A follow-up assumed from the settings because its event is missing. */
  assumed?: boolean;
};

type Ending =
  | { type: 'completed'; event: ProgramEvent; date: IsoDate }
  | { type: 'result'; event: ProgramEventOf<'solo_passed' | 'solo_failed' | 'probation_passed' | 'probation_failed'>; date: IsoDate }
  | { type: 'restart'; event: ProgramEventOf<'override'>; date: IsoDate; stage: ProgramStage }
  | { type: 'exited'; event: ProgramEventOf<'decision_taken'>; date: IsoDate }
  | { type: 'certified'; event: ProgramEventOf<'certified'>; date: IsoDate };

// Far beyond any real program; reaching it means events that loop, which is a bug.
const MAX_BLOCKS = 500;

function isGatedStage(stage: PlanStage, kind: BlockKind): boolean {
  // The classroom ends when its quizzes are passed; solo and probation when a result is recorded.
  return (stage === 'classroom' && kind === 'regular') || stage === 'solo' || stage === 'probation';
}

class PlanLayout {
  private readonly events: ProgramEvent[];
  private readonly order = new Map<ProgramEvent, number>();
  private readonly consumed = new Set<ProgramEvent>();
  private readonly excused: ReadonlySet<IsoDate>;
  private readonly classStages: ProgramStage[];
  readonly blocks: LaidOutBlock[] = [];
  readonly warnings: PlanWarning[] = [];
  readonly failures: Record<AssessmentGate, number> = { solo: 0, probation: 0 };
  pendingDecision: PendingDecision | null = null;
  exit: LayoutResult['exit'] = null;
  certificate: LayoutResult['certificate'] = null;

  constructor(private readonly input: LayoutInput, effective: ProgramEvent[]) {
    this.events = effective;
    effective.forEach((event, index) => this.order.set(event, index));
    this.excused = new Set(
      effective.flatMap((e) => (e.kind === 'absence_excused' ? [e.payload.date] : [])),
    );
    this.classStages = listClassStages(input.settings, input.trainee.traineeClass);
  }

  private get calendar(): WorkCalendar {
    return this.input.calendar;
  }

  run(): void {
    let queue: QueueItem[] = this.regularSequenceFrom('classroom');
    let cursor = this.input.trainee.startDate;
    let afterOpenGate = false;

    while (queue.length > 0) {
      if (this.blocks.length > MAX_BLOCKS) throw new Error('plan layout did not converge');
      const item = queue.shift()!;
      if (item.stage === 'certified') {
        this.placeCertified(cursor);
        return;
      }
      const start = firstWorkingDayOnOrAfter(this.calendar, cursor);
      const plannedEnd = this.computePlannedEnd(item, start);
      const gated = isGatedStage(item.stage, item.kind);
      const ending = this.findEnding(item, start, plannedEnd, gated);

      if (!ending) {
        const end = gated ? this.projectOpenEnd(plannedEnd) : plannedEnd;
        this.emit(item, start, end, plannedEnd, { provisional: afterOpenGate, resultPending: gated });
        if (gated) afterOpenGate = true;
        cursor = addDays(end, 1);
        continue;
      }

      this.consumed.add(ending.event);
      switch (ending.type) {
        case 'completed': {
          if (ending.date < start) {
            // Completed before it began (a B trainee who placed out of every module): nothing to attend.
            this.emit(item, start, start, plannedEnd, {
              provisional: afterOpenGate,
              skipped: true,
              outcome: 'completed',
              outcomeEventId: ending.event.id,
              exitAccepted: true,
            });
            cursor = start;
          } else {
            const end = lastWorkingDayOnOrBefore(this.calendar, ending.date);
            this.emit(item, start, end, plannedEnd, {
              provisional: afterOpenGate,
              outcome: 'completed',
              outcomeEventId: ending.event.id,
              exitAccepted: true,
            });
            // Early or late, the next stage starts the working day after the completion.
            cursor = addDays(ending.date, 1);
          }
          break;
        }
        case 'restart': {
          if (ending.date > start) {
            this.emit(item, start, previousWorkingDay(this.calendar, ending.date), plannedEnd, {
              provisional: afterOpenGate,
              outcome: 'restarted',
              outcomeEventId: ending.event.id,
            });
          }
          // A restart on or before the block's first day replaces the block: it is never shown.
          queue = this.regularSequenceFrom(ending.stage);
          cursor = maxIsoDate(ending.date, start);
          break;
        }
        case 'exited':
        case 'certified': {
          if (ending.date >= start) {
            this.emit(item, start, lastWorkingDayOnOrBefore(this.calendar, ending.date), plannedEnd, {
              provisional: afterOpenGate,
              outcome: ending.type,
              outcomeEventId: ending.event.id,
            });
          }
          if (ending.type === 'exited') {
            this.exit = { date: ending.date, eventId: ending.event.id };
          } else {
            this.placeCertifiedMilestone(ending.event);
          }
          return;
        }
        case 'result': {
          if (ending.date < start) this.warnings.push({ code: 'result_before_stage', eventId: ending.event.id });
          const end = ending.date < start ? start : lastWorkingDayOnOrBefore(this.calendar, ending.date);
          this.emit(item, start, end, plannedEnd, {
            provisional: afterOpenGate,
            outcome: ending.event.kind === 'solo_passed' || ending.event.kind === 'probation_passed' ? 'passed' : 'failed',
            outcomeEventId: ending.event.id,
          });
          cursor = addDays(maxIsoDate(end, ending.date), 1);
          const failure = ending.event;
          if (failure.kind !== 'solo_failed' && failure.kind !== 'probation_failed') break;
          const next = this.followFailure(failure.kind === 'solo_failed' ? 'solo' : 'probation', failure);
          if (!next) return;
          queue = next.queue;
          cursor = maxIsoDate(cursor, next.cursor);
          break;
        }
      }
    }
  }

  /** The class's regular stages from `stage` on (all of them if the class doesn't run it), then the certificate. */
  private regularSequenceFrom(stage: ProgramStage): QueueItem[] {
    const stages = this.classStages.slice(Math.max(0, this.classStages.indexOf(stage)));
    return [...stages.map((s): QueueItem => ({ stage: s, kind: 'regular' })), { stage: 'certified', kind: 'regular' }];
  }

  private afterFailureSequence(first: QueueItem): QueueItem[] {
    return [first, ...this.regularSequenceFrom('solo')];
  }

  // ---- lengths --------------------------------------------------------------------------------

  /** The day `n` counted (non-excused) working days from `start` ends on. */
  private countForward(start: IsoDate, n: number): IsoDate {
    let date = start;
    let counted = 0;
    let end = start;
    while (counted < n) {
      if (isWorkingDay(this.calendar, date) && !this.excused.has(date)) {
        counted++;
        end = date;
      }
      date = addDays(date, 1);
    }
    return end;
  }

  private countCountedDays(from: IsoDate, to: IsoDate): number {
    return workingDaysBetween(this.calendar, from, to).filter((d) => !this.excused.has(d)).length;
  }

  private addCalendarLength(start: IsoDate, length: CalendarLength): IsoDate {
    if ('months' in length) return addMonths(start, length.months);
    if ('weeks' in length) return addWeeks(start, length.weeks);
    return addDays(start, length.days);
  }

  /** Probation runs a calendar length: start + length − 1 day, back to the last working day; excused days push it on. */
  private endOfCalendarLength(start: IsoDate, length: CalendarLength): IsoDate {
    const lastDay = addDays(this.addCalendarLength(start, length), -1);
    let end = maxIsoDate(start, lastWorkingDayOnOrBefore(this.calendar, maxIsoDate(lastDay, start)));
    let owed = workingDaysBetween(this.calendar, start, end).filter((d) => this.excused.has(d)).length;
    while (owed > 0) {
      end = nextWorkingDay(this.calendar, end);
      if (!this.excused.has(end)) owed--;
    }
    return end;
  }

  private defaultPlannedEnd(item: QueueItem, start: IsoDate): IsoDate {
    const { settings, trainee } = this.input;
    if (item.days !== undefined) return this.countForward(start, item.days);
    if (item.stage === 'probation') {
      const length = getProbationLength(settings, trainee.traineeClass);
      if (!length) throw new Error(`no probation length for class ${trainee.traineeClass}`);
      return this.endOfCalendarLength(start, length);
    }
    if (item.stage === 'certified') return start;
    const days = getStageDays(settings, item.stage, trainee.traineeClass);
    if (days === null) throw new Error(`no ${item.stage} days for class ${trainee.traineeClass}`);
    return this.countForward(start, days);
  }

  /** The block's planned end: its length from the item or the settings, unless a lead set the stage's days. */
  private computePlannedEnd(item: QueueItem, start: IsoDate): IsoDate {
    const defaultEnd = this.defaultPlannedEnd(item, start);
    // Every set_stage_days for this stage dated up to the block's end applies to it; the last one wins.
    const overrides = this.events.filter(
      (e): e is ProgramEventOf<'override'> =>
        e.kind === 'override' &&
        e.payload.action === 'set_stage_days' &&
        e.payload.stage === item.stage &&
        !this.consumed.has(e) &&
        e.effectiveDate <= defaultEnd,
    );
    const last = overrides.at(-1);
    if (!last) return defaultEnd;
    for (const e of overrides) this.consumed.add(e);
    // A shorter length set mid-block can't end the block before the day the lead set it.
    const elapsed = last.effectiveDate >= start ? this.countCountedDays(start, last.effectiveDate) : 0;
    return this.countForward(start, Math.max(last.payload.days ?? 1, elapsed, 1));
  }

  // ---- what ends a block ----------------------------------------------------------------------

  private isAvailable(e: ProgramEvent): boolean {
    return !this.consumed.has(e);
  }

  /** An event dated before this block but inside an earlier block of the same stage belongs to that earlier block. */
  private belongsToEarlierBlock(stage: PlanStage, date: IsoDate, start: IsoDate): boolean {
    return date < start && this.blocks.some((b) => b.stage === stage && !b.skipped && b.start <= date);
  }

  private hasStageStarted(stage: ProgramStage, date: IsoDate, item: QueueItem, start: IsoDate): boolean {
    // A stage outside the class's program (B's drills, met only as retraining) has no length to run again.
    if (!this.classStages.includes(stage)) return false;
    if (item.stage === stage && start <= date) return true;
    return this.blocks.some((b) => b.stage === stage && !b.skipped && b.start <= date);
  }

  /** An open classroom/solo/probation past its planned end is still running: it ends today at the earliest. */
  private projectOpenEnd(plannedEnd: IsoDate): IsoDate {
    const { today } = this.input;
    return today > plannedEnd ? maxIsoDate(plannedEnd, firstWorkingDayOnOrAfter(this.calendar, today)) : plannedEnd;
  }

  private findEnding(item: QueueItem, start: IsoDate, plannedEnd: IsoDate, gated: boolean): Ending | null {
    const candidates: Ending[] = [];
    // What ends the block by itself: a completion (classroom, complete_stage) or a result (solo, probation).
    const own = this.findOwnEnding(item, start, plannedEnd, gated);
    if (own) candidates.push(own);
    // Until then, the block runs to its planned end, or (open and late) to today.
    // (A result dated before the block still leaves the block one day long.)
    const naturalEnd = own ? maxIsoDate(own.date, start) : gated ? this.projectOpenEnd(plannedEnd) : plannedEnd;

    for (const e of this.events) {
      if (!this.isAvailable(e) || e.effectiveDate > naturalEnd) continue;
      if (e.kind === 'override' && e.payload.action === 'restart_stage') {
        const stage = e.payload.stage;
        if (!this.hasStageStarted(stage, e.effectiveDate, item, start)) {
          this.consumed.add(e);
          this.warnings.push({ code: 'restart_before_stage_started', eventId: e.id });
          continue;
        }
        candidates.push({ type: 'restart', event: e, date: e.effectiveDate, stage });
      } else if (e.kind === 'decision_taken' && e.payload.decision === 'exit') {
        candidates.push({ type: 'exited', event: e, date: e.effectiveDate });
      } else if (e.kind === 'certified') {
        candidates.push({ type: 'certified', event: e, date: e.effectiveDate });
      }
    }
    if (candidates.length === 0) return null;
    return candidates.reduce((best, c) =>
      c.date < best.date || (c.date === best.date && this.order.get(c.event)! < this.order.get(best.event)!) ? c : best,
    );
  }

  private findOwnEnding(item: QueueItem, start: IsoDate, plannedEnd: IsoDate, gated: boolean): Ending | null {
    if (item.stage === 'solo' || item.stage === 'probation') {
      const passedKind = item.stage === 'solo' ? 'solo_passed' : 'probation_passed';
      const failedKind = item.stage === 'solo' ? 'solo_failed' : 'probation_failed';
      const result = this.events.find(
        (e): e is ProgramEventOf<'solo_passed' | 'solo_failed' | 'probation_passed' | 'probation_failed'> =>
          (e.kind === passedKind || e.kind === failedKind) &&
          this.isAvailable(e) &&
          !this.belongsToEarlierBlock(item.stage, e.effectiveDate, start),
      );
      return result ? { type: 'result', event: result, date: result.effectiveDate } : null;
    }
    const completion = this.events.find(
      (e) =>
        this.isAvailable(e) &&
        ((e.kind === 'override' && e.payload.action === 'complete_stage' && e.payload.stage === item.stage) ||
          // seeds/000 篇二 四(一): the classroom is done when its modules' quizzes are passed.
          (gated && e.kind === 'stage_completed' && e.payload.stage === item.stage)) &&
        !this.belongsToEarlierBlock(item.stage, e.effectiveDate, start) &&
        // A time-based block ends by itself; a later complete_stage only accepts it (see acceptStageSignOffs).
        (gated || e.effectiveDate <= plannedEnd),
    );
    return completion ? { type: 'completed', event: completion, date: completion.effectiveDate } : null;
  }

  // ---- failures -------------------------------------------------------------------------------

  private findFollowUp(
    kind: 'extension_scheduled' | 'retraining_scheduled',
    causes: ProgramEvent[],
    notBefore: IsoDate,
  ): ProgramEventOf<'extension_scheduled' | 'retraining_scheduled'> | undefined {
    const candidates = this.events.filter(
      (e): e is ProgramEventOf<'extension_scheduled' | 'retraining_scheduled'> => e.kind === kind && this.isAvailable(e),
    );
    return (
      candidates.find((e) => causes.some((c) => isSameEventId(e.payload.causeEventId, c.id))) ??
      candidates.find((e) => e.payload.causeEventId === undefined && e.effectiveDate >= notBefore)
    );
  }

  /**
   * seeds/000 篇二 四(三)(二)2) and (三): a failed solo week adds an extension week, a failed probation
   * sends the trainee back to retraining; from failedAttemptLimit failures at a gate a lead decides.
   * Returns the blocks that follow, or null when the plan stops (decision pending, or exit).
   */
  private followFailure(
    gate: AssessmentGate,
    failure: ProgramEventOf<'solo_failed' | 'probation_failed'>,
  ): { queue: QueueItem[]; cursor: IsoDate } | null {
    const { settings } = this.input;
    this.failures[gate]++;
    let decision: ProgramEventOf<'decision_taken'> | undefined;
    if (this.failures[gate] >= settings.failedAttemptLimit) {
      decision = this.events.find(
        (e): e is ProgramEventOf<'decision_taken'> =>
          e.kind === 'decision_taken' && this.isAvailable(e) && e.effectiveDate >= failure.effectiveDate,
      );
      if (!decision) {
        this.pendingDecision = {
          gate,
          failures: this.failures[gate],
          failedEventId: failure.id,
          since: failure.effectiveDate,
        };
        return null;
      }
      this.consumed.add(decision);
      if (decision.payload.decision === 'exit') {
        this.exit = { date: decision.effectiveDate, eventId: decision.id };
        return null;
      }
    }
    const causes: ProgramEvent[] = decision ? [decision, failure] : [failure];
    const notBefore = decision?.effectiveDate ?? failure.effectiveDate;
    const cursor = addDays(notBefore, 1);
    if (gate === 'solo') {
      const scheduled = this.findFollowUp('extension_scheduled', causes, notBefore);
      if (scheduled) this.consumed.add(scheduled);
      else this.warnings.push({ code: 'follow_up_missing', eventId: (decision ?? failure).id });
      const stage = scheduled?.payload.stage ?? settings.extension.stage;
      const days = scheduled?.payload.days ?? settings.extension.days;
      return { queue: this.afterFailureSequence({ stage, kind: 'extension', days, assumed: !scheduled }), cursor };
    }
    const scheduled = this.findFollowUp('retraining_scheduled', causes, notBefore);
    if (scheduled) this.consumed.add(scheduled);
    else this.warnings.push({ code: 'follow_up_missing', eventId: (decision ?? failure).id });
    const failed = failure.kind === 'probation_failed' ? failure.payload : undefined;
    const stage: TrainingStage =
      scheduled?.payload.stage ??
      decision?.payload.retrainingStage ??
      failed?.retrainingStage ??
      settings.retraining.defaultStage;
    const days =
      scheduled?.payload.days ?? decision?.payload.retrainingDays ?? failed?.retrainingDays ?? settings.retraining.days;
    return { queue: this.afterFailureSequence({ stage, kind: 'retraining', days, assumed: !scheduled }), cursor };
  }

  // ---- certificate ----------------------------------------------------------------------------

  private placeCertified(cursor: IsoDate): void {
    const certified = this.events.find(
      (e): e is ProgramEventOf<'certified'> => e.kind === 'certified' && this.isAvailable(e),
    );
    // An exit between the end of probation and the certificate still ends the program.
    const exit = this.events.find(
      (e): e is ProgramEventOf<'decision_taken'> =>
        e.kind === 'decision_taken' && e.payload.decision === 'exit' && this.isAvailable(e),
    );
    if (exit && (!certified || this.order.get(exit)! < this.order.get(certified)!)) {
      this.consumed.add(exit);
      this.exit = { date: exit.effectiveDate, eventId: exit.id };
      return;
    }
    if (certified) {
      this.consumed.add(certified);
      this.placeCertifiedMilestone(certified);
      return;
    }
    const date = firstWorkingDayOnOrAfter(this.calendar, cursor);
    // Not certified yet: the milestone is where it would fall if everything before it passes.
    this.pushBlock({ stage: 'certified', kind: 'regular' }, date, date, date, { provisional: true, noDays: true });
  }

  private placeCertifiedMilestone(event: ProgramEventOf<'certified'>): void {
    this.certificate = { date: event.effectiveDate, code: event.payload.code, eventId: event.id };
    // Dated before the block it cut (after a result recorded too early): the milestone follows the plan.
    const lastEnd = this.blocks.findLast((b) => !b.skipped)?.end;
    const date = lastEnd ? maxIsoDate(event.effectiveDate, lastEnd) : event.effectiveDate;
    this.pushBlock({ stage: 'certified', kind: 'regular' }, date, date, date, {
      outcome: 'certified',
      outcomeEventId: event.id,
      noDays: true,
    });
  }

  // ---- emitting -------------------------------------------------------------------------------

  private emit(
    item: QueueItem,
    start: IsoDate,
    end: IsoDate,
    plannedEnd: IsoDate,
    options: EmitOptions,
  ): void {
    this.pushBlock(item, start, end, plannedEnd, { ...options, provisional: options.provisional || !!item.assumed });
  }

  private pushBlock(item: QueueItem, start: IsoDate, end: IsoDate, plannedEnd: IsoDate, options: EmitOptions): void {
    const days = options.skipped || options.noDays ? [] : workingDaysBetween(this.calendar, start, end);
    const attempt = this.blocks.filter((b) => b.stage === item.stage && b.kind === item.kind).length + 1;
    this.blocks.push({
      stage: item.stage,
      kind: item.kind,
      attempt,
      start,
      end,
      plannedEnd,
      workingDays: days.filter((d) => !this.excused.has(d)),
      excusedDays: days.filter((d) => this.excused.has(d)),
      skipped: options.skipped ?? false,
      provisional: options.provisional ?? false,
      beyondCalendar: !isRangeCoveredByCalendar(this.calendar, start, end),
      outcome: options.outcome ?? null,
      outcomeEventId: options.outcomeEventId ?? null,
      exitAccepted: options.exitAccepted ?? false,
      resultPending: options.resultPending ?? false,
    });
  }

  /**
   * A stage_completed for a day-based stage, or a complete_stage dated after the block ended, is a
   * sign-off: the latest block of that stage that had started by then is accepted as complete.
   */
  acceptStageSignOffs(): void {
    for (const e of this.events) {
      if (!this.isAvailable(e)) continue;
      const stage =
        e.kind === 'stage_completed'
          ? e.payload.stage
          : e.kind === 'override' && e.payload.action === 'complete_stage'
            ? e.payload.stage
            : null;
      if (stage === null) continue;
      const block = this.blocks.findLast((b) => b.stage === stage && !b.skipped && b.start <= e.effectiveDate);
      if (block) {
        block.exitAccepted = true;
        this.consumed.add(e);
      }
    }
  }

  /** Events that should have changed the plan but matched nothing. */
  warnUnapplied(): void {
    const informational = new Set(['enrolled', 'absence_excused', 'module_waived', 'exam_recorded']);
    for (const e of this.events) {
      if (!this.consumed.has(e) && !informational.has(e.kind)) this.warnings.push({ code: 'event_not_applied', eventId: e.id });
    }
  }
}

type EmitOptions = {
  provisional?: boolean;
  skipped?: boolean;
  noDays?: boolean;
  outcome?: BlockOutcome;
  outcomeEventId?: ProgramEventId;
  exitAccepted?: boolean;
  resultPending?: boolean;
};

export function layoutPlan(input: LayoutInput): LayoutResult {
  const { effective, ignored } = resolveEffectiveEvents(input.events);
  const layout = new PlanLayout(input, effective);
  layout.run();
  layout.acceptStageSignOffs();
  layout.warnUnapplied();
  return {
    blocks: layout.blocks,
    pendingDecision: layout.pendingDecision,
    exit: layout.exit,
    certificate: layout.certificate,
    failures: layout.failures,
    effectiveEvents: effective,
    ignoredEvents: ignored,
    warnings: layout.warnings,
  };
}
