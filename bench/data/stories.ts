// A generated trainee's story: a random but plausible path through the program (a late classroom,
// an excused absence, a failed solo week and its extension, two failures and a lead's decision, a
// failed probation and its retraining…), replayed through the real engine up to the bench's today,
// so the events, the blocks and the day facts written from them are what production would hold.
// Adapted from db/seed/program-history.ts (simulate), which places eight hand-written demo stories.
import { addWorkingDays } from '@/domain/calendar';
import { computeConsequences } from '@/domain/consequences';
import type { IsoDate } from '@/domain/dates';
import type { ProgramEvent, ProgramEventDraft } from '@/domain/events';
import { computePlan, type Plan, type PlanBlock } from '@/domain/plan';
import type { TraineeClass } from '@/domain/program-settings';
import { pickIndex, type Random } from '@/domain/random';
import type { ProgramContext } from '@/lib/program';

export type Outcome = 'passed' | 'failed';

export type TraineeStory = {
  traineeClass: TraineeClass;
  startDate: IsoDate;
  /** Working days after the start on which the trainee was away and a lead excused the day. */
  excusedOffsets: number[];
  /** Working days after its planned end that the classroom was signed off (0 = on time). */
  classroomLateDays: number;
  examFailsFirst: boolean;
  /** Solo results in order; after two failures the lead's decision decides whether a third comes. */
  solo: Outcome[];
  probation: Outcome[];
  decision: 'continue' | 'exit';
  /** Working days after a solo week's or probation's planned end before its result is recorded. */
  resultLag: number;
  /** Chance that a past working day's work falls short (a missed day). */
  missRate: number;
  /** The mentor live-listens to fewer calls than the 50% target. */
  lowCoverage: boolean;
  /** The mentor is late with yesterday's reviews. */
  mentorBehind: boolean;
};

function weighted<T>(rng: Random, choices: readonly (readonly [T, number])[]): T {
  let roll = rng();
  for (const [value, weight] of choices) {
    if (roll < weight) return value;
    roll -= weight;
  }
  return choices.at(-1)![0];
}

export function chooseStory(rng: Random, startDate: IsoDate): TraineeStory {
  const traineeClass: TraineeClass = rng() < 0.6 ? 'A' : 'B';
  const solo = weighted<Outcome[]>(rng, [
    [['passed'], 0.78],
    [['failed', 'passed'], 0.15],
    [['failed', 'failed', 'passed'], 0.07],
  ]);
  const probation = weighted<Outcome[]>(rng, [
    [['passed'], 0.9],
    [['failed', 'passed'], 0.1],
  ]);
  const excusedOffsets = rng() < 0.25 ? [3 + pickIndex(rng, 30)] : [];
  return {
    traineeClass,
    startDate,
    excusedOffsets,
    classroomLateDays: rng() < 0.06 ? 1 + pickIndex(rng, 2) : 0,
    examFailsFirst: rng() < 0.1,
    solo,
    probation,
    decision: rng() < 0.5 ? 'continue' : 'exit',
    resultLag: weighted(rng, [
      [0, 0.75],
      [1, 0.17],
      [2, 0.08],
    ]),
    missRate: rng() < 0.3 ? 0.04 : 0.005,
    lowCoverage: rng() < 0.04,
    mentorBehind: rng() < 0.08,
  };
}

export type StoryReplay = {
  /** In the order they were appended, with local ids 1…n (consequences reference them). */
  events: ProgramEvent[];
  /** The layout as of today (no day facts: the blocks depend on events only). */
  layout: Plan;
};

export function findBlock(plan: Plan, stage: PlanBlock['stage'], kind: PlanBlock['kind'], attempt?: number): PlanBlock | undefined {
  const matches = plan.blocks.filter((b) => b.stage === stage && b.kind === kind && !b.skipped);
  return attempt === undefined ? matches.at(-1) : matches.find((b) => b.attempt === attempt);
}

/**
 * Replays the story from its start date: each step happens on the day the plan says (the end of the
 * classroom, of a solo week, of probation, plus the lag) if that day is already past. Consequences
 * (extensions, retraining) come from the engine's computeConsequences, as appendProgramEvents does.
 */
export function replayStory(ctx: ProgramContext, story: TraineeStory, today: IsoDate, certificateCode: () => string): StoryReplay {
  const { settings, calendar } = ctx;
  const { traineeClass, startDate } = story;
  const events: ProgramEvent[] = [];
  let nextId = 1;
  let clock = 0;
  const plan = () => computePlan({ trainee: { traineeClass, startDate }, settings, calendar, events, activity: [], today });
  const add = (draft: ProgramEventDraft, recordedOn: IsoDate) => {
    // Recorded during the morning of the day it was entered, after anything recorded before.
    clock = Math.max(clock + 1000, Date.parse(`${recordedOn}T02:00:00Z`));
    const event = { ...draft, id: nextId++, createdAt: clock } as ProgramEvent;
    const consequences = computeConsequences(event, events, settings);
    events.push(event);
    for (const c of consequences) events.push({ ...c, id: nextId++, createdAt: ++clock } as ProgramEvent);
  };
  const past = (date: IsoDate | undefined): date is IsoDate => date !== undefined && date < today;
  const done = () => ({ events, layout: plan() });

  add({ kind: 'enrolled', effectiveDate: startDate, payload: { traineeClass } }, addWorkingDays(calendar, startDate, -5));
  for (const offset of story.excusedOffsets) {
    const day = addWorkingDays(calendar, startDate, offset);
    if (past(day)) add({ kind: 'absence_excused', effectiveDate: day, payload: { date: day }, reason: '病假,已提交证明。' }, day);
  }

  const classroom = findBlock(plan(), 'classroom', 'regular');
  const classroomDone = classroom && addWorkingDays(calendar, classroom.plannedEnd, story.classroomLateDays);
  if (!past(classroomDone)) return done();
  add({ kind: 'stage_completed', effectiveDate: classroomDone, payload: { stage: 'classroom' } }, classroomDone);

  for (let attempt = 1; ; attempt++) {
    const solo = findBlock(plan(), 'solo', 'regular', attempt);
    if (!solo || !past(solo.start)) return done();
    if (attempt === 1) {
      if (story.examFailsFirst) {
        add({ kind: 'exam_recorded', effectiveDate: solo.start, payload: { passed: false, scorePercent: 72.5 } }, solo.start);
        const retake = addWorkingDays(calendar, solo.start, 2);
        if (past(retake)) add({ kind: 'exam_recorded', effectiveDate: retake, payload: { passed: true, scorePercent: 85 } }, retake);
      } else {
        add({ kind: 'exam_recorded', effectiveDate: solo.start, payload: { passed: true, scorePercent: 87.5 } }, solo.start);
      }
    }
    const outcome = story.solo[attempt - 1] ?? 'passed';
    const resultDay = addWorkingDays(calendar, solo.plannedEnd, story.resultLag);
    if (!past(resultDay)) return done();
    add(
      outcome === 'passed'
        ? { kind: 'solo_passed', effectiveDate: resultDay, payload: { scorePercent: 84 } }
        : { kind: 'solo_failed', effectiveDate: resultDay, payload: { scorePercent: 71 } },
      resultDay,
    );
    if (outcome === 'passed') break;
    if (plan().pendingDecision) {
      const decisionDay = addWorkingDays(calendar, resultDay, 2);
      if (!past(decisionDay)) return done();
      add(
        {
          kind: 'decision_taken',
          effectiveDate: decisionDay,
          payload: { decision: story.decision },
          reason: story.decision === 'exit' ? '两次独立上线考核未通过,面谈后终止培训。' : '面谈后同意再延长一周,重新考核。',
        },
        decisionDay,
      );
      if (story.decision === 'exit') return done();
    }
  }

  for (let attempt = 1; ; attempt++) {
    const probation = findBlock(plan(), 'probation', 'regular', attempt);
    if (!probation || !past(probation.start)) return done();
    const outcome = story.probation[attempt - 1] ?? 'passed';
    const resultDay = addWorkingDays(calendar, probation.plannedEnd, story.resultLag);
    if (!past(resultDay)) return done();
    add({ kind: outcome === 'passed' ? 'probation_passed' : 'probation_failed', effectiveDate: resultDay, payload: {} }, resultDay);
    if (outcome === 'passed') {
      add({ kind: 'certified', effectiveDate: resultDay, payload: { code: certificateCode() } }, resultDay);
      return done();
    }
    // After a failed probation: the scheduled retraining, a solo week, then a new probation (SPEC).
    const solo = findBlock(plan(), 'solo', 'regular');
    const soloDay = solo && addWorkingDays(calendar, solo.plannedEnd, story.resultLag);
    if (!solo || solo.outcome !== null || !past(soloDay)) return done();
    add({ kind: 'solo_passed', effectiveDate: soloDay, payload: { scorePercent: 83 } }, soloDay);
  }
}
