import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addWeeks,
  compareIsoDates,
  differenceInDays,
  formatIsoDate,
  fromEpochDay,
  getIsoWeekday,
  isIsoDate,
  isValidTimeZone,
  maxIsoDate,
  minIsoDate,
  parseIsoDate,
  toEpochDay,
  todayInTimeZone,
} from './dates';

describe('ISO dates', () => {
  it.each([
    ['2026-11-24', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-1-1', false],
    ['2026-11-24T00:00', false],
    ['', false],
  ])('isIsoDate(%j) is %s', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it('parses and formats', () => {
    expect(parseIsoDate('2026-03-02')).toEqual({ year: 2026, month: 3, day: 2 });
    expect(formatIsoDate(2026, 3, 2)).toBe('2026-03-02');
    expect(() => parseIsoDate('2026-02-30')).toThrow(RangeError);
  });

  it.each([
    ['2026-02-28', 1, '2026-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-03-02', 30, '2026-04-01'],
  ])('addDays(%s, %i) = %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });

  it.each([
    ['2026-03-02', 1, '2026-04-02'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2024-01-31', 1, '2024-02-29'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-03-31', -1, '2026-02-28'],
  ])('addMonths(%s, %i) = %s (clamped to the month end)', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it('adds weeks, compares and measures', () => {
    expect(addWeeks('2026-03-02', 2)).toBe('2026-03-16');
    expect(differenceInDays('2026-04-01', '2026-03-02')).toBe(30);
    expect(compareIsoDates('2026-03-02', '2026-03-10')).toBe(-1);
    expect(compareIsoDates('2026-03-02', '2026-03-02')).toBe(0);
    expect(maxIsoDate('2026-03-02', '2026-05-01', '2026-04-01')).toBe('2026-05-01');
    expect(minIsoDate('2026-03-02', '2026-05-01', '2026-01-01')).toBe('2026-01-01');
  });

  it.each([
    ['2026-11-23', 1],
    ['2026-11-28', 6],
    ['2026-11-29', 7],
    ['1970-01-01', 4],
    ['2000-02-29', 2],
  ])('%s is ISO weekday %i', (date, weekday) => {
    expect(getIsoWeekday(date)).toBe(weekday);
  });

  it('epoch days agree with Date.UTC and round-trip (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (epochDay) => {
        const date = fromEpochDay(epochDay);
        expect(toEpochDay(date)).toBe(epochDay);
        // Cross-check against the platform's calendar (tests may; domain code doesn't).
        expect(date).toBe(new Date(epochDay * 86_400_000).toISOString().slice(0, 10));
      }),
    );
  });
});

describe('todayInTimeZone', () => {
  it('rule "days are computed in the organisation\'s time zone": 2026-11-24T17:30Z is 2026-11-25 in Asia/Shanghai', () => {
    expect(todayInTimeZone(Date.parse('2026-11-24T17:30:00Z'), 'Asia/Shanghai')).toBe('2026-11-25');
  });

  it.each([
    ['2026-11-24T15:59:59Z', 'Asia/Shanghai', '2026-11-24'],
    ['2026-11-24T16:00:00Z', 'Asia/Shanghai', '2026-11-25'],
    ['2026-11-24T17:30:00Z', 'UTC', '2026-11-24'],
    ['2026-11-25T03:00:00Z', 'America/New_York', '2026-11-24'],
    // The night clocks go back in New York: still one day, whatever the process zone is.
    ['2026-11-01T05:30:00Z', 'America/New_York', '2026-11-01'],
  ])('%s in %s is %s', (instant, zone, expected) => {
    expect(todayInTimeZone(Date.parse(instant), zone)).toBe(expected);
  });

  it('rejects an unknown zone and a non-finite instant', () => {
    expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(() => todayInTimeZone(0, 'Mars/Olympus')).toThrow(RangeError);
    expect(() => todayInTimeZone(Number.NaN, 'UTC')).toThrow(RangeError);
  });
});
