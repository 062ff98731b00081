// Who can be enrolled, and from which day: the rules for a new trainee's username, class and
// start day, shared by the one-by-one form and the CSV import. Pure: `today` and the work
// calendar come in as values.
import { isWorkingDay, type WorkCalendar } from './calendar';
import { addMonths, isIsoDate, type IsoDate } from './dates';
import type { TraineeClass } from './program-settings';

export const ENROLMENT_RULES = {
  // A lead enrols a hiring wave a few weeks ahead; half a year catches a mistyped year
  // without getting in the way of planning.
  maxStartMonthsAhead: 6,
} as const;

/**
 * Usernames are what people type on a phone to sign in: lowercase letters, digits and . _ -,
 * 3 to 32 characters, starting with a letter or digit. Sign-in lowercases what is typed
 * (lib/auth.ts), so a stored username must be lowercase to be reachable at all.
 */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,31}$/;

/** Full-width characters from a Chinese keyboard become ASCII; case is folded. */
export function normaliseUsername(raw: string): string {
  return raw.normalize('NFKC').trim().toLowerCase();
}

export function isValidUsername(username: string): boolean {
  return USERNAME_PATTERN.test(username);
}

/** A, B, A类, B类, "a 类", full-width Ａ… → 'A' | 'B'; anything else is not a class. */
export function parseTraineeClass(raw: string): TraineeClass | null {
  const compact = raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase().replace(/类$/, '');
  return compact === 'A' || compact === 'B' ? compact : null;
}

const DAY_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/** 2026-12-01, 2026/12/1, 2026.12.1 and 2026年12月1日 (what spreadsheets and people write) → ISO, else null. */
export function parseDayText(raw: string): IsoDate | null {
  const match = DAY_TEXT.exec(raw.normalize('NFKC').trim());
  if (!match) return null;
  const iso = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

export type StartDateIssue = 'start_date_past' | 'start_date_not_working_day' | 'start_date_too_far';

/** The latest start day a lead may choose today. */
export function latestStartDate(today: IsoDate): IsoDate {
  return addMonths(today, ENROLMENT_RULES.maxStartMonthsAhead);
}

/**
 * A trainee starts on a working day, today or later: the plan is laid out from that day, and a
 * start in the past would make the new trainee behind on days nobody could have worked.
 */
export function checkStartDate(calendar: WorkCalendar, today: IsoDate, startDate: IsoDate): StartDateIssue | null {
  if (startDate < today) return 'start_date_past';
  if (startDate > latestStartDate(today)) return 'start_date_too_far';
  if (!isWorkingDay(calendar, startDate)) return 'start_date_not_working_day';
  return null;
}

/**
 * Rows whose username appears more than once in a batch, each with the other rows it clashes
 * with, so the message can name them ("same as row 3").
 */
export function findDuplicateUsernames(rows: readonly { row: number; username: string }[]): Map<number, number[]> {
  const byUsername = new Map<string, number[]>();
  for (const { row, username } of rows) {
    if (username === '') continue;
    const list = byUsername.get(username) ?? [];
    list.push(row);
    byUsername.set(username, list);
  }
  const clashes = new Map<number, number[]>();
  for (const list of byUsername.values()) {
    if (list.length < 2) continue;
    for (const row of list) clashes.set(row, list.filter((other) => other !== row));
  }
  return clashes;
}
