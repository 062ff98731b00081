// Demo data for the probation review and certification: trainee15 (class A) went through the whole
// program on time — every day's work done, the solo week passed on ten qa-scored calls — and their
// probation period ended on the working day before today with no assessor's score yet, so the
// mentor, qa and a lead can score and the lead can sign off (e2e/assessment.spec.ts does).
// The trainee row comes from DEMO_TRAINEES (started long enough ago); this step appends the events
// through the engine and writes the days' facts. Deterministic for a given `today`.
import { and, eq } from 'drizzle-orm';
import { isWorkingDay } from '@/domain/calendar';
import { createSampleSeed, sampleDailyCalls } from '@/domain/call-sampling';
import { addDays, type IsoDate } from '@/domain/dates';
import type { ProgramEvent, ProgramEventDraft } from '@/domain/events';
import { computePlan, type Plan, type PlanBlock } from '@/domain/plan';
import { createRandom, pickIndex, type Random } from '@/domain/random';
import { scoreCallReview, type ItemResults, type Scorecard } from '@/domain/scorecard';
import { encodeSampleAlgorithm } from '@/lib/call-samples';
import { loadScorecard } from '@/lib/content/scorecard';
import { appendProgramEvents, computeTraineePlan, listTraineeEvents, loadProgramContext, refreshTraineeStatus, type PlannedTrainee, type ProgramContext } from '@/lib/program';
import { listAssessmentReviews } from '../queries/assessment';
import { insertCallIfNew, insertDailySample, insertSampledCall, listDayCalls, recountDayCallFacts } from '../queries/calls';
import { insertCallReview } from '../queries/reviews';
import { drillScripts, recordings, traineeDays, trainees } from '../schema';
import type { SeedContext } from './context';

export const PROBATION_DEMO_TRAINEE = 'trainee15';

export function seedAssessment(seed: SeedContext): void {
  const { tx, orgId, today } = seed;
  const traineeId = seed.traineeIds.get(PROBATION_DEMO_TRAINEE);
  if (traineeId === undefined) return;
  const row = tx.select().from(trainees).where(eq(trainees.id, traineeId)).get();
  if (!row?.mentorId) return;
  const ctx = loadProgramContext(tx, orgId);
  const trainee: PlannedTrainee = { id: row.id, orgId, traineeClass: row.traineeClass, startDate: row.startDate };
  const leadId = seed.userIds.get('lead') ?? null;
  const qaId = seed.userIds.get('qa')!;
  const append = (draft: ProgramEventDraft, actorId: number | null) =>
    appendProgramEvents(tx, { ctx, trainee, drafts: [draft], actorId, today, nowMs: Date.parse(`${draft.effectiveDate}T09:00:00Z`) });

  const classroom = findBlock(computeTraineePlan(tx, ctx, trainee, today), 'classroom');
  if (!classroom || classroom.plannedEnd >= today) return;
  append({ kind: 'stage_completed', effectiveDate: classroom.plannedEnd, payload: { stage: 'classroom' } }, null);
  const solo = findBlock(computeTraineePlan(tx, ctx, trainee, today), 'solo');
  if (!solo || solo.start >= today) return;
  append({ kind: 'exam_recorded', effectiveDate: solo.start, payload: { passed: true, scorePercent: 88 } }, null);

  const soloResultDate = chooseSoloResultDate(ctx, trainee, listTraineeEvents(tx, traineeId), solo, today);
  // The qa scores come first: the result records their average.
  const scorecard = loadScorecard();
  const weekDays = solo.workingDays.filter((d) => d <= soloResultDate && d <= solo.plannedEnd);
  const planBefore = computeTraineePlan(tx, ctx, trainee, today);
  writeDays(seed, ctx, scorecard, { traineeId, username: PROBATION_DEMO_TRAINEE, mentorId: row.mentorId, qaId }, planBefore, soloResultDate);
  const totals = listAssessmentReviews(tx, { traineeId, days: weekDays }).map((r) => r.total);
  const average = totals.length === 0 ? 90 : Math.round((totals.reduce((a, b) => a + b, 0) / totals.length) * 10) / 10;
  append({ kind: 'solo_passed', effectiveDate: soloResultDate, payload: { scorePercent: average } }, leadId);
  refreshTraineeStatus(tx, ctx, trainee, today);
}

function findBlock(plan: Plan, stage: PlanBlock['stage']): PlanBlock | undefined {
  return plan.blocks.find((b) => b.stage === stage && b.kind === 'regular' && !b.skipped);
}

/**
 * The day the solo result is dated so that probation — which starts the next working day and runs
 * its calendar length — ends as late as possible before today (the previous working day when the
 * calendar allows it). Of the days that give that end, the one nearest the week's planned end, so
 * the week looks like a normal week.
 */
function chooseSoloResultDate(ctx: ProgramContext, trainee: PlannedTrainee, events: ProgramEvent[], solo: PlanBlock, today: IsoDate): IsoDate {
  const candidates: { day: IsoDate; end: IsoDate }[] = [];
  for (let day = solo.start; day < today; day = addDays(day, 1)) {
    if (!isWorkingDay(ctx.calendar, day)) continue;
    const result = { id: -1, kind: 'solo_passed', effectiveDate: day, payload: {}, reason: null, createdAt: Number.MAX_SAFE_INTEGER } as ProgramEvent;
    const plan = computePlan({ trainee, settings: ctx.settings, calendar: ctx.calendar, events: [...events, result], activity: [], today });
    const end = findBlock(plan, 'probation')?.plannedEnd;
    if (end !== undefined && end < today) candidates.push({ day, end });
  }
  if (candidates.length === 0) return solo.plannedEnd;
  const latestEnd = candidates.reduce((max, c) => (c.end > max ? c.end : max), candidates[0]!.end);
  const distance = (d: IsoDate) => Math.abs(Date.parse(d) - Date.parse(solo.plannedEnd));
  return candidates.filter((c) => c.end === latestEnd).reduce((best, c) => (distance(c.day) < distance(best.day) ? c : best)).day;
}

const WENT_WELL = ['开头语规范，语速适中。', '先安抚客户情绪再解释，处理得当。', '复述确认客户的问题，避免了误解。', '工单要素记录完整。'];
const TO_LEARN = ['结束语前可以再确认一次客户是否清楚。', '介绍套餐时先讲结论再讲细节。', '查询时每隔十几秒告知客户进度。', '称呼客户时多用“X先生/女士”。'];

function pick<T>(rng: Random, items: readonly T[]): T {
  return items[pickIndex(rng, items.length)]!;
}

/** A well-prepared trainee's call: every item met, now and then one only partly. */
function strongItems(scorecard: Scorecard, rng: Random): ItemResults {
  const partial = rng() < 0.6 ? pickIndex(rng, scorecard.items.length) : -1;
  return Object.fromEntries(
    scorecard.items.map((item, i) => [item.id, i === partial ? { rating: 'partial', comment: pick(rng, TO_LEARN) } : { rating: 'met' }]),
  );
}

type Who = { traineeId: number; username: string; mentorId: number; qaId: number };

/** Every past working day of the program up to the solo result: the day's work done and its facts stored. */
function writeDays(seed: SeedContext, ctx: ProgramContext, scorecard: Scorecard, who: Who, plan: Plan, soloResultDate: IsoDate): void {
  const { tx } = seed;
  const rng = createRandom(`assessment-history:${who.username}`);
  const { recordingsPerDay } = ctx.settings.quotas.shadowing;
  const { sampledCallsPerDay: count, minCallSeconds } = ctx.settings.quotas.supervised;
  for (const block of plan.blocks) {
    if (block.skipped || block.kind !== 'regular') continue;
    for (const day of block.workingDays) {
      if (day >= seed.today || (block.stage === 'solo' && (day > soloResultDate || day > block.plannedEnd))) continue;
      const at = (hour: number, minute = 0) => Date.parse(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`);
      if (block.stage === 'shadowing') {
        for (let i = 1; i <= recordingsPerDay; i++) {
          tx.insert(recordings)
            .values({
              traineeId: who.traineeId,
              day,
              recordingRef: `REC-${day.replaceAll('-', '')}-${who.username}-${i}`,
              agentName: pick(rng, ['王芳', '陈刚', '刘敏', '杨帆', '黄丽']),
              callType: pick(rng, ['话费查询', '业务咨询', '故障报修', '套餐变更']),
              wentWell: pick(rng, WENT_WELL),
              toLearn: pick(rng, TO_LEARN),
              createdAt: at(1 + (i % 8), 10 + i),
            })
            .run();
        }
        tx.insert(traineeDays).values({ traineeId: who.traineeId, day, liveShadowing: true, recordingsLogged: recordingsPerDay }).run();
      } else if (block.stage === 'drills') {
        tx.insert(drillScripts)
          .values({
            traineeId: who.traineeId,
            day,
            scenarioId: 'consultation-payment-channels',
            script: '坐席：您好，请问有什么可以帮到您？\n客户：我想问一下话费可以怎么交。\n坐席：好的，先生，您可以通过营业厅、网上营业厅或银行代扣缴费……请问还有什么能帮到您？',
            mentorComment: '开头和结束语规范；介绍缴费渠道前可以先问客户习惯用哪种方式。',
            commentedBy: who.mentorId,
            commentedAt: at(10),
            createdAt: at(8),
          })
          .run();
        tx.insert(traineeDays).values({ traineeId: who.traineeId, day, drillScriptSubmitted: true }).run();
      } else if (block.stage === 'supervised' || block.stage === 'solo') {
        for (let i = 0; i < 8; i++) {
          const externalId = `PBX-${day.replaceAll('-', '')}-${who.username}-${String(i + 1).padStart(3, '0')}`;
          insertCallIfNew(tx, {
            orgId: seed.orgId,
            traineeId: who.traineeId,
            externalId,
            agentCode: who.username,
            startedAt: at(1, 0) + i * 40 * 60_000,
            day,
            durationSec: i % 6 === 5 ? 20 + pickIndex(rng, 9) : 90 + pickIndex(rng, 360),
            direction: i % 3 === 2 && block.stage === 'supervised' ? 'outbound' : 'inbound',
            recordingUrl: `https://recordings.example.invalid/${externalId}.mp3`,
          });
        }
        const pool = listDayCalls(tx, { traineeId: who.traineeId, day });
        if (block.stage === 'supervised') {
          const sampleSeed = createSampleSeed(String(who.traineeId), day, `demo-${who.username}`);
          const draw = sampleDailyCalls({ calls: pool.map((c) => ({ id: String(c.id), externalId: c.externalId, durationSec: c.durationSec })), count, minCallSeconds, seed: sampleSeed });
          const sample = insertDailySample(tx, {
            traineeId: who.traineeId,
            day,
            seed: sampleSeed,
            algorithm: encodeSampleAlgorithm({ algorithm: draw.algorithm, count, minCallSeconds }),
            poolCallIds: pool.map((c) => c.id).sort((a, b) => a - b),
            shortfall: draw.shortfall,
            drawnBy: who.mentorId,
            createdAt: at(3),
          });
          draw.sampledIds.forEach((id, slot) => insertSampledCall(tx, { sampleId: sample.id, callId: Number(id), slot, createdAt: at(3) }));
          draw.sampledIds.forEach((id, i) => review(seed, scorecard, rng, { ...who, reviewerId: who.mentorId, kind: 'mentor', callId: Number(id), day, at: at(9, 10 * i) }));
        } else {
          // qa scores two calls a day: ten over the week, the minimum the settings ask for.
          pool.filter((c) => c.durationSec >= minCallSeconds).slice(0, 2).forEach((c, i) => review(seed, scorecard, rng, { ...who, reviewerId: who.qaId, kind: 'assessment', callId: c.id, day, at: at(9, 20 * i) }));
        }
        recountDayCallFacts(tx, { traineeId: who.traineeId, day });
        if (block.stage === 'supervised') {
          tx.update(traineeDays)
            .set({ callsLiveListened: Math.ceil(pool.length * 0.6) })
            .where(and(eq(traineeDays.traineeId, who.traineeId), eq(traineeDays.day, day)))
            .run();
        }
      }
    }
  }
}

function review(
  seed: SeedContext,
  scorecard: Scorecard,
  rng: Random,
  p: { traineeId: number; reviewerId: number; kind: 'mentor' | 'assessment'; callId: number; day: IsoDate; at: number },
): void {
  const items = strongItems(scorecard, rng);
  const score = scoreCallReview(scorecard, items, {});
  insertCallReview(seed.tx, {
    orgId: seed.orgId,
    callId: p.callId,
    traineeId: p.traineeId,
    reviewerId: p.reviewerId,
    kind: p.kind,
    day: p.day,
    scorecardVersion: scorecard.version,
    items: items as Record<string, unknown>,
    criticalFlags: [],
    total: score.total,
    criticalFailed: false,
    passed: score.passed,
    note: p.kind === 'assessment' ? '服务用语规范，业务解答准确，语气亲切。' : '整体不错，结束前记得复述确认。',
    acknowledgedAt: p.kind === 'mentor' ? p.at + 3_600_000 : null,
    createdAt: p.at,
  });
}
