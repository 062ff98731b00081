import { describe, expect, it } from 'vitest';
import { loadHolidayCalendar, toWorkCalendarInput } from '@/lib/content/holidays';
import {
  addWorkingDays,
  buildWorkCalendar,
  countWorkingDaysBetween,
  firstWorkingDayOnOrAfter,
  isCoveredByCalendar,
  isRangeCoveredByCalendar,
  isWorkingDay,
  lastWorkingDayOnOrBefore,
  nextWorkingDay,
  previousWorkingDay,
  workingDaysBetween,
} from './calendar';

const calendar = buildWorkCalendar(toWorkCalendarInput(loadHolidayCalendar()));

describe('isWorkingDay (SPEC Calendar: Mon–Fri, minus public holidays, plus 调休)', () => {
  it.each([
    ['2026-11-23', true, 'a Monday'],
    ['2026-11-28', false, 'a Saturday'],
    ['2026-11-29', false, 'a Sunday'],
    ['2026-10-01', false, '国庆节 (Thursday)'],
    ['2026-10-07', false, 'the last day of 国庆节 (Wednesday)'],
    ['2026-10-08', true, 'the Thursday after 国庆节'],
    ['2026-10-10', true, 'make-up Saturday (调休) for 国庆节'],
    ['2026-09-20', true, 'make-up Sunday (调休) for 国庆节'],
    ['2026-02-14', true, 'make-up Saturday (调休) before 春节'],
    ['2026-02-17', false, '春节 (Tuesday)'],
    ['2026-01-04', true, 'make-up Sunday after 元旦'],
    ['2025-10-08', false, '2025 国庆+中秋 runs to 10/8'],
    ['2025-10-11', true, '2025 make-up Saturday'],
    ['2027-10-01', true, '2027 is not in the file: plain Monday–Friday (a Friday)'],
  ])('%s is a working day: %s (%s)', (date, expected) => {
    expect(isWorkingDay(calendar, date)).toBe(expected);
  });
});

describe('moving over working days', () => {
  it('nextWorkingDay skips 国庆 2026 and lands on Thursday 10/8', () => {
    expect(nextWorkingDay(calendar, '2026-09-30')).toBe('2026-10-08');
  });

  it('previousWorkingDay before 10/8 is 9/30', () => {
    expect(previousWorkingDay(calendar, '2026-10-08')).toBe('2026-09-30');
  });

  it('first/last working day on or around a date', () => {
    expect(firstWorkingDayOnOrAfter(calendar, '2026-11-28')).toBe('2026-11-30');
    expect(firstWorkingDayOnOrAfter(calendar, '2026-11-27')).toBe('2026-11-27');
    expect(lastWorkingDayOnOrBefore(calendar, '2026-11-29')).toBe('2026-11-27');
    expect(lastWorkingDayOnOrBefore(calendar, '2026-10-07')).toBe('2026-09-30');
  });

  it.each([
    ['2026-09-30', 1, '2026-10-08'],
    ['2026-09-30', 3, '2026-10-10'],
    ['2026-09-30', 5, '2026-10-13'],
    ['2026-10-13', -5, '2026-09-30'],
    ['2026-11-24', 0, '2026-11-24'],
    ['2026-11-27', 1, '2026-11-30'],
  ])('addWorkingDays(%s, %i) = %s', (date, n, expected) => {
    expect(addWorkingDays(calendar, date, n)).toBe(expected);
  });

  it('workingDaysBetween is inclusive and counts the make-up Saturday', () => {
    expect(workingDaysBetween(calendar, '2026-09-28', '2026-10-12')).toEqual([
      '2026-09-28',
      '2026-09-29',
      '2026-09-30',
      '2026-10-08',
      '2026-10-09',
      '2026-10-10',
      '2026-10-12',
    ]);
    expect(countWorkingDaysBetween(calendar, '2026-11-30', '2026-11-23')).toBe(0);
  });
});

describe('buildWorkCalendar', () => {
  it("applies a lead's overrides over the file, the last one for a date winning", () => {
    const withOverrides = buildWorkCalendar(
      toWorkCalendarInput(loadHolidayCalendar(), [
        { date: '2026-11-27', kind: 'holiday' },
        { date: '2026-10-10', kind: 'holiday' },
        { date: '2026-10-08', kind: 'holiday' },
        { date: '2026-10-08', kind: 'workday' },
        { date: '2026-10-02', kind: 'workday' },
      ]),
    );
    expect(isWorkingDay(withOverrides, '2026-11-27')).toBe(false);
    expect(isWorkingDay(withOverrides, '2026-10-10')).toBe(false);
    expect(isWorkingDay(withOverrides, '2026-10-08')).toBe(true);
    expect(isWorkingDay(withOverrides, '2026-10-02')).toBe(true);
  });

  it('rejects a date listed as both holiday and make-up day', () => {
    expect(() => buildWorkCalendar({ holidays: ['2026-10-10'], makeUpWorkdays: ['2026-10-10'] })).toThrow(RangeError);
  });

  it('knows which years it covers (beyond them a plan is provisional)', () => {
    expect(isCoveredByCalendar(calendar, '2026-12-31')).toBe(true);
    expect(isCoveredByCalendar(calendar, '2027-01-04')).toBe(false);
    expect(isRangeCoveredByCalendar(calendar, '2025-12-01', '2026-01-31')).toBe(true);
    expect(isRangeCoveredByCalendar(calendar, '2026-12-01', '2027-01-31')).toBe(false);
    const derived = buildWorkCalendar({ holidays: ['2030-01-01'], makeUpWorkdays: [] });
    expect([...derived.coveredYears]).toEqual([2030]);
  });
});
