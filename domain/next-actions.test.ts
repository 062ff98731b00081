import { describe, expect, it } from 'vitest';
import { loadHolidayCalendar, toWorkCalendarInput } from '@/lib/content/holidays';
import { loadProgramSettings } from '@/lib/content/program';
import { buildWorkCalendar } from './calendar';
import type { IsoDate } from './dates';
import type { DayActivity } from './day-status';
import type { ProgramEvent } from './events';
import { computeNextActions } from './next-actions';
import { computePlan } from './plan';
import { createEventLog } from './testing/event-log';

const settings = loadProgramSettings();
const calendar = buildWorkCalendar(toWorkCalendarInput(loadHolidayCalendar()));

// A trainee starting 2026-03-02: shadowing 03-09..13, drills 03-16..18, supervised 03-19..04-01,
// solo 04-02..09, probation 04-10..05-09.
function planAt(today: IsoDate, events: readonly ProgramEvent[], activity: DayActivity[] = []) {
  return computePlan({ trainee: { traineeClass: 'A', startDate: '2026-03-02' }, settings, calendar, events, today, activity });
}

function classroomDone() {
  const log = createEventLog();
  log.add('stage_completed', '2026-03-06', { stage: 'classroom' });
  return log;
}

const shadowingMet = (date: IsoDate): DayActivity => ({ date, recordingsLogged: 10, liveShadowingAttended: true });
const supervisedMet = (date: IsoDate): DayActivity => ({
  date,
  callsHandled: 20,
  callsSampled: 5,
  callsReviewed: 5,
  callsLiveListened: 10,
});

describe('computeNextActions', () => {
  it('trainee before the start: wait for the start date', () => {
    expect(computeNextActions(planAt('2026-02-27', []), 'trainee').actions).toEqual([
      { code: 'wait_for_start', startDate: '2026-03-02' },
    ]);
  });

  it('trainee in the classroom: complete the modules; days remaining in the stage', () => {
    const next = computeNextActions(planAt('2026-03-04', []), 'trainee');
    expect(next).toEqual({
      stage: 'classroom',
      kind: 'regular',
      daysRemainingInStage: 3,
      actions: [{ code: 'complete_classroom_modules', plannedEnd: '2026-03-06', overdue: false }],
    });
  });

  it('seeds/000 篇二 四(二)4 1): trainee shadowing today with 7 of 10 recordings logged', () => {
    const plan = planAt('2026-03-10', classroomDone().events, [
      shadowingMet('2026-03-09'),
      { date: '2026-03-10', recordingsLogged: 7, liveShadowingAttended: false },
    ]);
    const next = computeNextActions(plan, 'trainee');
    expect(next.stage).toBe('shadowing');
    expect(next.daysRemainingInStage).toBe(4);
    expect(next.actions).toEqual([{ code: 'attend_live_shadowing' }, { code: 'log_recordings', remaining: 3 }]);
    expect(computeNextActions(plan, 'mentor').actions).toEqual([{ code: 'confirm_live_shadowing', date: '2026-03-10' }]);
  });

  it('trainee with a missed day is told which day; the lead is asked to resolve it', () => {
    const plan = planAt('2026-03-11', classroomDone().events, [shadowingMet('2026-03-09'), shadowingMet('2026-03-11')]);
    expect(computeNextActions(plan, 'trainee').actions).toEqual([{ code: 'catch_up_missed_days', dates: ['2026-03-10'] }]);
    expect(computeNextActions(plan, 'lead').actions).toEqual([{ code: 'resolve_missed_days', dates: ['2026-03-10'] }]);
  });

  it('seeds/000 篇二 四(二)4 2): trainee in drills submits the day\'s script', () => {
    const plan = planAt('2026-03-16', classroomDone().events, ['09', '10', '11', '12', '13'].map((d) => shadowingMet(`2026-03-${d}`)));
    expect(computeNextActions(plan, 'trainee').actions).toEqual([{ code: 'submit_drill_script', remaining: 1 }]);
  });

  it('seeds/000 篇二 四(二)4 3) and 四(二)3: mentor reviews the sampled calls and live-listens more', () => {
    const log = classroomDone();
    const earlier = planAt('2026-03-01', log.events);
    const pastDays = earlier.blocks
      .filter((b) => b.stage === 'shadowing' || b.stage === 'drills')
      .flatMap((b) => b.workingDays.map((date) => ({ ...shadowingMet(date), drillScriptSubmitted: true })));
    const plan = planAt('2026-03-20', log.events, [
      ...pastDays,
      { ...supervisedMet('2026-03-19'), callsLiveListened: 4 },
      { date: '2026-03-20', callsHandled: 15, callsSampled: 5, callsReviewed: 2, callsLiveListened: 3 },
    ]);
    expect(computeNextActions(plan, 'mentor').actions).toEqual([
      { code: 'review_sampled_calls', count: 3, dates: ['2026-03-20'] },
      { code: 'increase_live_listening', ratio: 7 / 35, target: 0.5 },
    ]);
    // seeds/000 篇二 四(三)(二)1): the exam is due before the solo week ends.
    expect(computeNextActions(plan, 'trainee').actions).toEqual([{ code: 'take_exam', dueBy: '2026-04-09' }]);
  });

  it('mentor draws the day\'s sample when calls were handled but none sampled', () => {
    const log = classroomDone();
    log.add('override', '2026-03-06', { action: 'complete_stage', stage: 'shadowing' }, 'test');
    log.add('override', '2026-03-06', { action: 'complete_stage', stage: 'drills' }, 'test');
    const plan = planAt('2026-03-09', log.events, [{ date: '2026-03-09', callsHandled: 9 }]);
    expect(plan.blocks[plan.currentBlockIndex!]!.stage).toBe('supervised');
    expect(computeNextActions(plan, 'mentor').actions).toEqual([
      { code: 'draw_call_sample', dates: ['2026-03-09'] },
      { code: 'review_sampled_calls', count: 5, dates: ['2026-03-09'] },
      { code: 'increase_live_listening', ratio: 0, target: 0.5 },
    ]);
  });

  it('seeds/000 篇二 四(三)(二)2): qa scores the solo week and confirms the result from its last day', () => {
    const log = classroomDone();
    expect(computeNextActions(planAt('2026-04-03', log.events), 'qa').actions).toEqual([
      { code: 'score_solo_calls', until: '2026-04-09' },
    ]);
    expect(computeNextActions(planAt('2026-04-09', log.events), 'qa').actions).toEqual([
      { code: 'score_solo_calls', until: '2026-04-09' },
      { code: 'confirm_solo_result' },
    ]);
  });

  it('seeds/000 篇二 四(三)(三): probation is scored by mentor and qa, signed off by the lead at its end', () => {
    const log = classroomDone();
    log.add('solo_passed', '2026-04-09', {});
    const plan = planAt('2026-05-09', log.events);
    expect(computeNextActions(plan, 'mentor').actions).toContainEqual({ code: 'score_probation', until: '2026-05-09' });
    expect(computeNextActions(plan, 'qa').actions).toEqual([{ code: 'score_probation', until: '2026-05-09' }]);
    expect(computeNextActions(plan, 'lead').actions).toContainEqual({ code: 'sign_off_probation' });
  });

  it('lead issues the certificate after probation passed', () => {
    const log = classroomDone();
    log.add('solo_passed', '2026-04-09', {});
    log.add('probation_passed', '2026-05-09', {});
    expect(computeNextActions(planAt('2026-05-11', log.events), 'lead').actions).toContainEqual({ code: 'issue_certificate' });
  });

  it('SPEC: after two failed attempts the lead takes a decision', () => {
    const log = classroomDone();
    const first = log.add('solo_failed', '2026-04-09', {});
    log.add('extension_scheduled', '2026-04-09', { days: 5, stage: 'supervised', causeEventId: first.id });
    log.add('solo_failed', '2026-04-23', {});
    const plan = planAt('2026-04-24', log.events);
    expect(computeNextActions(plan, 'lead').actions).toEqual([{ code: 'take_decision', gate: 'solo', failures: 2 }]);
    expect(computeNextActions(plan, 'trainee')).toMatchObject({ stage: null, actions: [] });
  });

  it('nothing to do once certified or exited', () => {
    const log = classroomDone();
    log.add('decision_taken', '2026-03-10', { decision: 'exit' }, '离职');
    for (const role of ['trainee', 'mentor', 'qa', 'lead'] as const) {
      expect(computeNextActions(planAt('2026-03-11', log.events), role).actions).toEqual([]);
    }
  });
});
