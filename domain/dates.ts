// ISO calendar dates ('YYYY-MM-DD') as plain strings, with arithmetic done on day numbers.
// A day in this app is a day in the organisation's time zone, never an instant: nothing here
// builds a Date, so the process time zone (and daylight saving) can't shift a day.
/** A calendar day, 'YYYY-MM-DD', already in the organisation's time zone. */
export type IsoDate = string;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: string): boolean {
  const match = ISO_DATE_PATTERN.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= getDaysInMonth(year, month);
}

export function parseIsoDate(date: IsoDate): { year: number; month: number; day: number } {
  const match = ISO_DATE_PATTERN.exec(date);
  if (!match || !isIsoDate(date)) throw new RangeError(`invalid ISO date: ${date}`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

export function formatIsoDate(year: number, month: number, day: number): IsoDate {
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  if (!isIsoDate(date)) throw new RangeError(`invalid date parts: ${year}-${month}-${day}`);
  return date;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function getDaysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

// Plans walk the calendar a day at a time, converting the same few hundred dates back and forth
// thousands of times a page; both conversions remember their answers (a few years of days at most).
const epochDayOf = new Map<IsoDate, number>();
const dateOfEpochDay = new Map<number, IsoDate>();
const CONVERSIONS_KEPT = 20_000;

function remember<K, V>(map: Map<K, V>, key: K, value: V): V {
  if (map.size >= CONVERSIONS_KEPT) map.clear();
  map.set(key, value);
  return value;
}

// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil).
export function toEpochDay(date: IsoDate): number {
  const known = epochDayOf.get(date);
  return known ?? remember(epochDayOf, date, computeEpochDay(date));
}

function computeEpochDay(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function fromEpochDay(epochDay: number): IsoDate {
  const known = dateOfEpochDay.get(epochDay);
  return known ?? remember(dateOfEpochDay, epochDay, computeDateOfEpochDay(epochDay));
}

function computeDateOfEpochDay(epochDay: number): IsoDate {
  const z0 = epochDay + 719468;
  const era = Math.floor(z0 / 146097);
  const dayOfEra = z0 - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return formatIsoDate(year, month, day);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(date) + days);
}

export function addWeeks(date: IsoDate, weeks: number): IsoDate {
  return addDays(date, weeks * 7);
}

/** Same day of the month `months` later; a day that doesn't exist clamps to the month's last day (01-31 + 1 month → 02-28). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parseIsoDate(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const newYear = Math.floor(monthIndex / 12);
  const newMonth = (monthIndex % 12) + 1;
  return formatIsoDate(newYear, newMonth, Math.min(day, getDaysInMonth(newYear, newMonth)));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function differenceInDays(to: IsoDate, from: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** ISO dates with four-digit years sort as strings; this names the intent. */
export function compareIsoDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxIsoDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  return rest.reduce((max, d) => (d > max ? d : max), first);
}

export function minIsoDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  return rest.reduce((min, d) => (d < min ? d : min), first);
}

export function getIsoWeekday(date: IsoDate): IsoWeekday {
  // 1970-01-01 was a Thursday (ISO weekday 4).
  const mondayBased = (((toEpochDay(date) + 3) % 7) + 7) % 7;
  return (mondayBased + 1) as IsoWeekday;
}

export function getYear(date: IsoDate): number {
  return parseIsoDate(date).year;
}

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

function getDayFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter) {
    // Throws RangeError for an unknown zone, which is what a caller with a typo should see.
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    getDayFormatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The calendar day an instant (UTC milliseconds) falls on in `timeZone`, e.g. the organisation's "today". */
export function todayInTimeZone(instantMs: number, timeZone: string): IsoDate {
  if (!Number.isFinite(instantMs)) throw new RangeError(`invalid instant: ${instantMs}`);
  const parts = getDayFormatter(timeZone).formatToParts(instantMs);
  const part = (type: 'year' | 'month' | 'day') => Number(parts.find((p) => p.type === type)?.value);
  return formatIsoDate(part('year'), part('month'), part('day'));
}
