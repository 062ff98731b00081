// Properties of computePlan over random event histories (fast-check): whatever a lead, qa or the
// app records — in whatever order it reaches us — the plan stays well-formed and deterministic.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadHolidayCalendar, toWorkCalendarInput } from '@/lib/content/holidays';
import { loadProgramSettings } from '@/lib/content/program';
import { buildWorkCalendar, isWorkingDay } from './calendar';
import { addDays, type IsoDate } from './dates';
import { programEventSchema, type ProgramEvent } from './events';
import { computePlan, traineeStatuses, type Plan, type PlanInput } from './plan';
import { programStages, trainingStages, type TraineeClass } from './program-settings';

const settings = loadProgramSettings();
const calendar = buildWorkCalendar(toWorkCalendarInput(loadHolidayCalendar()));

const offset = fc.integer({ min: -5, max: 220 });
const trainingStage = fc.constantFrom(...trainingStages);

/** A random event payload (and kind) as the app could store it; dates are offsets from the start. */
const eventShape = fc.oneof(
  fc.record({ kind: fc.constant('stage_completed'), at: offset, payload: fc.record({ stage: trainingStage }) }),
  { arbitrary: fc.record({ kind: fc.constant('absence_excused'), at: offset, payload: fc.constant({}) }), weight: 3 },
  fc.record({ kind: fc.constantFrom('solo_passed', 'solo_failed', 'probation_passed'), at: offset, payload: fc.constant({}) }),
  fc.record({
    kind: fc.constant('probation_failed'),
    at: offset,
    payload: fc.record({ retrainingStage: trainingStage }, { requiredKeys: [] }),
  }),
  fc.record({
    kind: fc.constant('extension_scheduled'),
    at: offset,
    payload: fc.record({ days: fc.integer({ min: 1, max: 7 }), stage: fc.constantFrom('supervised', 'shadowing') }),
  }),
  fc.record({
    kind: fc.constant('retraining_scheduled'),
    at: offset,
    payload: fc.record({ days: fc.integer({ min: 1, max: 7 }), stage: trainingStage }),
  }),
  fc.record({ kind: fc.constant('decision_taken'), at: offset, payload: fc.record({ decision: fc.constantFrom('continue', 'exit') }) }),
  fc.record({
    kind: fc.constant('override'),
    at: offset,
    payload: fc.oneof(
      fc.record({ action: fc.constant('complete_stage'), stage: trainingStage }),
      fc.record({ action: fc.constant('set_stage_days'), stage: fc.constantFrom(...programStages), days: fc.integer({ min: 1, max: 12 }) }),
      fc.record({ action: fc.constant('restart_stage'), stage: fc.constantFrom(...programStages) }),
    ),
  }),
  fc.record({ kind: fc.constant('certified'), at: offset, payload: fc.constant({ code: 'CERT' }) }),
  fc.record({ kind: fc.constant('exam_recorded'), at: offset, payload: fc.record({ passed: fc.boolean(), scorePercent: fc.integer({ min: 0, max: 100 }) }) }),
);

type Scenario = { traineeClass: TraineeClass; startDate: IsoDate; today: IsoDate; events: ProgramEvent[] };

const scenario: fc.Arbitrary<Scenario> = fc
  .record({
    traineeClass: fc.constantFrom<TraineeClass>('A', 'B'),
    // 2025-01-06 … 2026-12-31: mostly inside the holiday file, sometimes running past it.
    startOffset: fc.integer({ min: 0, max: 724 }),
    todayOffset: fc.integer({ min: -10, max: 260 }),
    shapes: fc.array(eventShape, { maxLength: 18 }),
    // Some events name an earlier one as their cause or the one they supersede.
    links: fc.array(fc.record({ target: fc.nat(), link: fc.constantFrom('cause', 'supersede', 'none', 'none') }), { minLength: 18, maxLength: 18 }),
    createdJitter: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 18, maxLength: 18 }),
  })
  .map(({ traineeClass, startOffset, todayOffset, shapes, links, createdJitter }) => {
    const startDate = addDays('2025-01-06', startOffset);
    const events: ProgramEvent[] = [];
    shapes.forEach((shape, index) => {
      const effectiveDate = addDays(startDate, shape.at);
      const link = links[index]!;
      const payload: Record<string, unknown> = shape.kind === 'absence_excused' ? { date: effectiveDate } : { ...shape.payload };
      const earlier = events[link.target % Math.max(1, events.length)];
      if (earlier && link.link === 'supersede') payload.supersedesEventId = earlier.id;
      if (earlier && link.link === 'cause' && (shape.kind === 'extension_scheduled' || shape.kind === 'retraining_scheduled')) {
        payload.causeEventId = earlier.id;
      }
      events.push(
        programEventSchema.parse({
          id: index + 1,
          kind: shape.kind,
          effectiveDate,
          payload,
          reason: 'generated',
          // Ties on createdAt happen (one transaction); the id then decides.
          createdAt: 1_000 + index * 2 - createdJitter[index]!,
        }),
      );
    });
    return { traineeClass, startDate, today: addDays(startDate, todayOffset), events };
  });

function planOf(s: Scenario, events: readonly ProgramEvent[] = s.events): Plan {
  const input: PlanInput = {
    trainee: { traineeClass: s.traineeClass, startDate: s.startDate },
    settings,
    calendar,
    events,
    today: s.today,
    activity: [],
  };
  return computePlan(input);
}

function planEnd(plan: Plan): IsoDate {
  return plan.blocks.reduce((max, b) => (b.end > max ? b.end : max), plan.startDate);
}

const RUNS = { numRuns: Number(process.env.PLAN_PROPERTY_RUNS ?? 300) };

describe('computePlan properties (random event histories)', () => {
  it('SPEC Calendar: every planned working day is a working day', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        for (const block of planOf(s).blocks) {
          for (const day of [...block.workingDays, ...block.excusedDays]) expect(isWorkingDay(calendar, day)).toBe(true);
          if (block.stage !== 'certified') {
            expect(isWorkingDay(calendar, block.start)).toBe(true);
            expect(isWorkingDay(calendar, block.end)).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it('SPEC "stages run back to back": blocks never overlap and are in order', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const plan = planOf(s);
        let previousEnd: IsoDate | null = null;
        for (const block of plan.blocks) {
          expect(block.start <= block.end).toBe(true);
          const days = [...block.workingDays, ...block.excusedDays].sort();
          if (days.length > 0) {
            expect(days[0]! >= block.start && days.at(-1)! <= block.end).toBe(true);
          }
          expect(new Set(days).size).toBe(days.length);
          if (previousEnd !== null) {
            // The certified milestone may fall on the day probation ends; every other block starts after.
            if (block.stage === 'certified') expect(block.start >= previousEnd).toBe(true);
            else expect(block.start > previousEnd).toBe(true);
          }
          if (!block.skipped) previousEnd = block.end;
        }
        expect(plan.blocks.filter((b) => b.stage === 'certified').length).toBeLessThanOrEqual(1);
        expect(traineeStatuses).toContain(plan.status);
        if (plan.currentBlockIndex !== null) expect(plan.blocks[plan.currentBlockIndex]!.state).toBe('current');
      }),
      RUNS,
    );
  });

  it('STYLE habit 6 "plans are derived": the same events in any order give the same plan', () => {
    fc.assert(
      fc.property(scenario, fc.array(fc.double({ noNaN: true }), { minLength: 18, maxLength: 18 }), (s, keys) => {
        const shuffled = s.events
          .map((event, i) => ({ event, key: keys[i]! }))
          .sort((a, b) => a.key - b.key)
          .map((x) => x.event);
        const plan = planOf(s);
        expect(planOf(s, shuffled)).toEqual(plan);
        expect(planOf(s)).toEqual(plan);
      }),
      RUNS,
    );
  });

  it('SPEC Calendar: adding an excused absence never shortens the plan', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: -5, max: 200 }), (s, at) => {
        const date = addDays(s.startDate, at);
        const absence = programEventSchema.parse({
          id: 10_000,
          kind: 'absence_excused',
          effectiveDate: date,
          payload: { date },
          reason: 'generated',
          createdAt: 10_000,
        });
        const before = planOf(s);
        const after = planOf(s, [...s.events, absence]);
        expect(planEnd(after) >= planEnd(before)).toBe(true);
        if (before.expectedCertificationDate && after.expectedCertificationDate) {
          expect(after.expectedCertificationDate >= before.expectedCertificationDate).toBe(true);
        }
      }),
      RUNS,
    );
  });
});
