// Loads and validates content/holidays.yaml (the State Council holiday notices). A mistyped date,
// a make-up day on a weekday or a date listed twice throws at load and fails
// lib/content/program.test.ts, so it fails CI rather than shifting a trainee's plan.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { CalendarOverride, WorkCalendarInput } from '@/domain/calendar';
import { addDays, getIsoWeekday, getYear, type IsoDate } from '@/domain/dates';
import { isoDateSchema } from '@/domain/dates-schema';

const text = z.string().trim().min(1);

const holidaySchema = z.union([
  z.strictObject({ name: text, dates: z.array(isoDateSchema).min(1) }),
  z
    .strictObject({ name: text, from: isoDateSchema, to: isoDateSchema })
    .refine((h) => h.from <= h.to, { message: 'from must not be after to' }),
]);

const yearSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  notice: text,
  holidays: z.array(holidaySchema).min(1),
  makeUpWorkdays: z.array(z.strictObject({ date: isoDateSchema, for: text })),
});

export type HolidayYear = z.infer<typeof yearSchema>;

function listHolidayDates(holiday: z.infer<typeof holidaySchema>): IsoDate[] {
  if ('dates' in holiday) return holiday.dates;
  const dates: IsoDate[] = [];
  for (let d = holiday.from; d <= holiday.to; d = addDays(d, 1)) dates.push(d);
  return dates;
}

export const holidayCalendarFileSchema = z
  .strictObject({ years: z.array(yearSchema).min(1) })
  .superRefine((file, ctx) => {
    const seenYears = new Set<number>();
    const seenDates = new Set<IsoDate>();
    file.years.forEach((entry, index) => {
      if (seenYears.has(entry.year)) ctx.addIssue({ code: 'custom', path: ['years', index], message: `year ${entry.year} listed twice` });
      seenYears.add(entry.year);
      const dates = [...entry.holidays.flatMap(listHolidayDates), ...entry.makeUpWorkdays.map((m) => m.date)];
      for (const date of dates) {
        // 春节 can start in late January of the notice's year but never leaves it.
        if (getYear(date) !== entry.year) ctx.addIssue({ code: 'custom', path: ['years', index], message: `${date} is not in ${entry.year}` });
        if (seenDates.has(date)) ctx.addIssue({ code: 'custom', path: ['years', index], message: `${date} listed twice` });
        seenDates.add(date);
      }
      for (const makeUp of entry.makeUpWorkdays) {
        // 调休 moves work onto a weekend day; a weekday "make-up" is a typo.
        if (getIsoWeekday(makeUp.date) < 6) {
          ctx.addIssue({ code: 'custom', path: ['years', index, 'makeUpWorkdays'], message: `${makeUp.date} is not a weekend day` });
        }
      }
    });
  });

export type HolidayCalendarFile = z.infer<typeof holidayCalendarFileSchema>;

export function parseHolidayCalendar(raw: unknown): HolidayCalendarFile {
  return holidayCalendarFileSchema.parse(raw);
}

let cached: HolidayCalendarFile | undefined;

export function loadHolidayCalendar(): HolidayCalendarFile {
  if (!cached) {
    const file = path.join(process.cwd(), 'content', 'holidays.yaml');
    cached = parseHolidayCalendar(parse(fs.readFileSync(file, 'utf8')));
  }
  return cached;
}

/**
 * The input for domain/calendar.ts buildWorkCalendar: the file's dates plus a lead's overrides
 * (from the database), the overrides winning.
 */
export function toWorkCalendarInput(
  file: HolidayCalendarFile,
  overrides: readonly CalendarOverride[] = [],
): WorkCalendarInput {
  return {
    holidays: file.years.flatMap((y) => y.holidays.flatMap(listHolidayDates)),
    makeUpWorkdays: file.years.flatMap((y) => y.makeUpWorkdays.map((m) => m.date)),
    coveredYears: file.years.map((y) => y.year),
    overrides,
  };
}
