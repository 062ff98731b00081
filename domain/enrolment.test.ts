import { describe, expect, it } from 'vitest';
import { buildWorkCalendar } from './calendar';
import {
  checkStartDate,
  findDuplicateUsernames,
  isValidUsername,
  latestStartDate,
  normaliseUsername,
  parseDayText,
  parseTraineeClass,
} from './enrolment';

// 2026-10-01…07 National Day holidays, 2026-10-10 (Saturday) a make-up working day.
const calendar = buildWorkCalendar({
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'],
  makeUpWorkdays: ['2026-10-10'],
});

describe('usernames', () => {
  it('folds case and full-width characters, and trims', () => {
    expect(normaliseUsername('  Zhang.San ')).toBe('zhang.san');
    expect(normaliseUsername('ｗａｎｇ０１')).toBe('wang01');
  });

  it.each([
    ['wang01', true],
    ['a.b-c_d', true],
    ['ab', false],
    ['-abc', false],
    ['has space', false],
    ['张三', false],
    ['a'.repeat(32), true],
    ['a'.repeat(33), false],
  ])('%s valid → %s', (username, valid) => {
    expect(isValidUsername(username)).toBe(valid);
  });
});

describe('parseTraineeClass', () => {
  it.each([
    ['A', 'A'],
    ['b', 'B'],
    ['A类', 'A'],
    [' B 类 ', 'B'],
    ['Ａ类', 'A'],
    ['C', null],
    ['AB', null],
    ['', null],
    ['类', null],
  ])('%j → %j', (raw, expected) => {
    expect(parseTraineeClass(raw)).toBe(expected);
  });
});

describe('parseDayText', () => {
  it.each([
    ['2026-12-01', '2026-12-01'],
    ['2026/12/1', '2026-12-01'],
    ['2026.1.5', '2026-01-05'],
    ['2026年12月1日', '2026-12-01'],
    [' 2026-12-01 ', '2026-12-01'],
    ['2026-02-30', null],
    ['12/01/2026', null],
    ['tomorrow', null],
    ['', null],
  ])('%j → %j', (raw, expected) => {
    expect(parseDayText(raw)).toBe(expected);
  });
});

describe('checkStartDate', () => {
  const today = '2026-09-28'; // a Monday

  it('accepts today and later working days, including a make-up Saturday', () => {
    expect(checkStartDate(calendar, today, today)).toBeNull();
    expect(checkStartDate(calendar, today, '2026-09-30')).toBeNull();
    expect(checkStartDate(calendar, today, '2026-10-10')).toBeNull();
  });

  it('refuses past days, weekends, holidays and days beyond the planning horizon', () => {
    expect(checkStartDate(calendar, today, '2026-09-25')).toBe('start_date_past');
    expect(checkStartDate(calendar, today, '2026-10-03')).toBe('start_date_not_working_day');
    expect(checkStartDate(calendar, today, '2026-10-05')).toBe('start_date_not_working_day');
    expect(latestStartDate(today)).toBe('2027-03-28');
    expect(checkStartDate(calendar, today, '2027-03-26')).toBeNull();
    expect(checkStartDate(calendar, today, '2027-03-29')).toBe('start_date_too_far');
  });
});

describe('findDuplicateUsernames', () => {
  it('names, for every row of a clash, the other rows it clashes with', () => {
    const clashes = findDuplicateUsernames([
      { row: 2, username: 'a01' },
      { row: 3, username: 'b01' },
      { row: 5, username: 'a01' },
      { row: 6, username: 'a01' },
      { row: 7, username: '' },
      { row: 8, username: '' },
    ]);
    expect(Object.fromEntries(clashes)).toEqual({ 2: [5, 6], 5: [2, 6], 6: [2, 5] });
  });
});
