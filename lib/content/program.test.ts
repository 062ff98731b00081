import { describe, expect, it } from 'vitest';
import { buildWorkCalendar, isWorkingDay } from '@/domain/calendar';
import { getIsoWeekday } from '@/domain/dates';
import { getProbationLength, getStageDays, listClassStages, type ProgramSettings } from '@/domain/program-settings';
import { loadHolidayCalendar, parseHolidayCalendar, toWorkCalendarInput } from './holidays';
import { loadProgramSettings, parseProgramSettings, programSettingsSchema } from './program';

describe('content/program.yaml', () => {
  const settings = loadProgramSettings();

  it('loads, validates and is cached', () => {
    expect(loadProgramSettings()).toBe(settings);
    expect(settings.timeZone).toBe('Asia/Shanghai');
  });

  it.each([
    ['A', 'classroom', 5],
    ['B', 'classroom', 2],
    ['A', 'shadowing', 5],
    ['B', 'shadowing', 3],
    ['A', 'drills', 3],
    ['B', 'drills', null],
    ['A', 'supervised', 10],
    ['B', 'supervised', 5],
    ['A', 'solo', 5],
    ['B', 'solo', 5],
  ] as const)('SPEC stage table: class %s %s = %s working days', (traineeClass, stage, days) => {
    expect(getStageDays(settings, stage, traineeClass)).toBe(days);
  });

  it('seeds/000 篇二 四(三)(三): probation is one month for A, two weeks for B', () => {
    expect(getProbationLength(settings, 'A')).toEqual({ months: 1 });
    expect(getProbationLength(settings, 'B')).toEqual({ weeks: 2 });
  });

  it('seeds/000 篇二 四(二)4 2): B runs no drills', () => {
    expect(listClassStages(settings, 'A')).toEqual(['classroom', 'shadowing', 'drills', 'supervised', 'solo', 'probation']);
    expect(listClassStages(settings, 'B')).toEqual(['classroom', 'shadowing', 'supervised', 'solo', 'probation']);
  });

  it("keeps the source's own numbers (seeds/000 篇二 四(二)3, 四(二)4, 四(三)(二)2)", () => {
    expect(settings.quotas.shadowing.recordingsPerDay).toBe(10);
    expect(settings.quotas.supervised.sampledCallsPerDay).toBe(5);
    expect(settings.quotas.supervised.liveListenCoverage).toBe(0.5);
    expect(settings.extension).toMatchObject({ days: 5, stage: 'supervised' });
    expect(settings.retraining).toEqual({ defaultStage: 'supervised', days: 5 });
    expect(settings.failedAttemptLimit).toBe(2);
  });

  it('seeds/000 篇二 四(三)(一): the five assessors, weights summing to 1', () => {
    expect(settings.probation.assessors.map((a) => a.kind)).toEqual([
      'department_head',
      'mentor',
      'qa',
      'training_specialist',
      'branch_coach',
    ]);
    expect(settings.probation.assessors.reduce((sum, a) => sum + a.weight, 0)).toBeCloseTo(1, 9);
  });
});

describe('programSettingsSchema rejects settings that cannot be right', () => {
  const valid = loadProgramSettings();
  const change = (edit: (s: ProgramSettings) => void): unknown => {
    const copy = structuredClone(valid);
    edit(copy);
    return copy;
  };

  it.each([
    ['enabled assessor weights not summing to 1', change((s) => (s.probation.assessors[0]!.weight = 0.5))],
    ['an assessor listed twice', change((s) => s.probation.assessors.push({ kind: 'qa', weight: 0, enabled: false }))],
    ['no assessor enabled', change((s) => s.probation.assessors.forEach((a) => (a.enabled = false)))],
    ['a pass mark over 100', change((s) => (s.exam.passMark = 120))],
    ['a negative pass mark', change((s) => (s.probation.passMark = -1))],
    ['a fractional stage length', change((s) => s.stages.splice(0, 1, { key: 'classroom', days: { A: 2.5, B: 2 } }))],
    ['a zero quota', change((s) => (s.quotas.shadowing.recordingsPerDay = 0))],
    ['coverage above 1', change((s) => (s.quotas.supervised.liveListenCoverage = 1.5))],
    ['a stage listed twice', change((s) => s.stages.push({ key: 'solo', days: { A: 5, B: 5 } }))],
    ['stages out of program order', change((s) => s.stages.reverse())],
    ['an unknown stage key', change((s) => s.stages.push({ key: 'lunch', days: { A: 1 } } as never))],
    ['a class missing a required stage', change((s) => s.stages.splice(1, 1, { key: 'shadowing', days: { A: 5 } }))],
    ['a probation length with two units', change((s) => s.stages.splice(5, 1, { key: 'probation', length: { A: { months: 1, weeks: 1 } as never, B: { weeks: 2 } } }))],
    ['a typo in a field name', { ...structuredClone(valid), failedAtemptLimit: 2 }],
    ['an unknown time zone', change((s) => (s.timeZone = 'Asia/Shanghia'))],
    ['a default extension in the classroom', change((s) => (s.extension.stage = 'classroom'))],
    ['a zero failure limit', change((s) => (s.failedAttemptLimit = 0))],
  ])('%s', (_name, value) => {
    expect(programSettingsSchema.safeParse(value).success).toBe(false);
  });

  it('accepts drills for both classes, or for none', () => {
    expect(() => parseProgramSettings(change((s) => s.stages.splice(2, 1, { key: 'drills', days: { A: 3, B: 1 } })))).not.toThrow();
    expect(() => parseProgramSettings(change((s) => s.stages.splice(2, 1)))).not.toThrow();
  });
});

describe('content/holidays.yaml (国务院办公厅 holiday notices)', () => {
  const file = loadHolidayCalendar();
  const calendar = buildWorkCalendar(toWorkCalendarInput(file));

  it('covers 2025 and 2026', () => {
    expect(file.years.map((y) => y.year)).toEqual([2025, 2026]);
  });

  it('make-up working days (调休) are all weekend days', () => {
    for (const year of file.years) {
      for (const { date } of year.makeUpWorkdays) expect(getIsoWeekday(date)).toBeGreaterThanOrEqual(6);
    }
  });

  it.each([
    ['2025', '春节', ['2025-01-28', '2025-02-04'], ['2025-01-26', '2025-02-08']],
    ['2025', '劳动节', ['2025-05-01', '2025-05-05'], ['2025-04-27']],
    ['2025', '国庆节、中秋节', ['2025-10-01', '2025-10-08'], ['2025-09-28', '2025-10-11']],
    ['2026', '元旦', ['2026-01-01', '2026-01-03'], ['2026-01-04']],
    ['2026', '春节', ['2026-02-15', '2026-02-23'], ['2026-02-14', '2026-02-28']],
    ['2026', '劳动节', ['2026-05-01', '2026-05-05'], ['2026-05-09']],
    ['2026', '国庆节', ['2026-10-01', '2026-10-07'], ['2026-09-20', '2026-10-10']],
  ])('%s %s: holidays %j, make-up days %j', (_year, name, [from, to], makeUps) => {
    for (let d = from!; d <= to!; d = nextDate(d)) expect(isWorkingDay(calendar, d)).toBe(false);
    for (const d of makeUps) expect(isWorkingDay(calendar, d)).toBe(true);
    const year = file.years.find((y) => String(y.year) === _year)!;
    expect(year.makeUpWorkdays.filter((m) => m.for === name).map((m) => m.date)).toEqual(makeUps);
  });

  it('counts the public holidays of each year', () => {
    const input = toWorkCalendarInput(file);
    expect(input.holidays.filter((d) => d.startsWith('2025')).length).toBe(28);
    expect(input.holidays.filter((d) => d.startsWith('2026')).length).toBe(33);
  });

  it.each([
    ['a make-up day on a weekday', { date: '2026-10-09', for: '国庆节' }],
    ['a date outside its year', { date: '2027-01-02', for: '元旦' }],
    ['a date listed twice', { date: '2026-10-10', for: '国庆节' }],
  ])('rejects %s', (_name, makeUp) => {
    const raw = structuredClone(file);
    raw.years[1]!.makeUpWorkdays.push(makeUp);
    expect(() => parseHolidayCalendar(raw)).toThrow();
  });

  it('rejects a range that runs backwards', () => {
    const raw = structuredClone(file);
    raw.years[0]!.holidays.push({ name: 'x', from: '2025-12-31', to: '2025-12-30' });
    expect(() => parseHolidayCalendar(raw)).toThrow();
  });
});

function nextDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}
