// The demo trainees' stories: for each one, a start date chosen so that *today* they stand where the
// story says (classroom day 2, an extension week, retraining…), the events that got them there
// (appended through lib/program.ts, so extensions and retraining are scheduled by the engine as in
// production), and the day-by-day facts of every past working day: recordings logged, drill scripts,
// calls handled, the daily sample, the mentor's reviews and the qa's assessment scores.
import { addWorkingDays, isWorkingDay, lastWorkingDayOnOrBefore } from '@/domain/calendar';
import { sampleDailyCalls } from '@/domain/call-sampling';
import { computeConsequences } from '@/domain/consequences';
import type { ProgramEvent, ProgramEventDraft } from '@/domain/events';
import { computePlan, type Plan, type PlanBlock } from '@/domain/plan';
import type { AssessorKind, TraineeClass } from '@/domain/program-settings';
import { createRandom, pickIndex, type Random } from '@/domain/random';
import { scoreCallReview, type ItemResults, type Scorecard } from '@/domain/scorecard';
import { encodeSampleAlgorithm } from '@/lib/call-samples';
import { loadScorecard } from '@/lib/content/scorecard';
import { appendProgramEvents, loadProgramContext, refreshTraineeStatus, type ProgramContext } from '@/lib/program';
import {
  callReviews,
  calls,
  certificates,
  dailySamples,
  drillScripts,
  probationScores,
  recordings,
  sampledCalls,
  traineeDays,
} from '../schema';
import type { SeedContext } from './context';

type Outcome = 'passed' | 'failed';

export type TraineeStory = {
  username: string;
  /** Which block today falls in and on which of its working days (1 = first). */
  target:
    | { kind: 'in_block'; stage: PlanBlock['stage']; blockKind: PlanBlock['kind']; day: number }
    | { kind: 'not_started'; inWorkingDays: number }
    | { kind: 'certified_ago'; workingDays: number }
    | { kind: 'awaiting_solo_result'; workingDaysOverdue: number }
    | { kind: 'decision_pending_since'; workingDays: number }
    | { kind: 'exited_ago'; workingDays: number };
  solo?: Outcome[];
  probation?: Outcome[];
  /** Working days (counted back from yesterday) left without the day's work, to show a trainee behind. */
  missedDaysAgo?: number[];
  exitAfterDecision?: boolean;
};

export const TRAINEE_STORIES: TraineeStory[] = [
  { username: 'trainee1', target: { kind: 'in_block', stage: 'classroom', blockKind: 'regular', day: 2 } },
  { username: 'trainee2', target: { kind: 'in_block', stage: 'shadowing', blockKind: 'regular', day: 2 } },
  { username: 'trainee3', target: { kind: 'in_block', stage: 'drills', blockKind: 'regular', day: 1 }, missedDaysAgo: [3] },
  { username: 'trainee4', target: { kind: 'in_block', stage: 'supervised', blockKind: 'regular', day: 3 } },
  { username: 'trainee5', target: { kind: 'in_block', stage: 'supervised', blockKind: 'extension', day: 2 }, solo: ['failed'] },
  { username: 'trainee6', target: { kind: 'in_block', stage: 'solo', blockKind: 'regular', day: 3 } },
  {
    username: 'trainee7',
    target: { kind: 'in_block', stage: 'supervised', blockKind: 'retraining', day: 2 },
    solo: ['passed'],
    probation: ['failed'],
  },
  { username: 'trainee8', target: { kind: 'certified_ago', workingDays: 8 }, solo: ['passed'], probation: ['passed'] },
  { username: 'trainee11', target: { kind: 'awaiting_solo_result', workingDaysOverdue: 1 } },
  { username: 'trainee12', target: { kind: 'decision_pending_since', workingDays: 1 }, solo: ['failed', 'failed'] },
  {
    username: 'trainee13',
    target: { kind: 'exited_ago', workingDays: 3 },
    solo: ['failed', 'failed'],
    exitAfterDecision: true,
  },
  { username: 'trainee14', target: { kind: 'not_started', inWorkingDays: 3 } },
];

const PROBATION_SCORES: Record<Outcome, Record<AssessorKind, number>> = {
  passed: { department_head: 86, mentor: 90, qa: 84, training_specialist: 88, branch_coach: 85 },
  failed: { department_head: 72, mentor: 78, qa: 70, training_specialist: 74, branch_coach: 76 },
};

// ---- choosing the start date ------------------------------------------------------------------

type Simulation = { events: ProgramEvent[]; drafts: ProgramEventDraft[]; plan: Plan };

function findBlock(plan: Plan, stage: PlanBlock['stage'], kind: PlanBlock['kind'], attempt?: number): PlanBlock | undefined {
  const matches = plan.blocks.filter((b) => b.stage === stage && b.kind === kind && !b.skipped);
  return attempt === undefined ? matches.at(-1) : matches.find((b) => b.attempt === attempt);
}

/**
 * Replays a story from a start date: each step happens on the day the plan says (the end of the
 * classroom, of a solo week, of probation) if that day is already past.
 */
function simulate(ctx: ProgramContext, traineeClass: TraineeClass, startDate: string, today: string, story: TraineeStory): Simulation {
  const events: ProgramEvent[] = [];
  const drafts: ProgramEventDraft[] = [];
  let nextId = 1;
  const plan = () =>
    computePlan({ trainee: { traineeClass, startDate }, settings: ctx.settings, calendar: ctx.calendar, events, activity: [], today });
  const add = (draft: ProgramEventDraft) => {
    const event = { ...draft, id: nextId++, createdAt: nextId } as ProgramEvent;
    drafts.push(draft);
    const consequences = computeConsequences(event, events, ctx.settings);
    events.push(event);
    for (const c of consequences) events.push({ ...c, id: nextId++, createdAt: nextId } as ProgramEvent);
  };
  const happened = (date: string | undefined): date is string => date !== undefined && date < today;

  add({ kind: 'enrolled', effectiveDate: startDate, payload: { traineeClass } });
  const classroom = findBlock(plan(), 'classroom', 'regular');
  if (!happened(classroom?.plannedEnd)) return { events, drafts, plan: plan() };
  add({ kind: 'stage_completed', effectiveDate: classroom.plannedEnd, payload: { stage: 'classroom' } });

  const soloOutcomes = story.solo ?? ['passed'];
  for (let attempt = 1; attempt <= soloOutcomes.length + 1; attempt++) {
    const solo = findBlock(plan(), 'solo', 'regular', attempt);
    if (!solo || !happened(solo.start)) return { events, drafts, plan: plan() };
    if (attempt === 1) add({ kind: 'exam_recorded', effectiveDate: solo.start, payload: { passed: true, scorePercent: 86 } });
    const outcome = soloOutcomes[attempt - 1];
    if (!outcome || story.target.kind === 'awaiting_solo_result' || !happened(solo.plannedEnd)) return { events, drafts, plan: plan() };
    add({ kind: outcome === 'passed' ? 'solo_passed' : 'solo_failed', effectiveDate: solo.plannedEnd, payload: { scorePercent: outcome === 'passed' ? 85 : 72 } });
    if (outcome === 'passed') break;
    const current = plan();
    if (current.pendingDecision) {
      const decisionDay = addWorkingDays(ctx.calendar, solo.plannedEnd, 1);
      if (story.exitAfterDecision && happened(decisionDay)) {
        add({ kind: 'decision_taken', effectiveDate: decisionDay, payload: { decision: 'exit' }, reason: '两次独立上线考核未通过,经部门负责人面谈后终止培训。' });
      }
      return { events, drafts, plan: plan() };
    }
  }

  const probationOutcomes = story.probation ?? ['passed'];
  for (let attempt = 1; attempt <= probationOutcomes.length; attempt++) {
    const probation = findBlock(plan(), 'probation', 'regular', attempt);
    if (!probation || !happened(probation.plannedEnd)) return { events, drafts, plan: plan() };
    const outcome = probationOutcomes[attempt - 1]!;
    add({ kind: outcome === 'passed' ? 'probation_passed' : 'probation_failed', effectiveDate: probation.plannedEnd, payload: {} });
    if (outcome === 'passed') {
      add({ kind: 'certified', effectiveDate: probation.plannedEnd, payload: { code: certificateCode(story.username) } });
      break;
    }
    // After a failed probation the retraining, solo week and a new probation follow (SPEC).
    const solo = findBlock(plan(), 'solo', 'regular');
    if (solo && happened(solo.plannedEnd) && probationOutcomes[attempt]) {
      add({ kind: 'solo_passed', effectiveDate: solo.plannedEnd, payload: { scorePercent: 84 } });
    }
  }
  return { events, drafts, plan: plan() };
}

function matchesTarget(ctx: ProgramContext, sim: Simulation, today: string, story: TraineeStory): boolean {
  const { plan } = sim;
  const target = story.target;
  switch (target.kind) {
    case 'in_block': {
      // On a weekend or holiday the story is told as of the last working day.
      const day = isWorkingDay(ctx.calendar, today) ? today : lastWorkingDayOnOrBefore(ctx.calendar, today);
      const block = plan.blocks.find((b) => b.workingDays.includes(day));
      return !!block && block.stage === target.stage && block.kind === target.blockKind && block.workingDays.indexOf(day) === target.day - 1;
    }
    case 'certified_ago':
      return plan.certificate?.date === addWorkingDays(ctx.calendar, today, -target.workingDays);
    case 'awaiting_solo_result': {
      const solo = findBlock(plan, 'solo', 'regular');
      return !!solo && plan.status === 'awaiting_assessment' && solo.plannedEnd === addWorkingDays(ctx.calendar, today, -target.workingDaysOverdue);
    }
    case 'decision_pending_since':
      return plan.pendingDecision?.since === addWorkingDays(ctx.calendar, today, -target.workingDays);
    case 'exited_ago':
      return plan.exitedOn === addWorkingDays(ctx.calendar, today, -target.workingDays);
    case 'not_started':
      return true;
  }
}

export function chooseStartDate(ctx: ProgramContext, traineeClass: TraineeClass, today: string, story: TraineeStory): Simulation & { startDate: string } {
  if (story.target.kind === 'not_started') {
    const startDate = addWorkingDays(ctx.calendar, today, story.target.inWorkingDays);
    return { ...simulate(ctx, traineeClass, startDate, today, story), startDate };
  }
  const anchor = isWorkingDay(ctx.calendar, today) ? today : addWorkingDays(ctx.calendar, today, 1);
  for (let back = 0; back < 400; back++) {
    const startDate = addWorkingDays(ctx.calendar, anchor, -back);
    const sim = simulate(ctx, traineeClass, startDate, today, story);
    if (matchesTarget(ctx, sim, today, story)) return { ...sim, startDate };
  }
  throw new Error(`no start date puts ${story.username} where the story says`);
}

export function certificateCode(username: string): string {
  const rng = createRandom(`certificate:${username}`);
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const part = () => Array.from({ length: 4 }, () => alphabet[pickIndex(rng, alphabet.length)]).join('');
  return `${part()}-${part()}-${part()}`;
}

// ---- the day-by-day facts -------------------------------------------------------------------

const AGENTS = ['王芳', '陈刚', '刘敏', '杨帆', '黄丽', '周杰', '吴倩', '徐磊'];
const CALL_TYPES = ['话费查询', '业务咨询', '故障报修', '投诉', '欠费提醒', '套餐变更', '宽带安装', '发票开具'];
const WENT_WELL = [
  '开头语规范,语速适中,客户情绪平稳。',
  '复述客户问题后再解答,避免了误解。',
  '客户抱怨时先致歉再解释,处理得当。',
  '查询前征得客户同意并每隔十几秒告知进度。',
  '结束前主动询问是否还有其他需要帮助。',
  '工单要素记录完整,描述清楚。',
];
const TO_LEARN = [
  '解释套餐资费时可以更简洁,先讲结论。',
  '遇到不确定的问题应先向同事确认,不要猜测。',
  '称呼客户时多用"X先生/女士"。',
  '投诉电话要体现首问负责,不能让客户再打一次。',
  '通话结尾要等客户先挂机。',
  '注意语速,激动的客户面前要放慢。',
];

function pick<T>(rng: Random, items: readonly T[]): T {
  return items[pickIndex(rng, items.length)]!;
}

function mentorReviewItems(scorecard: Scorecard, rng: Random, strong: boolean): ItemResults {
  const results: Record<string, { rating: string; comment?: string }> = {};
  for (const item of scorecard.items) {
    const roll = rng();
    const notApplicable = item.allowNotApplicable && roll < 0.35;
    const rating = notApplicable ? 'na' : roll < (strong ? 0.85 : 0.6) ? 'met' : roll < 0.95 ? 'partial' : 'not_met';
    results[item.id] = rating === 'partial' ? { rating, comment: pick(rng, TO_LEARN) } : { rating };
  }
  return results;
}

type DayPlan = { date: string; block: PlanBlock };

function pastWorkingDays(plan: Plan, today: string): DayPlan[] {
  const days: DayPlan[] = [];
  for (const block of plan.blocks) {
    if (block.skipped || block.stage === 'certified') continue;
    for (const date of block.workingDays) if (date < today) days.push({ date, block });
  }
  return days;
}

function seedDays(
  seed: SeedContext,
  scorecard: Scorecard,
  traineeId: number,
  username: string,
  mentorId: number,
  qaId: number,
  days: DayPlan[],
  missed: Set<string>,
  minCallSeconds: number,
  sampleCount: number,
): void {
  const { tx, orgId } = seed;
  const rng = createRandom(`history:${username}`);
  for (const { date, block } of days) {
    if (block.stage === 'classroom' || block.stage === 'probation') continue;
    const isMissed = missed.has(date);
    const confirmedAt = Date.parse(`${date}T10:00:00Z`);
    const day = {
      traineeId,
      day: date,
      liveShadowing: false,
      recordingsLogged: 0,
      callsHandled: 0,
      callsSampled: 0,
      callsReviewed: 0,
      callsLiveListened: 0,
      drillScriptSubmitted: false,
      confirmedBy: null as number | null,
      confirmedAt: null as number | null,
    };
    const logsRecordings = block.stage === 'shadowing' || block.kind === 'extension';
    if (logsRecordings) {
      const count = isMissed ? 4 : 10;
      for (let i = 1; i <= count; i++) {
        tx.insert(recordings)
          .values({
            traineeId,
            day: date,
            recordingRef: `REC-${date.replaceAll('-', '')}-${String(100 + pickIndex(rng, 900))}-${i}`,
            agentName: pick(rng, AGENTS),
            callType: pick(rng, CALL_TYPES),
            wentWell: pick(rng, WENT_WELL),
            toLearn: pick(rng, TO_LEARN),
            createdAt: Date.parse(`${date}T0${1 + (i % 8)}:${String(10 + i).padStart(2, '0')}:00Z`),
          })
          .run();
      }
      day.recordingsLogged = count;
      day.liveShadowing = block.stage === 'shadowing' && !isMissed;
      if (block.stage === 'shadowing' && !isMissed) {
        day.confirmedBy = mentorId;
        day.confirmedAt = confirmedAt;
      }
    }
    if (block.stage === 'drills') {
      if (!isMissed) {
        tx.insert(drillScripts)
          .values({
            traineeId,
            day: date,
            scenarioId: 'consultation-payment-channels',
            script:
              '坐席:您好,请问有什么可以帮到您?\n客户:我想问一下话费可以怎么交。\n坐席:好的,先生,您可以通过营业厅、网上营业厅或银行代扣缴费……请问还有什么能帮到您?',
            mentorComment: '开头和结束语规范;介绍缴费渠道时可以先问客户习惯用哪种方式。',
            commentedBy: mentorId,
            commentedAt: confirmedAt,
            createdAt: Date.parse(`${date}T08:00:00Z`),
          })
          .run();
      }
      day.drillScriptSubmitted = !isMissed;
    }
    const takesCalls = block.stage === 'supervised' || block.stage === 'solo';
    if (takesCalls && !isMissed) {
      const handled = 8 + pickIndex(rng, 7);
      const callIds: { id: string; externalId: string; durationSec: number }[] = [];
      for (let i = 1; i <= handled; i++) {
        const durationSec = i % 6 === 0 ? 15 + pickIndex(rng, 14) : 60 + pickIndex(rng, 420);
        const externalId = `CALL-${username}-${date.replaceAll('-', '')}-${String(i).padStart(3, '0')}`;
        const startedAt = Date.parse(`${date}T01:00:00Z`) + i * 25 * 60_000;
        const row = tx
          .insert(calls)
          .values({
            orgId,
            traineeId,
            externalId,
            agentCode: username,
            startedAt,
            day: date,
            durationSec,
            direction: block.stage === 'solo' || i % 3 !== 0 ? 'inbound' : 'outbound',
            recordingUrl: `https://recordings.example.invalid/${externalId}.mp3`,
            createdAt: startedAt + durationSec * 1000,
          })
          .returning()
          .get();
        callIds.push({ id: String(row.id), externalId, durationSec });
      }
      day.callsHandled = handled;
      const kind = block.stage === 'solo' ? 'assessment' : 'mentor';
      const reviewer = kind === 'assessment' ? qaId : mentorId;
      const sampleSeed = `seed:${username}:${date}`;
      const sample = sampleDailyCalls({ calls: callIds, count: sampleCount, minCallSeconds, seed: sampleSeed });
      if (kind === 'mentor') {
        const sampleRow = tx
          .insert(dailySamples)
          .values({
            traineeId,
            day: date,
            seed: sampleSeed,
            algorithm: encodeSampleAlgorithm({ algorithm: sample.algorithm, count: sampleCount, minCallSeconds }),
            poolCallIds: callIds.map((c) => Number(c.id)),
            shortfall: sample.shortfall,
            drawnBy: mentorId,
            createdAt: Date.parse(`${date}T09:00:00Z`),
          })
          .returning()
          .get();
        sample.sampledIds.forEach((id, slot) =>
          tx.insert(sampledCalls).values({ sampleId: sampleRow.id, callId: Number(id), slot, createdAt: sampleRow.createdAt }).run(),
        );
        day.callsSampled = sample.sampledIds.length;
        day.callsLiveListened = Math.ceil(handled * (0.5 + rng() * 0.3));
      }
      // A solo week is scored by qa on two calls a day; a mentor reviews every sampled call.
      const reviewedIds = kind === 'assessment' ? sample.sampledIds.slice(0, 2) : sample.sampledIds;
      for (const id of reviewedIds) {
        const items = mentorReviewItems(scorecard, rng, block.kind !== 'retraining');
        const score = scoreCallReview(scorecard, items, {});
        tx.insert(callReviews)
          .values({
            orgId,
            callId: Number(id),
            traineeId,
            reviewerId: reviewer,
            kind,
            day: date,
            scorecardVersion: scorecard.version,
            items: items as Record<string, unknown>,
            criticalFlags: [],
            total: score.total,
            criticalFailed: score.criticalFailed,
            passed: score.passed,
            note: kind === 'assessment' ? '服务用语规范,业务解答准确。' : '整体不错,注意结束语和复述确认。',
            acknowledgedAt: kind === 'mentor' ? Date.parse(`${date}T12:00:00Z`) : null,
            createdAt: Date.parse(`${date}T11:00:00Z`),
          })
          .run();
      }
      if (kind === 'mentor') day.callsReviewed = reviewedIds.length;
    }
    tx.insert(traineeDays).values(day).run();
  }
}

export type StoryRun = {
  story: TraineeStory;
  demo: { username: string; traineeClass: TraineeClass; mentor: string };
  sim: Simulation & { startDate: string };
};

/** Appends each story's events through the engine and writes every past working day's facts. */
export function seedProgramHistory(seed: SeedContext, runs: StoryRun[]): void {
  const ctx = loadProgramContext(seed.tx, seed.orgId);
  const scorecard = loadScorecard();
  const { minCallSeconds, sampledCallsPerDay } = ctx.settings.quotas.supervised;
  const leadId = seed.userIds.get('lead') ?? null;
  for (const { story, demo, sim } of runs) {
    const traineeId = seed.traineeIds.get(story.username)!;
    const trainee = { id: traineeId, orgId: seed.orgId, traineeClass: demo.traineeClass, startDate: sim.startDate };
    sim.drafts.forEach((draft, i) => {
      const nowMs = Date.parse(`${draft.effectiveDate}T09:00:00Z`) + i;
      const actorId = draft.kind === 'exam_recorded' || draft.kind === 'enrolled' ? null : leadId;
      appendProgramEvents(seed.tx, { ctx, trainee, drafts: [draft], actorId, today: seed.today, nowMs });
    });
    const missed = new Set((story.missedDaysAgo ?? []).map((n) => addWorkingDays(ctx.calendar, seed.today, -n)));
    seedDays(
      seed,
      scorecard,
      traineeId,
      story.username,
      seed.userIds.get(demo.mentor)!,
      seed.userIds.get('qa')!,
      pastWorkingDays(sim.plan, seed.today),
      missed,
      minCallSeconds,
      sampledCallsPerDay,
    );
    seedProbationScores(seed, story, traineeId, demo.mentor, sim.plan);
    if (sim.plan.certificate) {
      seed.tx
        .insert(certificates)
        .values({ traineeId, code: sim.plan.certificate.code, issuedOn: sim.plan.certificate.date, issuedBy: leadId })
        .run();
    }
    // The stored status must reflect the day facts written above, not just the events.
    refreshTraineeStatus(seed.tx, ctx, trainee, seed.today);
  }
}

function seedProbationScores(seed: SeedContext, story: TraineeStory, traineeId: number, mentor: string, plan: Plan): void {
  const assessorIds: Record<AssessorKind, number> = {
    department_head: seed.userIds.get('supervisor')!,
    mentor: seed.userIds.get(mentor)!,
    qa: seed.userIds.get('qa')!,
    training_specialist: seed.userIds.get('lead')!,
    branch_coach: seed.userIds.get('supervisor')!,
  };
  (story.probation ?? []).forEach((outcome, index) => {
    const block = findBlock(plan, 'probation', 'regular', index + 1);
    if (!block?.outcome) return;
    for (const [kind, score] of Object.entries(PROBATION_SCORES[outcome]) as [AssessorKind, number][]) {
      seed.tx
        .insert(probationScores)
        .values({
          traineeId,
          attempt: index + 1,
          assessorKind: kind,
          assessorId: assessorIds[kind],
          score,
          comment: outcome === 'passed' ? '服务规范,业务熟练,团队协作良好。' : '业务掌握不够扎实,投诉处理需加强。',
          createdAt: Date.parse(`${block.plannedEnd}T08:00:00Z`),
        })
        .run();
    }
  });
}
