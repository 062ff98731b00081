// Whether a trainee met a working day's requirement, from the day's counts. Returns codes and
// numbers; the UI words them.
import type { IsoDate } from './dates';
import type { BlockRef } from './plan-types';
import type { ProgramSettings, TrainingStage } from './program-settings';

/** One trainee's facts for one day (the trainee_days row and the call counts). Missing counts are zero. */
export type DayCounts = {
  recordingsLogged: number;
  liveShadowingAttended: boolean;
  /** true = that day's script(s) submitted; a number = how many scripts were submitted. */
  drillScriptSubmitted: boolean | number;
  callsHandled: number;
  /** Calls long enough to sample (≥ minCallSeconds); defaults to callsHandled. */
  callsEligible?: number;
  callsSampled: number;
  callsReviewed: number;
  callsLiveListened: number;
};

export type DayActivity = { date: IsoDate } & Partial<DayCounts>;

export type RequirementCode =
  | 'live_shadowing'
  | 'recordings'
  | 'drill_script'
  | 'calls_handled'
  | 'calls_sampled'
  | 'calls_reviewed';

export type DayRequirement = { code: RequirementCode; target: number; done: number; met: boolean };

export type DayStatus = 'met' | 'missed' | 'excused' | 'pending' | 'not_required';

export type DayEvaluation = { date: IsoDate; status: DayStatus; requirements: DayRequirement[] };

function getRuleStage(block: BlockRef): TrainingStage | null {
  switch (block.stage) {
    case 'classroom':
    case 'shadowing':
    case 'drills':
    case 'supervised':
      return block.stage;
    default:
      return null;
  }
}

function listStageRequirementCodes(stage: TrainingStage, settings: ProgramSettings): RequirementCode[] {
  switch (stage) {
    case 'shadowing':
      // seeds/000 篇二 四(二)4 1): live shadowing of the mentor all day + 10 recordings of other agents.
      return settings.quotas.shadowing.liveShadowingRequired ? ['live_shadowing', 'recordings'] : ['recordings'];
    case 'drills':
      // seeds/000 篇二 四(二)4 2): A trainees write that day's drill scripts (话述).
      return ['drill_script'];
    case 'supervised':
      // seeds/000 篇二 四(二)4 3): 5 of the trainee's own calls sampled each day and reviewed by the mentor.
      return ['calls_handled', 'calls_sampled', 'calls_reviewed'];
    case 'classroom':
      // Attendance isn't tracked per day; the classroom ends when its quizzes are passed.
      return [];
  }
}

/** The codes a working day of this block must meet; empty when the block has no daily quota (classroom, solo, probation). */
export function listDailyRequirementCodes(block: BlockRef, settings: ProgramSettings): RequirementCode[] {
  const stage = getRuleStage(block);
  if (stage === null) return [];
  const codes = listStageRequirementCodes(stage, settings);
  // seeds/000 篇二 四(三)(二)2): 延长一周的监听培训期 — the extension keeps the recordings quota as well.
  if (block.kind === 'extension' && settings.extension.includeRecordings && !codes.includes('recordings')) {
    return ['recordings', ...codes];
  }
  return codes;
}

/** Whether the block's calls count toward the mentor's live-listen coverage (any supervised-call block). */
export function hasLiveListenRule(block: BlockRef): boolean {
  return getRuleStage(block) === 'supervised';
}

function measureRequirement(code: RequirementCode, counts: Partial<DayCounts>, settings: ProgramSettings): DayRequirement {
  const { quotas } = settings;
  const requirement = (target: number, done: number): DayRequirement => ({ code, target, done, met: done >= target });
  const handled = counts.callsHandled ?? 0;
  const sampled = counts.callsSampled ?? 0;
  // Fewer eligible calls than the quota: every eligible call is sampled and the shortfall isn't the trainee's.
  const sampleTarget = Math.min(quotas.supervised.sampledCallsPerDay, counts.callsEligible ?? handled);
  switch (code) {
    case 'live_shadowing':
      return requirement(1, counts.liveShadowingAttended ? 1 : 0);
    case 'recordings':
      return requirement(quotas.shadowing.recordingsPerDay, counts.recordingsLogged ?? 0);
    case 'drill_script': {
      const submitted = counts.drillScriptSubmitted;
      const done = typeof submitted === 'number' ? submitted : submitted ? quotas.drills.scriptsPerDay : 0;
      return requirement(quotas.drills.scriptsPerDay, done);
    }
    case 'calls_handled':
      // A supervised day without a single call isn't met: the lead excuses a quiet line.
      return requirement(1, handled);
    case 'calls_sampled':
      return requirement(sampleTarget, sampled);
    case 'calls_reviewed':
      // Every sampled call (up to the quota) is reviewed, so an extra sampled call raises the target.
      return requirement(Math.min(quotas.supervised.sampledCallsPerDay, Math.max(sampled, sampleTarget)), counts.callsReviewed ?? 0);
  }
}

export type EvaluateDayInput = {
  block: BlockRef;
  date: IsoDate;
  today: IsoDate;
  counts: Partial<DayCounts> | undefined;
  excused: boolean;
  settings: ProgramSettings;
};

/**
 * met: every requirement done; excused: a lead excused it (requirements still shown);
 * pending: today or later and not yet met; missed: a past day not met; not_required: no daily quota.
 */
export function evaluateDay(input: EvaluateDayInput): DayEvaluation {
  const { block, date, today, counts = {}, excused, settings } = input;
  const codes = listDailyRequirementCodes(block, settings);
  if (codes.length === 0) return { date, status: 'not_required', requirements: [] };
  const requirements = codes.map((code) => measureRequirement(code, counts, settings));
  const status: DayStatus = excused
    ? 'excused'
    : requirements.every((r) => r.met)
      ? 'met'
      : date >= today
        ? 'pending'
        : 'missed';
  return { date, status, requirements };
}

export function indexActivityByDate(activity: readonly DayActivity[]): Map<IsoDate, Partial<DayCounts>> {
  const byDate = new Map<IsoDate, Partial<DayCounts>>();
  for (const day of activity) byDate.set(day.date, day);
  return byDate;
}

/** Every counted and excused day of a block, in date order. */
export function evaluateBlockDays(
  block: BlockRef & { workingDays: readonly IsoDate[]; excusedDays: readonly IsoDate[] },
  activityByDate: ReadonlyMap<IsoDate, Partial<DayCounts>>,
  today: IsoDate,
  settings: ProgramSettings,
): DayEvaluation[] {
  const excused = new Set(block.excusedDays);
  return [...block.workingDays, ...block.excusedDays]
    .sort()
    .map((date) =>
      evaluateDay({ block, date, today, counts: activityByDate.get(date), excused: excused.has(date), settings }),
    );
}

export type LiveListenCoverage = {
  handled: number;
  liveListened: number;
  /** liveListened / handled; null when no call was handled. */
  ratio: number | null;
  target: number;
  status: 'met' | 'below' | 'not_applicable';
};

/** seeds/000 篇二 四(二)3: the mentor live-listens to ≥50% of the trainee's calls over the supervised stage. */
export function computeLiveListenCoverage(
  days: readonly Pick<Partial<DayCounts>, 'callsHandled' | 'callsLiveListened'>[],
  settings: ProgramSettings,
): LiveListenCoverage {
  const handled = days.reduce((sum, day) => sum + (day.callsHandled ?? 0), 0);
  // A mentor can't listen to more calls than were handled; a bad count shouldn't inflate the ratio.
  const liveListened = days.reduce(
    (sum, day) => sum + Math.min(day.callsLiveListened ?? 0, day.callsHandled ?? 0),
    0,
  );
  const target = settings.quotas.supervised.liveListenCoverage;
  if (handled === 0) return { handled, liveListened, ratio: null, target, status: 'not_applicable' };
  const ratio = liveListened / handled;
  return { handled, liveListened, ratio, target, status: ratio >= target ? 'met' : 'below' };
}
