import { describe, expect, it } from 'vitest';
import { loadHolidayCalendar, toWorkCalendarInput } from '@/lib/content/holidays';
import { loadProgramSettings } from '@/lib/content/program';
import { buildWorkCalendar, nextWorkingDay } from './calendar';
import type { IsoDate } from './dates';
import type { DayActivity } from './day-status';
import type { ProgramEvent } from './events';
import { computePlan, type Plan } from './plan';
import type { ProgramSettings, TraineeClass } from './program-settings';
import { createEventLog } from './testing/event-log';

const settings = loadProgramSettings();
const calendar = buildWorkCalendar(toWorkCalendarInput(loadHolidayCalendar()));

function planFor(
  traineeClass: TraineeClass,
  startDate: IsoDate,
  events: readonly ProgramEvent[] = [],
  options: { today?: IsoDate; activity?: DayActivity[]; settings?: ProgramSettings } = {},
): Plan {
  return computePlan({
    trainee: { traineeClass, startDate },
    settings: options.settings ?? settings,
    calendar,
    events,
    today: options.today ?? '2026-01-01',
    activity: options.activity ?? [],
  });
}

/** One line per block, e.g. "solo#2 2026-10-14..2026-10-20 failed". */
function describeBlocks(plan: Plan): string[] {
  return plan.blocks.map((b) => {
    const kind = b.kind === 'regular' ? '' : `(${b.kind})`;
    const tags = [b.skipped ? 'skipped' : '', b.outcome ?? ''].filter(Boolean).join(' ');
    return `${b.stage}${kind}#${b.attempt} ${b.start}..${b.end}${tags ? ` ${tags}` : ''}`;
  });
}

function findBlock(plan: Plan, stage: string, attempt = 1, kind = 'regular') {
  const block = plan.blocks.find((b) => b.stage === stage && b.attempt === attempt && b.kind === kind);
  if (!block) throw new Error(`no ${stage}#${attempt} (${kind}) in ${describeBlocks(plan).join('; ')}`);
  return block;
}

/** Every shadowing/drill/supervised day of a plan met, so the status reflects only what a test sets up. */
function activityMeetingEveryDay(plan: Plan): DayActivity[] {
  return plan.blocks.flatMap((b) =>
    b.workingDays.map((date) => ({
      date,
      recordingsLogged: 10,
      liveShadowingAttended: true,
      drillScriptSubmitted: true,
      callsHandled: 20,
      callsSampled: 5,
      callsReviewed: 5,
      callsLiveListened: 12,
    })),
  );
}

// A trainee starting 2026-08-24 has the solo week 09-23..09-30: the last working day before 国庆 2026.
const BEFORE_NATIONAL_DAY = '2026-08-24';

describe('the stage table (SPEC "The program, stage by stage"; seeds/000 篇二 三/四)', () => {
  const rows: [TraineeClass, string, number | null, string][] = [
    ['A', 'classroom', 5, 'seeds/000 篇二 四(一): A takes the full 业务集中培训'],
    ['B', 'classroom', 2, 'seeds/000 篇二 四(一): B attends part of the classroom'],
    ['A', 'shadowing', 5, 'seeds/000 篇二 四(二)4 1): 旁听话务'],
    ['B', 'shadowing', 3, 'seeds/000 篇二 四(二)4 1): 旁听话务'],
    ['A', 'drills', 3, 'seeds/000 篇二 四(二)4 2): A类新客服代表需分小组进行话务模拟演练'],
    ['B', 'drills', null, 'seeds/000 篇二 四(二)4 2): drills are for A only'],
    ['A', 'supervised', 10, 'seeds/000 篇二 四(二)4 3): 非独立上线'],
    ['B', 'supervised', 5, 'seeds/000 篇二 四(二)4 3): 非独立上线'],
    ['A', 'solo', 5, 'seeds/000 篇二 四(三)(二)2): 一周的独立上线考核'],
    ['B', 'solo', 5, 'seeds/000 篇二 四(三)(二)2): 一周的独立上线考核'],
  ];

  it.each(rows)('class %s: %s lasts %s working days (%s)', (traineeClass, stage, days) => {
    const plan = planFor(traineeClass, '2026-03-02');
    const blocks = plan.blocks.filter((b) => b.stage === stage);
    if (days === null) {
      expect(blocks).toEqual([]);
    } else {
      expect(blocks).toHaveLength(1);
      expect(blocks[0]!.workingDays).toHaveLength(days);
    }
  });

  it('seeds/000 篇二 三: an A trainee runs every stage in program order, back to back on working days', () => {
    expect(describeBlocks(planFor('A', '2026-03-02'))).toEqual([
      'classroom#1 2026-03-02..2026-03-06',
      'shadowing#1 2026-03-09..2026-03-13',
      'drills#1 2026-03-16..2026-03-18',
      'supervised#1 2026-03-19..2026-04-01',
      // 清明 2026-04-04..06 falls inside the solo week and is skipped.
      'solo#1 2026-04-02..2026-04-09',
      // One calendar month: 04-10 + 1 month − 1 day = 05-09, a make-up Saturday (调休), so a working day.
      'probation#1 2026-04-10..2026-05-09',
      'certified#1 2026-05-11..2026-05-11',
    ]);
  });

  it('seeds/000 篇二 四(二)4 2) and 四(三)(三): a B trainee has no drills and a two-week probation', () => {
    expect(describeBlocks(planFor('B', '2026-03-02'))).toEqual([
      'classroom#1 2026-03-02..2026-03-03',
      'shadowing#1 2026-03-04..2026-03-06',
      'supervised#1 2026-03-09..2026-03-13',
      'solo#1 2026-03-16..2026-03-20',
      // Two weeks: 03-23 + 14 days − 1 = 04-05 (清明), back to the last working day 04-03.
      'probation#1 2026-03-23..2026-04-03',
      // 04-04..06 is 清明.
      'certified#1 2026-04-07..2026-04-07',
    ]);
    expect(findBlock(planFor('B', '2026-03-02'), 'probation').workingDays).toHaveLength(10);
  });

  it('seeds/000 篇二 四(三)(三): an A trainee\'s probation is one calendar month (starting 2026-03-02 it ends 2026-04-01)', () => {
    const log = createEventLog();
    log.add('stage_completed', '2026-01-09', { stage: 'classroom' });
    // qa confirms the solo result late, on Saturday 02-28 (a make-up working day), so probation starts Monday 03-02.
    log.add('solo_passed', '2026-02-28', {});
    const probation = findBlock(planFor('A', '2026-01-05', log.events), 'probation');
    expect(probation.start).toBe('2026-03-02');
    expect(probation.end).toBe('2026-04-01');
  });

  it('a make-up Saturday (调休) counts as a working day of a stage', () => {
    const supervised = findBlock(planFor('A', BEFORE_NATIONAL_DAY), 'supervised');
    expect(supervised.workingDays).toContain('2026-09-20');
    expect(supervised.start).toBe('2026-09-10');
    expect(supervised.end).toBe('2026-09-22');
  });

  it('a start date on a weekend or holiday starts on the next working day', () => {
    expect(findBlock(planFor('A', '2026-10-01'), 'classroom').start).toBe('2026-10-08');
  });
});

describe('classroom completion (seeds/000 篇二 四(一): every module completed and its quiz passed)', () => {
  it('early completion: shadowing starts the next working day', () => {
    const log = createEventLog();
    log.add('stage_completed', '2026-03-04', { stage: 'classroom' });
    const plan = planFor('A', '2026-03-02', log.events);
    expect(describeBlocks(plan).slice(0, 2)).toEqual([
      'classroom#1 2026-03-02..2026-03-04 completed',
      'shadowing#1 2026-03-05..2026-03-11',
    ]);
  });

  it('late completion: later blocks start the working day after it', () => {
    const log = createEventLog();
    log.add('stage_completed', '2026-03-10', { stage: 'classroom' });
    const plan = planFor('A', '2026-03-02', log.events);
    const classroom = findBlock(plan, 'classroom');
    expect(classroom.plannedEnd).toBe('2026-03-06');
    expect(classroom.end).toBe('2026-03-10');
    expect(findBlock(plan, 'shadowing').start).toBe('2026-03-11');
  });

  it('not completed after its planned end: runs on to today, later blocks provisional, trainee behind', () => {
    const today = '2026-03-10';
    const plan = planFor('A', '2026-03-02', [], { today });
    const classroom = findBlock(plan, 'classroom');
    expect(classroom.end).toBe(today);
    expect(classroom.state).toBe('current');
    expect(findBlock(plan, 'shadowing')).toMatchObject({ start: '2026-03-11', provisional: true });
    expect(plan.status).toBe('behind');
    expect(plan.behindReasons).toEqual([{ code: 'classroom_overdue', plannedEnd: '2026-03-06' }]);
  });

  it('seeds/000 篇二 四(一): a B trainee who placed out of every module before the start skips the classroom', () => {
    const log = createEventLog();
    log.add('module_waived', '2026-02-27', { moduleId: 'department-intro', via: 'placement_quiz' });
    log.add('stage_completed', '2026-02-27', { stage: 'classroom' });
    const plan = planFor('B', '2026-03-02', log.events);
    expect(describeBlocks(plan).slice(0, 2)).toEqual([
      'classroom#1 2026-03-02..2026-03-02 skipped completed',
      'shadowing#1 2026-03-02..2026-03-04',
    ]);
    expect(plan.blocks[0]!.state).toBe('skipped');
    expect(plan.waivedModuleIds).toEqual(['department-intro']);
  });
});

describe('failure is automatic (SPEC "Failure is automatic, not an email")', () => {
  function failSoloBeforeNationalDay() {
    const log = createEventLog();
    log.add('stage_completed', '2026-08-28', { stage: 'classroom' });
    const failed = log.add('solo_failed', '2026-09-30', { scorePercent: 72 });
    log.add('extension_scheduled', '2026-09-30', { days: 5, stage: 'supervised', causeEventId: failed.id });
    return { log, failed };
  }

  it('seeds/000 篇二 四(三)(二)2: failed solo week adds exactly 5 working days and a new solo week', () => {
    const { log } = failSoloBeforeNationalDay();
    const passing = planFor('A', BEFORE_NATIONAL_DAY);
    const failing = planFor('A', BEFORE_NATIONAL_DAY, log.events);
    const extension = findBlock(failing, 'supervised', 1, 'extension');
    const secondSolo = findBlock(failing, 'solo', 2);
    expect(extension.workingDays).toHaveLength(5);
    expect(secondSolo.workingDays).toHaveLength(5);
    // The probation start moves by exactly those ten working days.
    let expectedStart = findBlock(passing, 'probation').start;
    for (let i = 0; i < 10; i++) expectedStart = nextWorkingDay(calendar, expectedStart);
    expect(findBlock(failing, 'probation').start).toBe(expectedStart);
  });

  it('seeds/000 篇二 四(三)(二)2: a failure right before 国庆 2026 skips the holiday and counts the make-up Saturday', () => {
    const { log } = failSoloBeforeNationalDay();
    expect(describeBlocks(planFor('A', BEFORE_NATIONAL_DAY, log.events)).slice(4)).toEqual([
      'solo#1 2026-09-23..2026-09-30 failed',
      // 10-01..07 国庆; 10-10 is a make-up Saturday.
      'supervised(extension)#1 2026-10-08..2026-10-13',
      'solo#2 2026-10-14..2026-10-20',
      'probation#1 2026-10-21..2026-11-20',
      'certified#1 2026-11-23..2026-11-23',
    ]);
    expect(findBlock(planFor('A', BEFORE_NATIONAL_DAY, log.events), 'supervised', 1, 'extension').workingDays).toEqual([
      '2026-10-08',
      '2026-10-09',
      '2026-10-10',
      '2026-10-12',
      '2026-10-13',
    ]);
  });

  it('an extension that was never recorded is assumed from the settings and flagged', () => {
    const log = createEventLog();
    const failed = log.add('solo_failed', '2026-09-30', {});
    const plan = planFor('A', BEFORE_NATIONAL_DAY, log.events);
    expect(findBlock(plan, 'supervised', 1, 'extension')).toMatchObject({ start: '2026-10-08', provisional: true });
    expect(plan.warnings).toContainEqual({ code: 'follow_up_missing', eventId: failed.id });
  });

  it('seeds/000 篇二 四(三): the second failure at the solo gate sets needs_decision and schedules nothing', () => {
    const { log } = failSoloBeforeNationalDay();
    const second = log.add('solo_failed', '2026-10-20', {});
    const plan = planFor('A', BEFORE_NATIONAL_DAY, log.events, { today: '2026-10-21' });
    expect(plan.status).toBe('needs_decision');
    expect(plan.pendingDecision).toEqual({ gate: 'solo', failures: 2, failedEventId: second.id, since: '2026-10-20' });
    expect(describeBlocks(plan).at(-1)).toBe('solo#2 2026-10-14..2026-10-20 failed');
    expect(plan.expectedCertificationDate).toBeNull();
    expect(plan.currentBlockIndex).toBeNull();
  });

  it('failedAttemptLimit is a setting: with 3, the second failure still schedules an extension', () => {
    const { log } = failSoloBeforeNationalDay();
    const second = log.add('solo_failed', '2026-10-20', {});
    log.add('extension_scheduled', '2026-10-20', { days: 5, stage: 'supervised', causeEventId: second.id });
    const plan = planFor('A', BEFORE_NATIONAL_DAY, log.events, { settings: { ...settings, failedAttemptLimit: 3 } });
    expect(plan.pendingDecision).toBeNull();
    expect(findBlock(plan, 'supervised', 2, 'extension').start).toBe('2026-10-21');
  });

  it('decision continue: the extension starts the working day after the decision, then solo and probation', () => {
    const { log } = failSoloBeforeNationalDay();
    log.add('solo_failed', '2026-10-20', {});
    const decision = log.add('decision_taken', '2026-10-22', { decision: 'continue' }, '主管面谈后同意继续');
    log.add('extension_scheduled', '2026-10-22', { days: 5, stage: 'supervised', causeEventId: decision.id });
    const plan = planFor('A', BEFORE_NATIONAL_DAY, log.events, { today: '2026-10-23' });
    expect(plan.status).toBe('on_track');
    expect(describeBlocks(plan).slice(7)).toEqual([
      'supervised(extension)#2 2026-10-23..2026-10-29',
      'solo#3 2026-10-30..2026-11-05',
      'probation#1 2026-11-06..2026-12-04',
      'certified#1 2026-12-07..2026-12-07',
    ]);
  });

  it('decision exit: status exited, nothing planned after the failed block', () => {
    const { log } = failSoloBeforeNationalDay();
    log.add('solo_failed', '2026-10-20', {});
    const exit = log.add('decision_taken', '2026-10-22', { decision: 'exit' }, '本人申请离职');
    const plan = planFor('A', BEFORE_NATIONAL_DAY, log.events, { today: '2026-10-23' });
    expect(plan.status).toBe('exited');
    expect(plan.exitedOn).toBe('2026-10-22');
    expect(describeBlocks(plan).at(-1)).toBe('solo#2 2026-10-14..2026-10-20 failed');
    expect(plan.warnings.map((w) => w.eventId)).not.toContain(exit.id);
  });

  it('a lead can end the program at any time with decision exit: the block is cut that day', () => {
    const log = createEventLog();
    log.add('stage_completed', '2026-03-06', { stage: 'classroom' });
    log.add('decision_taken', '2026-03-11', { decision: 'exit' }, '本人申请离职');
    const plan = planFor('A', '2026-03-02', log.events, { today: '2026-03-12' });
    expect(plan.status).toBe('exited');
    expect(describeBlocks(plan)).toEqual([
      'classroom#1 2026-03-02..2026-03-06 completed',
      'shadowing#1 2026-03-09..2026-03-11 exited',
    ]);
  });

  function passSoloFailProbation(retraining: { stage: 'supervised' | 'shadowing'; days: number }) {
    const log = createEventLog();
    log.add('stage_completed', '2026-08-28', { stage: 'classroom' });
    log.add('solo_passed', '2026-09-30', {});
    const failed = log.add('probation_failed', '2026-11-06', { scorePercent: 71, retrainingStage: retraining.stage });
    log.add('retraining_scheduled', '2026-11-06', { ...retraining, causeEventId: failed.id });
    return log;
  }

  it('seeds/000 篇二 四(三)(三): failed probation → one week of supervised retraining, solo again, a new probation of the class\'s length', () => {
    const plan = planFor('A', BEFORE_NATIONAL_DAY, passSoloFailProbation({ stage: 'supervised', days: 5 }).events);
    expect(describeBlocks(plan).slice(4)).toEqual([
      'solo#1 2026-09-23..2026-09-30 passed',
      'probation#1 2026-10-08..2026-11-06 failed',
      'supervised(retraining)#1 2026-11-09..2026-11-13',
      'solo#2 2026-11-16..2026-11-20',
      'probation#2 2026-11-23..2026-12-22',
      'certified#1 2026-12-23..2026-12-23',
    ]);
  });

  it('seeds/000 篇二 四(三)(三): the lead may name the stage to retrain in (shadowing, with its daily quota)', () => {
    const plan = planFor('A', BEFORE_NATIONAL_DAY, passSoloFailProbation({ stage: 'shadowing', days: 5 }).events, {
      today: '2026-11-10',
    });
    const retraining = findBlock(plan, 'shadowing', 1, 'retraining');
    expect(retraining.start).toBe('2026-11-09');
    expect(plan.currentBlockIndex).toBe(plan.blocks.indexOf(retraining));
    expect(plan.todayEvaluation?.requirements.map((r) => r.code)).toEqual(['live_shadowing', 'recordings']);
  });

  it('seeds/000 篇二 四(三)(三): a B trainee\'s new probation is two weeks again', () => {
    const log = createEventLog();
    log.add('stage_completed', '2026-03-03', { stage: 'classroom' });
    log.add('solo_passed', '2026-03-20', {});
    const failed = log.add('probation_failed', '2026-04-03', {});
    log.add('retraining_scheduled', '2026-04-03', { stage: 'supervised', days: 5, causeEventId: failed.id });
    const plan = planFor('B', '2026-03-02', log.events);
    expect(describeBlocks(plan).slice(5)).toEqual([
      'supervised(retraining)#1 2026-04-07..2026-04-13',
      'solo#2 2026-04-14..2026-04-20',
      'probation#2 2026-04-21..2026-04-30',
      'certified#1 2026-05-06..2026-05-06',
    ]);
  });

  it('seeds/000 篇二 四(三)(三): the second failed probation sets needs_decision', () => {
    const log = passSoloFailProbation({ stage: 'supervised', days: 5 });
    log.add('solo_passed', '2026-11-20', {});
    const second = log.add('probation_failed', '2026-12-22', {});
    const plan = planFor('A', BEFORE_NATIONAL_DAY, log.events, { today: '2026-12-23' });
    expect(plan.status).toBe('needs_decision');
    expect(plan.pendingDecision).toMatchObject({ gate: 'probation', failures: 2, failedEventId: second.id });
  });

  it('failures are counted per gate: one solo and one probation failure need no decision', () => {
    const log = createEventLog();
    const soloFailed = log.add('solo_failed', '2026-09-30', {});
    log.add('extension_scheduled', '2026-09-30', { days: 5, stage: 'supervised', causeEventId: soloFailed.id });
    log.add('solo_passed', '2026-10-20', {});
    const probationFailed = log.add('probation_failed', '2026-11-20', {});
    log.add('retraining_scheduled', '2026-11-20', { stage: 'supervised', days: 5, causeEventId: probationFailed.id });
    const plan = planFor('A', BEFORE_NATIONAL_DAY, log.events);
    expect(plan.failures).toEqual({ solo: 1, probation: 1 });
    expect(plan.pendingDecision).toBeNull();
    expect(findBlock(plan, 'supervised', 1, 'retraining').start).toBe('2026-11-23');
  });
});

describe('excused absences (SPEC Calendar: an excused day moves the plan by a day)', () => {
  it('an excused shadowing day moves every later day-based block by exactly one working day', () => {
    const log = createEventLog();
    log.add('absence_excused', '2026-03-10', { date: '2026-03-10' }, '病假');
    const before = planFor('A', '2026-03-02');
    const after = planFor('A', '2026-03-02', log.events);
    expect(findBlock(after, 'shadowing').excusedDays).toEqual(['2026-03-10']);
    expect(findBlock(after, 'shadowing').workingDays).toHaveLength(5);
    for (const stage of ['drills', 'supervised', 'solo']) {
      const a = findBlock(before, stage);
      const b = findBlock(after, stage);
      expect([b.start, b.end]).toEqual([nextWorkingDay(calendar, a.start), nextWorkingDay(calendar, a.end)]);
    }
    expect(findBlock(after, 'probation').start).toBe(nextWorkingDay(calendar, findBlock(before, 'probation').start));
  });

  it('an excused day in an open classroom moves its planned end; once completed it changes nothing', () => {
    const log = createEventLog();
    log.add('absence_excused', '2026-03-03', { date: '2026-03-03' }, '病假');
    expect(findBlock(planFor('A', '2026-03-02', log.events), 'classroom').plannedEnd).toBe('2026-03-09');
    log.add('stage_completed', '2026-03-06', { stage: 'classroom' });
    expect(findBlock(planFor('A', '2026-03-02', log.events), 'shadowing').start).toBe('2026-03-09');
  });

  it('an excused day inside probation pushes its end by one working day', () => {
    const log = createEventLog();
    log.add('absence_excused', '2026-03-25', { date: '2026-03-25' }, '事假');
    const probation = findBlock(planFor('B', '2026-03-02', log.events), 'probation');
    expect(probation.end).toBe('2026-04-07');
    expect(probation.excusedDays).toEqual(['2026-03-25']);
  });

  it('an excused weekend day or a day after the program changes nothing', () => {
    const log = createEventLog();
    log.add('absence_excused', '2026-03-07', { date: '2026-03-07' }, 'typo');
    log.add('absence_excused', '2027-06-01', { date: '2027-06-01' }, 'far away');
    expect(describeBlocks(planFor('A', '2026-03-02', log.events))).toEqual(describeBlocks(planFor('A', '2026-03-02')));
  });
});

describe('corrections (STYLE habit 6: a correction is a new event with a reason)', () => {
  it('supersede ignores an event: a failed solo corrected to passed drops the failure and its extension', () => {
    const log = createEventLog();
    const failed = log.add('solo_failed', '2026-09-30', {});
    const extension = log.add('extension_scheduled', '2026-09-30', { days: 5, stage: 'supervised', causeEventId: failed.id });
    log.add('solo_passed', '2026-09-30', { supersedesEventId: failed.id }, '质检复核后更正');
    const plan = planFor('A', BEFORE_NATIONAL_DAY, log.events);
    expect(describeBlocks(plan).slice(4, 6)).toEqual(['solo#1 2026-09-23..2026-09-30 passed', 'probation#1 2026-10-08..2026-11-06']);
    expect(plan.ignoredEvents).toEqual([
      { eventId: failed.id, code: 'superseded' },
      { eventId: extension.id, code: 'cause_withdrawn' },
    ]);
    expect(plan.warnings).toEqual([]);
  });

  it('event_voided withdraws an excused absence', () => {
    const log = createEventLog();
    const absence = log.add('absence_excused', '2026-03-10', { date: '2026-03-10' }, '病假');
    log.add('event_voided', '2026-03-11', { supersedesEventId: absence.id }, '录错了日期');
    expect(describeBlocks(planFor('A', '2026-03-02', log.events))).toEqual(describeBlocks(planFor('A', '2026-03-02')));
  });
});

describe("a lead's overrides", () => {
  it('complete_stage mid-block ends the stage that day and accepts it', () => {
    const log = createEventLog();
    log.add('override', '2026-03-11', { action: 'complete_stage', stage: 'shadowing' }, '有同类岗位经验');
    const plan = planFor('A', '2026-03-02', log.events);
    expect(describeBlocks(plan).slice(1, 3)).toEqual([
      'shadowing#1 2026-03-09..2026-03-11 completed',
      'drills#1 2026-03-12..2026-03-16',
    ]);
  });

  it('complete_stage before a stage starts skips it', () => {
    const log = createEventLog();
    log.add('override', '2026-03-02', { action: 'complete_stage', stage: 'drills' }, '本期不组织演练');
    const plan = planFor('A', '2026-03-02', log.events);
    expect(findBlock(plan, 'drills')).toMatchObject({ skipped: true, state: 'skipped', workingDays: [] });
    expect(findBlock(plan, 'supervised').start).toBe('2026-03-16');
  });

  it('set_stage_days changes the length of the stage', () => {
    const log = createEventLog();
    log.add('override', '2026-03-02', { action: 'set_stage_days', stage: 'supervised', days: 7 }, '业务量不足');
    expect(findBlock(planFor('A', '2026-03-02', log.events), 'supervised').workingDays).toHaveLength(7);
  });

  it('set_stage_days shorter than the days already run ends the stage on the day it was set', () => {
    const log = createEventLog();
    log.add('override', '2026-03-12', { action: 'set_stage_days', stage: 'shadowing', days: 1 }, '提前结束旁听');
    const shadowing = findBlock(planFor('A', '2026-03-02', log.events), 'shadowing');
    expect([shadowing.start, shadowing.end]).toEqual(['2026-03-09', '2026-03-12']);
  });

  it('restart_stage runs the stage again from that day, then the stages after it', () => {
    const log = createEventLog();
    log.add('override', '2026-03-12', { action: 'restart_stage', stage: 'shadowing' }, '换了指导客服代表');
    const plan = planFor('A', '2026-03-02', log.events);
    expect(describeBlocks(plan).slice(1, 4)).toEqual([
      'shadowing#1 2026-03-09..2026-03-11 restarted',
      'shadowing#2 2026-03-12..2026-03-18',
      'drills#1 2026-03-19..2026-03-23',
    ]);
  });

  it('restart_stage back to an earlier stage re-runs the stages after it', () => {
    const log = createEventLog();
    log.add('override', '2026-03-20', { action: 'restart_stage', stage: 'shadowing' }, '旁听不扎实');
    const plan = planFor('A', '2026-03-02', log.events);
    expect(describeBlocks(plan).slice(3, 6)).toEqual([
      'supervised#1 2026-03-19..2026-03-19 restarted',
      'shadowing#2 2026-03-20..2026-03-26',
      'drills#2 2026-03-27..2026-03-31',
    ]);
  });

  it('restart_stage for a stage not yet started is ignored with a warning', () => {
    const log = createEventLog();
    const restart = log.add('override', '2026-03-03', { action: 'restart_stage', stage: 'supervised' }, 'mistake');
    const plan = planFor('A', '2026-03-02', log.events);
    expect(describeBlocks(plan)).toEqual(describeBlocks(planFor('A', '2026-03-02')));
    expect(plan.warnings).toEqual([{ code: 'restart_before_stage_started', eventId: restart.id }]);
  });

  it('a decision with nothing to decide is reported, not applied', () => {
    const log = createEventLog();
    const decision = log.add('decision_taken', '2026-03-03', { decision: 'continue' }, 'no failure yet');
    expect(planFor('A', '2026-03-02', log.events).warnings).toEqual([{ code: 'event_not_applied', eventId: decision.id }]);
  });
});

describe('edge cases found by the property tests', () => {
  it('restart_stage for a stage outside the class (B drills, met only as retraining) is ignored', () => {
    const log = createEventLog();
    const failed = log.add('probation_failed', '2026-03-02', { retrainingStage: 'drills' });
    const restart = log.add('override', '2026-04-20', { action: 'restart_stage', stage: 'drills' }, 'x');
    const plan = planFor('B', '2026-03-02', log.events);
    expect(plan.blocks.filter((b) => b.stage === 'drills').map((b) => b.kind)).toEqual(['retraining']);
    expect(plan.warnings).toContainEqual({ code: 'restart_before_stage_started', eventId: restart.id });
    expect(plan.warnings).toContainEqual({ code: 'follow_up_missing', eventId: failed.id });
  });

  it('a certificate dated before a result recorded too early still comes after the last block', () => {
    // Starting 2026-08-31, supervised ends 09-30 and the solo week starts 10-08, after 国庆.
    const log = createEventLog();
    log.add('stage_completed', '2026-09-04', { stage: 'classroom' });
    const early = log.add('solo_passed', '2026-08-31', {});
    log.add('certified', '2026-10-03', { code: 'CERT-X' });
    const plan = planFor('A', '2026-08-31', log.events);
    expect(describeBlocks(plan).slice(-3)).toEqual([
      'supervised#1 2026-09-17..2026-09-30',
      'solo#1 2026-10-08..2026-10-08 passed',
      'certified#1 2026-10-08..2026-10-08 certified',
    ]);
    expect(plan.certificate?.date).toBe('2026-10-03');
    expect(plan.warnings).toContainEqual({ code: 'result_before_stage', eventId: early.id });
  });

  it('an exit after probation ended but before the certificate ends the program', () => {
    const log = createEventLog();
    log.add('stage_completed', '2026-03-06', { stage: 'classroom' });
    log.add('solo_passed', '2026-04-09', {});
    log.add('decision_taken', '2026-05-10', { decision: 'exit' }, '未签合同');
    const plan = planFor('A', '2026-03-02', log.events, { today: '2026-05-12' });
    expect(plan.status).toBe('exited');
    expect(plan.blocks.some((b) => b.stage === 'certified')).toBe(false);
  });
});

describe('status (SPEC: on_track, behind, awaiting_assessment, needs_decision, certified, exited)', () => {
  it('not_started before the start date', () => {
    const plan = planFor('A', '2026-03-02', [], { today: '2026-02-27' });
    expect(plan.status).toBe('not_started');
    expect(plan.currentBlockIndex).toBeNull();
    expect(plan.nextBlockIndex).toBe(0);
  });

  it('on_track in the classroom, with the days remaining in the stage', () => {
    const plan = planFor('A', '2026-03-02', [], { today: '2026-03-04' });
    expect(plan.status).toBe('on_track');
    expect(plan.blocks[plan.currentBlockIndex!]!.stage).toBe('classroom');
    expect(plan.currentStage).toBe('classroom');
    expect(plan.daysRemainingInStage).toBe(3);
  });

  it('seeds/000 篇二 四(二)4 1): behind when a past shadowing day was missed; not when it was met or excused', () => {
    const log = createEventLog();
    log.add('stage_completed', '2026-03-06', { stage: 'classroom' });
    const today = '2026-03-11';
    const met = (date: IsoDate): DayActivity => ({ date, recordingsLogged: 10, liveShadowingAttended: true });
    const missing = planFor('A', '2026-03-02', log.events, { today, activity: [met('2026-03-09')] });
    expect(missing.status).toBe('behind');
    expect(missing.behindReasons).toEqual([
      { code: 'missed_days', stage: 'shadowing', kind: 'regular', attempt: 1, dates: ['2026-03-10'] },
    ]);
    expect(planFor('A', '2026-03-02', log.events, { today, activity: [met('2026-03-09'), met('2026-03-10')] }).status).toBe(
      'on_track',
    );
    log.add('absence_excused', '2026-03-10', { date: '2026-03-10' }, '病假');
    expect(planFor('A', '2026-03-02', log.events, { today, activity: [met('2026-03-09')] }).status).toBe('on_track');
  });

  it("missed days in a finished stage keep the trainee behind until a lead accepts the stage", () => {
    const log = createEventLog();
    log.add('stage_completed', '2026-03-06', { stage: 'classroom' });
    // The first drills day: today is still pending, so only the shadowing miss counts.
    const today = '2026-03-16';
    const shadowing = findBlock(planFor('A', '2026-03-02', log.events), 'shadowing');
    const activity = shadowing.workingDays
      .filter((d) => d !== '2026-03-12')
      .map((date) => ({ date, recordingsLogged: 10, liveShadowingAttended: true }));
    const behind = planFor('A', '2026-03-02', log.events, { today, activity });
    expect(behind.behindReasons).toEqual([
      { code: 'missed_days', stage: 'shadowing', kind: 'regular', attempt: 1, dates: ['2026-03-12'] },
    ]);
    log.add('stage_completed', '2026-03-16', { stage: 'shadowing' }, '补听完成,签字确认');
    expect(planFor('A', '2026-03-02', log.events, { today, activity }).status).toBe('on_track');
  });

  it('seeds/000 篇二 四(二)3: behind when live-listen coverage over a finished supervised stage is below 50%', () => {
    const log = createEventLog();
    log.add('stage_completed', '2026-03-06', { stage: 'classroom' });
    const base = planFor('A', '2026-03-02', log.events);
    const activity = activityMeetingEveryDay(base).map((d) => ({ ...d, callsLiveListened: 9 }));
    const plan = planFor('A', '2026-03-02', log.events, { today: '2026-04-02', activity });
    expect(findBlock(plan, 'supervised').coverage).toMatchObject({ handled: 200, liveListened: 90, status: 'below' });
    expect(plan.behindReasons).toEqual([
      { code: 'live_listen_coverage_below', stage: 'supervised', kind: 'regular', attempt: 1, ratio: 0.45, target: 0.5 },
    ]);
  });

  it('awaiting_assessment after the solo week with no result; later blocks provisional', () => {
    const log = createEventLog();
    log.add('stage_completed', '2026-03-06', { stage: 'classroom' });
    const base = planFor('A', '2026-03-02', log.events);
    const plan = planFor('A', '2026-03-02', log.events, { today: '2026-04-13', activity: activityMeetingEveryDay(base) });
    expect(plan.status).toBe('awaiting_assessment');
    const solo = findBlock(plan, 'solo');
    expect(solo).toMatchObject({ plannedEnd: '2026-04-09', end: '2026-04-13', state: 'current', resultPending: true });
    expect(findBlock(plan, 'probation')).toMatchObject({ start: '2026-04-14', provisional: true });
  });

  it('certified comes from the certified event', () => {
    const log = createEventLog();
    log.add('stage_completed', '2026-03-06', { stage: 'classroom' });
    log.add('solo_passed', '2026-04-09', {});
    log.add('probation_passed', '2026-05-09', {});
    log.add('certified', '2026-05-09', { code: 'CERT-2026-0001' });
    const plan = planFor('A', '2026-03-02', log.events, { today: '2026-05-12' });
    expect(plan.status).toBe('certified');
    expect(plan.certificate).toMatchObject({ date: '2026-05-09', code: 'CERT-2026-0001' });
    expect(describeBlocks(plan).slice(-2)).toEqual([
      'probation#1 2026-04-10..2026-05-09 passed',
      'certified#1 2026-05-09..2026-05-09 certified',
    ]);
    expect(plan.blocks.every((b) => b.state === 'done')).toBe(true);
    expect(plan.provisional).toBe(false);
  });

  it('a plan reaching a year the holiday file does not cover is provisional', () => {
    const plan = planFor('A', '2026-11-02');
    expect(findBlock(plan, 'probation').beyondCalendar).toBe(true);
    expect(findBlock(plan, 'solo').beyondCalendar).toBe(false);
    expect(plan.beyondCalendar).toBe(true);
    expect(plan.provisional).toBe(true);
  });
});

describe('exam (seeds/000 篇二 四(三)(二)1): 业务知识考核 before the solo week ends)', () => {
  it('is due by the end of the next solo week until passed', () => {
    const log = createEventLog();
    log.add('exam_recorded', '2026-03-30', { passed: false, scorePercent: 62.5 });
    expect(planFor('A', '2026-03-02', log.events).exam).toEqual({
      required: true,
      passed: false,
      bestScorePercent: 62.5,
      dueBy: '2026-04-09',
    });
    log.add('exam_recorded', '2026-04-01', { passed: true, scorePercent: 85 });
    expect(planFor('A', '2026-03-02', log.events).exam).toEqual({ required: true, passed: true, bestScorePercent: 85, dueBy: null });
  });

  it('examRequired: false leaves no due date', () => {
    const relaxed = { ...settings, soloAssessment: { ...settings.soloAssessment, examRequired: false } };
    expect(planFor('A', '2026-03-02', [], { settings: relaxed }).exam).toEqual({
      required: false,
      passed: false,
      bestScorePercent: null,
      dueBy: null,
    });
  });
});
