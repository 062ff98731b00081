import { describe, expect, it } from 'vitest';
import { loadHolidayCalendar, toWorkCalendarInput } from '@/lib/content/holidays';
import { loadProgramSettings } from '@/lib/content/program';
import { buildWorkCalendar } from './calendar';
import { computeConsequences } from './consequences';
import { programEventSchema, type ProgramEvent } from './events';
import { computePlan } from './plan';
import { createEventLog, type EventLog } from './testing/event-log';

const settings = loadProgramSettings();
const calendar = buildWorkCalendar(toWorkCalendarInput(loadHolidayCalendar()));

/** Appends an event and its consequences the way the app's transaction does. */
function record(log: EventLog, event: ProgramEvent): void {
  const history = log.events.filter((e) => e !== event);
  for (const draft of computeConsequences(event, history, settings)) {
    log.add(draft.kind, draft.effectiveDate, draft.payload as never, draft.reason ?? undefined);
  }
}

describe('computeConsequences (SPEC "Failure is automatic, not an email")', () => {
  it('seeds/000 篇二 四(三)(二)2): solo_failed → extension_scheduled {days: 5, stage: supervised}', () => {
    const log = createEventLog();
    const failed = log.add('solo_failed', '2026-09-30', {});
    expect(computeConsequences(failed, [], settings)).toEqual([
      {
        kind: 'extension_scheduled',
        effectiveDate: '2026-09-30',
        payload: { days: 5, stage: 'supervised', causeEventId: failed.id },
        reason: null,
      },
    ]);
  });

  it('seeds/000 篇二 四(三)(三): probation_failed → retraining_scheduled, default supervised for 5 days', () => {
    const log = createEventLog();
    const failed = log.add('probation_failed', '2026-11-06', {});
    expect(computeConsequences(failed, [], settings)).toEqual([
      {
        kind: 'retraining_scheduled',
        effectiveDate: '2026-11-06',
        payload: { stage: 'supervised', days: 5, causeEventId: failed.id },
        reason: null,
      },
    ]);
  });

  it('seeds/000 篇二 四(三)(三): the stage the lead names on probation_failed is the one retrained', () => {
    const log = createEventLog();
    const failed = log.add('probation_failed', '2026-11-06', { retrainingStage: 'shadowing', retrainingDays: 3 });
    expect(computeConsequences(failed, [], settings)[0]?.payload).toEqual({ stage: 'shadowing', days: 3, causeEventId: failed.id });
  });

  it('the failedAttemptLimit-th failure at the same gate schedules nothing (needs decision)', () => {
    const log = createEventLog();
    record(log, log.add('solo_failed', '2026-09-30', {}));
    const second = log.add('solo_failed', '2026-10-20', {});
    expect(computeConsequences(second, log.events.slice(0, -1), settings)).toEqual([]);
  });

  it('a failure at the other gate counts separately', () => {
    const log = createEventLog();
    record(log, log.add('solo_failed', '2026-09-30', {}));
    const probationFailed = log.add('probation_failed', '2026-11-20', {});
    expect(computeConsequences(probationFailed, log.events.slice(0, -1), settings)).toHaveLength(1);
  });

  it('decision continue schedules the pending gate\'s follow-up, caused by the decision', () => {
    const log = createEventLog();
    record(log, log.add('probation_failed', '2026-11-06', {}));
    log.add('solo_passed', '2026-11-20', {});
    record(log, log.add('probation_failed', '2026-12-22', {}));
    const decision = log.add('decision_taken', '2026-12-23', { decision: 'continue', retrainingStage: 'shadowing' }, '再给一次机会');
    expect(computeConsequences(decision, log.events.slice(0, -1), settings)).toEqual([
      {
        kind: 'retraining_scheduled',
        effectiveDate: '2026-12-23',
        payload: { stage: 'shadowing', days: 5, causeEventId: decision.id },
        reason: null,
      },
    ]);
  });

  it('decision exit, or continue with nothing pending, schedules nothing', () => {
    const log = createEventLog();
    record(log, log.add('solo_failed', '2026-09-30', {}));
    log.add('solo_failed', '2026-10-20', {});
    const exit = log.add('decision_taken', '2026-10-22', { decision: 'exit' }, '离职');
    expect(computeConsequences(exit, log.events.slice(0, -1), settings)).toEqual([]);
    const lonely = createEventLog(100).add('decision_taken', '2026-10-22', { decision: 'continue' }, 'x');
    expect(computeConsequences(lonely, [], settings)).toEqual([]);
  });

  it('a superseded failure no longer counts toward the limit', () => {
    const log = createEventLog();
    const first = log.add('solo_failed', '2026-09-30', {});
    log.add('solo_passed', '2026-09-30', { supersedesEventId: first.id }, '复核更正');
    const second = log.add('solo_failed', '2026-10-20', {});
    expect(computeConsequences(second, log.events.slice(0, -1), settings)).toHaveLength(1);
  });

  it('every consequence is a valid event once stored', () => {
    const log = createEventLog();
    const failed = log.add('solo_failed', '2026-09-30', {});
    for (const draft of computeConsequences(failed, [], settings)) {
      expect(programEventSchema.safeParse({ ...draft, id: 99, createdAt: 1 }).success).toBe(true);
    }
  });

  it('end to end: fail, fail, decide continue — the plan follows the appended events', () => {
    const log = createEventLog();
    log.add('stage_completed', '2026-08-28', { stage: 'classroom' });
    record(log, log.add('solo_failed', '2026-09-30', {}));
    record(log, log.add('solo_failed', '2026-10-20', {}));
    const needsDecision = computePlan({
      trainee: { traineeClass: 'A', startDate: '2026-08-24' },
      settings,
      calendar,
      events: log.events,
      today: '2026-10-21',
      activity: [],
    });
    expect(needsDecision.status).toBe('needs_decision');
    record(log, log.add('decision_taken', '2026-10-22', { decision: 'continue' }, '主管同意继续'));
    const continued = computePlan({
      trainee: { traineeClass: 'A', startDate: '2026-08-24' },
      settings,
      calendar,
      events: log.events,
      today: '2026-10-22',
      activity: [],
    });
    expect(continued.pendingDecision).toBeNull();
    expect(continued.warnings).toEqual([]);
    expect(continued.blocks.filter((b) => b.kind === 'extension').map((b) => b.start)).toEqual(['2026-10-08', '2026-10-23']);
  });
});
