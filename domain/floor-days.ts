// On the floor: which days a trainee may log shadowing work (recordings, live shadowing, drill
// scripts) for, and which days a mentor may confirm or record live listening on. Pure: the plan
// (its blocks and today), the day's facts and the settings in, a decision out.
// Decisions in docs/decisions/005-shadowing-and-drills.md.
import type { IsoDate } from './dates';
import {
  evaluateBlockDays,
  hasLiveListenRule,
  indexActivityByDate,
  listDailyRequirementCodes,
  type DayActivity,
  type DayEvaluation,
} from './day-status';
import type { Plan, PlanBlock } from './plan';
import type { ProgramSettings } from './program-settings';

/** Why a day can't take the write; the UI words it (messages errors.<code>). */
export type FloorDayRefusal =
  /** Not a counted working day of the trainee's plan: weekend, holiday, excused, before the start. */
  | 'day_not_working'
  | 'day_in_future'
  /** The day's block has no recordings rule (and isn't a drills day spent shadowing). */
  | 'day_not_shadowing'
  /** Only today, or the previous working day until the mentor confirms it. */
  | 'day_outside_window'
  /** The mentor confirmed the day: what was logged is final. */
  | 'day_confirmed'
  /** Live listening is recorded on supervised-call days only. */
  | 'day_not_supervised'
  /** A drill script needs a drills day on which the trainee was in a drill group. */
  | 'not_in_drill_group';

export type FloorDayCheck = { ok: true; block: PlanBlock } | { ok: false; reason: FloorDayRefusal };

/** The block a counted (non-excused) working day falls in; undefined for any other day. */
export function findBlockOfWorkingDay(plan: Plan, day: IsoDate): PlanBlock | undefined {
  return plan.blocks.find((b) => !b.skipped && b.workingDays.includes(day));
}

/** The trainee's last counted working day before today (an excused day doesn't count), or null. */
export function findPreviousWorkingDay(plan: Plan): IsoDate | null {
  let previous: IsoDate | null = null;
  for (const block of plan.blocks) {
    for (const day of block.workingDays) {
      if (day < plan.today && (previous === null || day > previous)) previous = day;
    }
  }
  return previous;
}

/** The days a trainee may still write to: today and the previous working day (confirmation is checked separately). */
export function listLogWindow(plan: Plan): IsoDate[] {
  const previous = findPreviousWorkingDay(plan);
  return previous ? [previous, plan.today] : [plan.today];
}

function blockHasRecordingsRule(block: PlanBlock, settings: ProgramSettings): boolean {
  return listDailyRequirementCodes(block, settings).includes('recordings');
}

/** Whether the day's block requires the mentor's live shadowing attendance (在线旁听). */
export function blockHasLiveShadowingRule(block: PlanBlock, settings: ProgramSettings): boolean {
  return listDailyRequirementCodes(block, settings).includes('live_shadowing');
}

/**
 * A shadowing day: a counted working day up to today whose block keeps the recordings quota
 * (shadowing, and the extension week), or a drills day on which the trainee had no drill group —
 * trainees not drilling that day keep shadowing (issue 5).
 */
export function checkShadowingDay(
  plan: Plan,
  settings: ProgramSettings,
  day: IsoDate,
  drillGroupDays: ReadonlySet<IsoDate>,
): FloorDayCheck {
  if (day > plan.today) return { ok: false, reason: 'day_in_future' };
  const block = findBlockOfWorkingDay(plan, day);
  if (!block) return { ok: false, reason: 'day_not_working' };
  if (blockHasRecordingsRule(block, settings)) return { ok: true, block };
  if (block.stage === 'drills' && !drillGroupDays.has(day)) return { ok: true, block };
  return { ok: false, reason: 'day_not_shadowing' };
}

/** The trainee's own writes (a recording, the live-shadowing tick): a shadowing day in the window, not yet confirmed. */
export function checkTraineeLogDay(
  plan: Plan,
  settings: ProgramSettings,
  day: IsoDate,
  facts: { confirmed: boolean; drillGroupDays: ReadonlySet<IsoDate> },
): FloorDayCheck {
  const check = checkShadowingDay(plan, settings, day, facts.drillGroupDays);
  if (!check.ok) return check;
  if (!listLogWindow(plan).includes(day)) return { ok: false, reason: 'day_outside_window' };
  if (facts.confirmed) return { ok: false, reason: 'day_confirmed' };
  return check;
}

/** A mentor confirms any shadowing day up to today, late ones included. */
export function checkConfirmDay(
  plan: Plan,
  settings: ProgramSettings,
  day: IsoDate,
  drillGroupDays: ReadonlySet<IsoDate>,
): FloorDayCheck {
  return checkShadowingDay(plan, settings, day, drillGroupDays);
}

/** seeds/000 篇二 四(二)3: live listening is counted on the supervised-call days (extension and retraining included). */
export function checkLiveListenDay(plan: Plan, day: IsoDate): FloorDayCheck {
  if (day > plan.today) return { ok: false, reason: 'day_in_future' };
  const block = findBlockOfWorkingDay(plan, day);
  if (!block) return { ok: false, reason: 'day_not_working' };
  if (!hasLiveListenRule(block)) return { ok: false, reason: 'day_not_supervised' };
  return { ok: true, block };
}

/** A drill script: a drills day the trainee was grouped on, in the window, before the mentor commented. */
export function checkDrillScriptDay(
  plan: Plan,
  day: IsoDate,
  facts: { inGroup: boolean; commented: boolean },
): FloorDayCheck {
  if (day > plan.today) return { ok: false, reason: 'day_in_future' };
  const block = findBlockOfWorkingDay(plan, day);
  if (!block) return { ok: false, reason: 'day_not_working' };
  if (block.stage !== 'drills' || !facts.inGroup) return { ok: false, reason: 'not_in_drill_group' };
  if (!listLogWindow(plan).includes(day)) return { ok: false, reason: 'day_outside_window' };
  if (facts.commented) return { ok: false, reason: 'day_confirmed' };
  return { ok: true, block };
}

/** A drill group's day: a counted drills working day of the trainee, today or later. */
export function isDrillDayFor(plan: Plan, day: IsoDate): boolean {
  if (day < plan.today) return false;
  const block = findBlockOfWorkingDay(plan, day);
  return block?.stage === 'drills';
}

/**
 * The mentor can't have listened to more calls than the trainee handled. `handled` is null while
 * the day's calls aren't imported yet; the engine then caps the day at zero until they are.
 */
export function isLiveListenedWithinHandled(liveListened: number, handled: number | null): boolean {
  return handled === null || liveListened <= handled;
}

/** Each day of a block with the engine's status (met / missed / excused / pending), in date order. */
export function evaluatePlanBlockDays(
  plan: Plan,
  blockIndex: number,
  activity: readonly DayActivity[],
  settings: ProgramSettings,
): DayEvaluation[] {
  if (blockIndex === plan.currentBlockIndex) return plan.currentBlockDays;
  const block = plan.blocks[blockIndex];
  if (!block || block.skipped) return [];
  return evaluateBlockDays(block, indexActivityByDate(activity), plan.today, settings);
}
