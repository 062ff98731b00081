import { describe, expect, it } from 'vitest';
import { loadHolidayCalendar, toWorkCalendarInput } from '@/lib/content/holidays';
import { loadProgramSettings } from '@/lib/content/program';
import { buildWorkCalendar } from './calendar';
import { countDayStatuses, groupIntoWeeks, listDayStatuses } from './day-history';
import type { DayActivity } from './day-status';
import { computePlan } from './plan';
import { createEventLog } from './testing/event-log';

const settings = loadProgramSettings();
const calendar = buildWorkCalendar(toWorkCalendarInput(loadHolidayCalendar()));

// Class A from Mon 2026-11-02; classroom completed Fri 11-06, so shadowing runs from Mon 11-09.
function shadowingTrainee(today: string, activity: DayActivity[], excused: string[] = []) {
  const log = createEventLog();
  log.add('enrolled', '2026-11-02', { traineeClass: 'A' });
  log.add('stage_completed', '2026-11-06', { stage: 'classroom' });
  for (const date of excused) log.add('absence_excused', date, { date }, '病假');
  const plan = computePlan({ trainee: { traineeClass: 'A', startDate: '2026-11-02' }, settings, calendar, events: log.events, activity, today });
  return listDayStatuses(plan, activity, settings);
}

describe('listDayStatuses', () => {
  it('rates every past working day of every block, today pending, nothing after today', () => {
    const entries = shadowingTrainee(
      '2026-11-12',
      [
        { date: '2026-11-09', liveShadowingAttended: true, recordingsLogged: 10 },
        // seeds/000 篇二 四(二)4 1): 10 recordings a day — 4 is a missed day
        { date: '2026-11-10', liveShadowingAttended: true, recordingsLogged: 4 },
        { date: '2026-11-12', liveShadowingAttended: true, recordingsLogged: 3 },
      ],
      ['2026-11-11'],
    );
    expect(entries.map((e) => [e.date, e.status, e.stage])).toEqual([
      ['2026-11-02', 'no_quota', 'classroom'],
      ['2026-11-03', 'no_quota', 'classroom'],
      ['2026-11-04', 'no_quota', 'classroom'],
      ['2026-11-05', 'no_quota', 'classroom'],
      ['2026-11-06', 'no_quota', 'classroom'],
      ['2026-11-09', 'met', 'shadowing'],
      ['2026-11-10', 'missed', 'shadowing'],
      ['2026-11-11', 'excused', 'shadowing'],
      ['2026-11-12', 'pending', 'shadowing'],
    ]);
    expect(entries.find((e) => e.date === '2026-11-12')?.requirements.find((r) => r.code === 'recordings')).toMatchObject({
      target: settings.quotas.shadowing.recordingsPerDay,
      done: 3,
      met: false,
    });
    expect(countDayStatuses(entries)).toEqual({ met: 1, missed: 1, excused: 1, pending: 1, no_quota: 5 });
  });

  it('agrees with the plan: the days it calls missed are the blocks’ missed days', () => {
    const log = createEventLog();
    log.add('enrolled', '2026-11-02', { traineeClass: 'A' });
    log.add('stage_completed', '2026-11-06', { stage: 'classroom' });
    const activity: DayActivity[] = [{ date: '2026-11-09', liveShadowingAttended: true, recordingsLogged: 10 }];
    const plan = computePlan({ trainee: { traineeClass: 'A', startDate: '2026-11-02' }, settings, calendar, events: log.events, activity, today: '2026-11-20' });
    const missed = listDayStatuses(plan, activity, settings).filter((e) => e.status === 'missed').map((e) => e.date);
    expect(missed).toEqual(plan.blocks.flatMap((b) => b.missedDays));
    expect(missed).toContain('2026-11-16'); // a drill day without a script
  });

  it('is empty before the first day', () => {
    expect(shadowingTrainee('2026-10-30', [])).toEqual([]);
  });
});

describe('groupIntoWeeks', () => {
  it('lays days out Monday to Sunday, leaving weekends and days outside the plan empty', () => {
    const weeks = groupIntoWeeks(shadowingTrainee('2026-11-10', []));
    expect(weeks.map((w) => w.weekStart)).toEqual(['2026-11-02', '2026-11-09']);
    expect(weeks[0]!.days.map((d) => d.entry?.status ?? null)).toEqual([
      'no_quota',
      'no_quota',
      'no_quota',
      'no_quota',
      'no_quota',
      null,
      null,
    ]);
    expect(weeks[1]!.days.map((d) => d.entry?.status ?? null)).toEqual(['missed', 'pending', null, null, null, null, null]);
    expect(weeks[1]!.days[6]!.date).toBe('2026-11-15');
  });

  it('starts on the Monday of the first day even mid-week', () => {
    const weeks = groupIntoWeeks([{ date: '2026-11-04', status: 'met', stage: 'shadowing', kind: 'regular', requirements: [] }]);
    expect(weeks).toHaveLength(1);
    expect(weeks[0]!.weekStart).toBe('2026-11-02');
    expect(weeks[0]!.days[2]!.entry?.status).toBe('met');
    expect(groupIntoWeeks([])).toEqual([]);
  });
});
