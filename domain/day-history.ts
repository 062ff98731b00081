// Every working day a trainee has lived through so far, with whether its requirement was met: the
// trainee's calendar heat-map. Uses the same day rules as the plan (evaluateBlockDays), so a day
// shown as missed here is a day the plan counts as missed.
import { addDays, getIsoWeekday, type IsoDate } from './dates';
import { evaluateBlockDays, indexActivityByDate, type DayActivity, type DayRequirement } from './day-status';
import type { Plan } from './plan';
import type { BlockKind, PlanStage } from './plan-types';
import type { ProgramSettings } from './program-settings';

/** no_quota: a working day of a block without a daily requirement (classroom, solo week, probation). */
export type DayHistoryStatus = 'met' | 'missed' | 'excused' | 'pending' | 'no_quota';

export const dayHistoryStatuses: readonly DayHistoryStatus[] = ['met', 'missed', 'excused', 'pending', 'no_quota'];

export type DayHistoryEntry = {
  date: IsoDate;
  status: DayHistoryStatus;
  stage: PlanStage;
  kind: BlockKind;
  requirements: DayRequirement[];
};

/**
 * Every counted and excused working day of every block, from the first day up to today (today is
 * `pending` until its requirement is met). Skipped blocks and the certificate milestone have no days.
 */
export function listDayStatuses(plan: Plan, activity: readonly DayActivity[], settings: ProgramSettings): DayHistoryEntry[] {
  const activityByDate = indexActivityByDate(activity);
  const byDate = new Map<IsoDate, DayHistoryEntry>();
  for (const block of plan.blocks) {
    if (block.skipped || block.stage === 'certified') continue;
    for (const day of evaluateBlockDays(block, activityByDate, plan.today, settings)) {
      if (day.date > plan.today) continue;
      byDate.set(day.date, {
        date: day.date,
        status: day.status === 'not_required' ? 'no_quota' : day.status,
        stage: block.stage,
        kind: block.kind,
        requirements: day.requirements,
      });
    }
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export function countDayStatuses(entries: readonly DayHistoryEntry[]): Record<DayHistoryStatus, number> {
  const counts: Record<DayHistoryStatus, number> = { met: 0, missed: 0, excused: 0, pending: 0, no_quota: 0 };
  for (const entry of entries) counts[entry.status] += 1;
  return counts;
}

export type HistoryWeek = {
  /** The Monday the week starts on. */
  weekStart: IsoDate;
  /** Monday … Sunday; null where the day is no working day of the plan (weekend, holiday, before the start). */
  days: { date: IsoDate; entry: DayHistoryEntry | null }[];
};

/** Lays the entries out as calendar weeks (Monday first), from the first entry's week to the last's. */
export function groupIntoWeeks(entries: readonly DayHistoryEntry[]): HistoryWeek[] {
  const first = entries[0];
  const last = entries.at(-1);
  if (!first || !last) return [];
  const byDate = new Map(entries.map((e) => [e.date, e]));
  const weeks: HistoryWeek[] = [];
  for (let weekStart = addDays(first.date, 1 - getIsoWeekday(first.date)); weekStart <= last.date; weekStart = addDays(weekStart, 7)) {
    const days = Array.from({ length: 7 }, (_, i) => {
      const date = addDays(weekStart, i);
      return { date, entry: byDate.get(date) ?? null };
    });
    weeks.push({ weekStart, days });
  }
  return weeks;
}
