import { describe, expect, it } from 'vitest';
import { loadHolidayCalendar, toWorkCalendarInput } from '@/lib/content/holidays';
import { loadProgramSettings } from '@/lib/content/program';
import { buildWorkCalendar } from './calendar';
import type { IsoDate } from './dates';
import type { DayActivity } from './day-status';
import {
  checkDrillScriptDay,
  checkLiveListenDay,
  checkShadowingDay,
  checkTraineeLogDay,
  evaluatePlanBlockDays,
  findPreviousWorkingDay,
  isDrillDayFor,
  isLiveListenedWithinHandled,
  listLogWindow,
} from './floor-days';
import { computePlan, type Plan } from './plan';
import type { TraineeClass } from './program-settings';
import { createEventLog } from './testing/event-log';

const settings = loadProgramSettings();
const calendar = buildWorkCalendar(toWorkCalendarInput(loadHolidayCalendar()));
const none = new Set<IsoDate>();

/**
 * A: classroom done Fri 10-30 → shadowing 11-02…11-06, drills 11-09…11-11, supervised from 11-12.
 * B: classroom done Fri 10-30 → shadowing 11-02…11-04, supervised 11-05…11-11.
 */
function planFor(traineeClass: TraineeClass, today: IsoDate, extra: (log: ReturnType<typeof createEventLog>) => void = () => {}, activity: DayActivity[] = []): Plan {
  const log = createEventLog();
  log.add('enrolled', '2026-10-26', {});
  log.add('stage_completed', '2026-10-30', { stage: 'classroom' });
  extra(log);
  return computePlan({ trainee: { traineeClass, startDate: '2026-10-26' }, settings, calendar, events: log.events, today, activity });
}

describe('the log window', () => {
  it('is today and the previous counted working day, skipping weekends and excused days', () => {
    expect(listLogWindow(planFor('A', '2026-11-09'))).toEqual(['2026-11-06', '2026-11-09']);
    const excused = planFor('A', '2026-11-05', (log) => log.add('absence_excused', '2026-11-04', { date: '2026-11-04' }));
    expect(findPreviousWorkingDay(excused)).toBe('2026-11-03');
  });
});

describe('checkTraineeLogDay', () => {
  const plan = planFor('A', '2026-11-04');
  it('allows today and yesterday of the shadowing stage', () => {
    expect(checkTraineeLogDay(plan, settings, '2026-11-04', { confirmed: false, drillGroupDays: none }).ok).toBe(true);
    expect(checkTraineeLogDay(plan, settings, '2026-11-03', { confirmed: false, drillGroupDays: none }).ok).toBe(true);
  });
  it.each([
    ['2026-11-05', false, 'day_in_future'],
    ['2026-11-01', false, 'day_not_working'],
    ['2026-11-02', false, 'day_outside_window'],
    ['2026-11-03', true, 'day_confirmed'],
    ['2026-10-30', false, 'day_not_shadowing'],
  ] as const)('refuses %s (confirmed: %s) with %s', (day, confirmed, reason) => {
    expect(checkTraineeLogDay(plan, settings, day, { confirmed, drillGroupDays: none })).toEqual({ ok: false, reason });
  });
  it('an excused day needs no log and takes none', () => {
    const excused = planFor('A', '2026-11-04', (log) => log.add('absence_excused', '2026-11-04', { date: '2026-11-04' }));
    expect(checkTraineeLogDay(excused, settings, '2026-11-04', { confirmed: false, drillGroupDays: none })).toEqual({ ok: false, reason: 'day_not_working' });
  });
});

describe('which blocks keep the recordings quota', () => {
  it('a drills day is a shadowing day only when the trainee has no drill group that day', () => {
    const plan = planFor('A', '2026-11-09');
    expect(checkShadowingDay(plan, settings, '2026-11-09', none).ok).toBe(true);
    expect(checkShadowingDay(plan, settings, '2026-11-09', new Set(['2026-11-09']))).toEqual({ ok: false, reason: 'day_not_shadowing' });
  });

  it('seeds/000 篇二 四(三)(二)2: the extension week after a failed solo week keeps the recordings quota', () => {
    // B: supervised 11-05…11-11, solo 11-12…11-18, failed 11-18 → extension from 11-19
    const plan = planFor('B', '2026-11-19', (log) => log.add('solo_failed', '2026-11-18', {}));
    const block = plan.blocks[plan.currentBlockIndex!]!;
    expect(block.kind).toBe('extension');
    expect(checkShadowingDay(plan, settings, '2026-11-19', none).ok).toBe(true);
    expect(checkLiveListenDay(plan, '2026-11-19').ok).toBe(true);
    const regular = planFor('B', '2026-11-06');
    expect(checkShadowingDay(regular, settings, '2026-11-06', none)).toEqual({ ok: false, reason: 'day_not_shadowing' });
  });
});

describe('checkLiveListenDay', () => {
  it('takes supervised-call days up to today only', () => {
    const plan = planFor('B', '2026-11-06');
    expect(checkLiveListenDay(plan, '2026-11-05').ok).toBe(true);
    expect(checkLiveListenDay(plan, '2026-11-09')).toEqual({ ok: false, reason: 'day_in_future' });
    expect(checkLiveListenDay(plan, '2026-11-04')).toEqual({ ok: false, reason: 'day_not_supervised' });
    expect(checkLiveListenDay(plan, '2026-11-01')).toEqual({ ok: false, reason: 'day_not_working' });
  });

  it('never more live-listened calls than handled, once the count is known', () => {
    expect(isLiveListenedWithinHandled(3, 3)).toBe(true);
    expect(isLiveListenedWithinHandled(4, 3)).toBe(false);
    expect(isLiveListenedWithinHandled(4, null)).toBe(true);
  });
});

describe('drill days', () => {
  it('a group is formed for the drills days of a trainee, today or later', () => {
    const plan = planFor('A', '2026-11-09');
    expect(isDrillDayFor(plan, '2026-11-09')).toBe(true);
    expect(isDrillDayFor(plan, '2026-11-11')).toBe(true);
    expect(isDrillDayFor(plan, '2026-11-12')).toBe(false);
    expect(isDrillDayFor(plan, '2026-11-06')).toBe(false);
    expect(isDrillDayFor(planFor('B', '2026-11-09'), '2026-11-09')).toBe(false);
  });

  it('a script needs the group, the window and no comment yet', () => {
    const plan = planFor('A', '2026-11-10');
    expect(checkDrillScriptDay(plan, '2026-11-10', { inGroup: true, commented: false }).ok).toBe(true);
    expect(checkDrillScriptDay(plan, '2026-11-09', { inGroup: true, commented: false }).ok).toBe(true);
    expect(checkDrillScriptDay(plan, '2026-11-10', { inGroup: false, commented: false })).toEqual({ ok: false, reason: 'not_in_drill_group' });
    expect(checkDrillScriptDay(plan, '2026-11-10', { inGroup: true, commented: true })).toEqual({ ok: false, reason: 'day_confirmed' });
    expect(checkDrillScriptDay(plan, '2026-11-06', { inGroup: true, commented: false })).toEqual({ ok: false, reason: 'not_in_drill_group' });
  });
});

describe('evaluatePlanBlockDays', () => {
  it("gives a past block's days their status from the engine", () => {
    const activity: DayActivity[] = [
      { date: '2026-11-02', recordingsLogged: 10, liveShadowingAttended: true },
      { date: '2026-11-03', recordingsLogged: 4, liveShadowingAttended: true },
    ];
    const plan = planFor('A', '2026-11-09', () => {}, activity);
    const shadowing = plan.blocks.findIndex((b) => b.stage === 'shadowing');
    const days = evaluatePlanBlockDays(plan, shadowing, activity, settings);
    expect(days.map((d) => d.status)).toEqual(['met', 'missed', 'missed', 'missed', 'missed']);
    expect(evaluatePlanBlockDays(plan, plan.currentBlockIndex!, activity, settings)).toBe(plan.currentBlockDays);
  });
});
