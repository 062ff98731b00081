// Working days: Monday–Friday, minus public holidays, plus make-up working days (调休).
// The calendar is a plain value built from content/holidays.yaml plus a lead's overrides, so the
// rules below never read a file or the database.
import { addDays, getIsoWeekday, getYear, type IsoDate } from './dates';

/** A lead's correction layered over the holiday file: this date is a holiday / a working day, whatever the file or the weekday says. */
export type CalendarOverride = { date: IsoDate; kind: 'holiday' | 'workday' };

export type WorkCalendarInput = {
  holidays: readonly IsoDate[];
  makeUpWorkdays: readonly IsoDate[];
  /**
   * Years whose State Council notice is in the file. Outside them only Monday–Friday applies, so a
   * plan reaching there is provisional. Defaults to the years of the listed dates.
   */
  coveredYears?: readonly number[];
  overrides?: readonly CalendarOverride[];
};

export type WorkCalendar = {
  readonly holidays: ReadonlySet<IsoDate>;
  readonly makeUpWorkdays: ReadonlySet<IsoDate>;
  readonly coveredYears: ReadonlySet<number>;
};

// A year of days is far more than any run of holidays; hitting it means a broken calendar.
const MAX_SCAN_DAYS = 366;

export function buildWorkCalendar(input: WorkCalendarInput): WorkCalendar {
  const holidays = new Set(input.holidays);
  const makeUpWorkdays = new Set(input.makeUpWorkdays);
  for (const date of makeUpWorkdays) {
    if (holidays.has(date)) throw new RangeError(`calendar lists ${date} as both a holiday and a make-up working day`);
  }
  // Overrides apply in order, the last one for a date winning.
  for (const override of input.overrides ?? []) {
    if (override.kind === 'holiday') {
      makeUpWorkdays.delete(override.date);
      holidays.add(override.date);
    } else {
      holidays.delete(override.date);
      makeUpWorkdays.add(override.date);
    }
  }
  const coveredYears = new Set(
    input.coveredYears ?? [...input.holidays, ...input.makeUpWorkdays].map((date) => getYear(date)),
  );
  return { holidays, makeUpWorkdays, coveredYears };
}

export function isWorkingDay(calendar: WorkCalendar, date: IsoDate): boolean {
  if (calendar.makeUpWorkdays.has(date)) return true;
  if (calendar.holidays.has(date)) return false;
  return getIsoWeekday(date) <= 5;
}

/** Whether the holiday file covers this date's year; outside it a working day is only a guess (Monday–Friday). */
export function isCoveredByCalendar(calendar: WorkCalendar, date: IsoDate): boolean {
  return calendar.coveredYears.has(getYear(date));
}

export function isRangeCoveredByCalendar(calendar: WorkCalendar, from: IsoDate, to: IsoDate): boolean {
  for (let year = getYear(from); year <= getYear(to); year++) {
    if (!calendar.coveredYears.has(year)) return false;
  }
  return true;
}

function scanForWorkingDay(calendar: WorkCalendar, from: IsoDate, step: 1 | -1): IsoDate {
  let date = from;
  for (let i = 0; i <= MAX_SCAN_DAYS; i++) {
    if (isWorkingDay(calendar, date)) return date;
    date = addDays(date, step);
  }
  throw new RangeError(`no working day within ${MAX_SCAN_DAYS} days of ${from}`);
}

export function firstWorkingDayOnOrAfter(calendar: WorkCalendar, date: IsoDate): IsoDate {
  return scanForWorkingDay(calendar, date, 1);
}

export function lastWorkingDayOnOrBefore(calendar: WorkCalendar, date: IsoDate): IsoDate {
  return scanForWorkingDay(calendar, date, -1);
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(calendar: WorkCalendar, date: IsoDate): IsoDate {
  return scanForWorkingDay(calendar, addDays(date, 1), 1);
}

/** The last working day strictly before `date`. */
export function previousWorkingDay(calendar: WorkCalendar, date: IsoDate): IsoDate {
  return scanForWorkingDay(calendar, addDays(date, -1), -1);
}

/** The n-th working day after `date` (before it when n < 0); n = 0 returns `date` unchanged. */
export function addWorkingDays(calendar: WorkCalendar, date: IsoDate, n: number): IsoDate {
  if (!Number.isInteger(n)) throw new RangeError(`working days must be an integer, got ${n}`);
  let result = date;
  for (let i = 0; i < Math.abs(n); i++) {
    result = n > 0 ? nextWorkingDay(calendar, result) : previousWorkingDay(calendar, result);
  }
  return result;
}

/** The working days from `from` to `to`, both included; empty when `to` is before `from`. */
export function workingDaysBetween(calendar: WorkCalendar, from: IsoDate, to: IsoDate): IsoDate[] {
  const days: IsoDate[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    if (isWorkingDay(calendar, date)) days.push(date);
  }
  return days;
}

export function countWorkingDaysBetween(calendar: WorkCalendar, from: IsoDate, to: IsoDate): number {
  return workingDaysBetween(calendar, from, to).length;
}
