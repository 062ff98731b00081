// Demo supervised calls for TODAY, on top of the program history (db/seed/program-history.ts
// writes every past day's calls, samples and reviews). Each trainee on a supervised-calls day
// today gets the morning's calls. For mentor1's mentees the day is under way: the sample is drawn,
// one call was swapped with a reason, two calls are reviewed and wait for the trainee's
// acknowledgement, the rest wait in the mentor's queue. trainee4 (mentor2) is left undrawn: the
// demo — and e2e/supervised-calls.spec.ts — start that day with the draw. Deterministic for a given today.
import { eq } from 'drizzle-orm';
import { createSampleSeed, replaceSampledCall, sampleDailyCalls, type SamplingCall } from '@/domain/call-sampling';
import { createRandom, pickIndex } from '@/domain/random';
import { scoreCallReview, type ItemResults } from '@/domain/scorecard';
import { encodeSampleAlgorithm, listSupervisedDays } from '@/lib/call-samples';
import { parseCallStartTime } from '@/lib/calls-import';
import { loadScorecard } from '@/lib/content/scorecard';
import { computeTraineePlan, loadProgramContext, refreshTraineeStatus } from '@/lib/program';
import {
  insertCallIfNew,
  insertDailySample,
  insertSampledCall,
  listDayCalls,
  markSampledCallReplaced,
  recountDayCallFacts,
} from '../queries/calls';
import { insertCallReview } from '../queries/reviews';
import { trainees } from '../schema';
import type { SeedContext } from './context';

/** Mentees whose sample today is left for the mentor to draw. */
const UNDRAWN_TODAY = new Set(['trainee4']);

const REVIEW_NOTES = ['开头问候和结束语都很规范，复述确认再主动一些会更好。', '业务解答准确。客户情绪激动时先安抚，再解释政策。'];

export function seedFloorCalls(seed: SeedContext): void {
  const { tx, orgId, today } = seed;
  const ctx = loadProgramContext(tx, orgId);
  const { sampledCallsPerDay: count, minCallSeconds } = ctx.settings.quotas.supervised;
  const scorecard = loadScorecard();
  const usernames = [...seed.traineeIds.keys()].sort();

  for (const username of usernames) {
    const traineeId = seed.traineeIds.get(username)!;
    const trainee = tx
      .select({ id: trainees.id, orgId: trainees.orgId, traineeClass: trainees.traineeClass, startDate: trainees.startDate, mentorId: trainees.mentorId })
      .from(trainees)
      .where(eq(trainees.id, traineeId))
      .get();
    if (!trainee?.mentorId) continue;
    const plan = computeTraineePlan(tx, ctx, trainee, today);
    if (!listSupervisedDays(plan).some((d) => d.day === today)) continue;

    const rng = createRandom(`floor-calls:${username}:${today}`);
    const callCount = 7 + pickIndex(rng, 4);
    for (let i = 0; i < callCount; i++) {
      const minutes = 8 * 60 + 30 + i * 17;
      const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00`;
      // Every fifth call is a quick one (a wrong number, a hang-up), below the sampling minimum.
      const durationSec = i % 5 === 4 ? 8 + pickIndex(rng, 20) : 70 + pickIndex(rng, 380);
      const externalId = `PBX-${today.replaceAll('-', '')}-${username}-${String(i + 1).padStart(3, '0')}`;
      insertCallIfNew(tx, {
        orgId,
        traineeId,
        externalId,
        agentCode: username,
        startedAt: parseCallStartTime(`${today} ${time}`, ctx.timeZone)!,
        day: today,
        durationSec,
        direction: i % 4 === 3 ? 'outbound' : 'inbound',
        recordingUrl: `https://recordings.example.invalid/${externalId}.mp3`,
      });
    }

    if (!UNDRAWN_TODAY.has(username)) drawAndReview(seed, { traineeId, mentorId: trainee.mentorId, username, count, minCallSeconds, scorecard });
    recountDayCallFacts(tx, { traineeId, day: today });
    refreshTraineeStatus(tx, ctx, trainee, today);
  }
}

function drawAndReview(
  seed: SeedContext,
  p: { traineeId: number; mentorId: number; username: string; count: number; minCallSeconds: number; scorecard: ReturnType<typeof loadScorecard> },
): void {
  const { tx, orgId, today } = seed;
  const pool = listDayCalls(tx, { traineeId: p.traineeId, day: today });
  const samplingCalls: SamplingCall[] = pool.map((c) => ({ id: String(c.id), externalId: c.externalId, durationSec: c.durationSec }));
  const sampleSeed = createSampleSeed(String(p.traineeId), today, `demo-${p.username}`);
  const draw = sampleDailyCalls({ calls: samplingCalls, count: p.count, minCallSeconds: p.minCallSeconds, seed: sampleSeed });
  const drawnAt = Date.parse(`${today}T03:00:00Z`);
  const sample = insertDailySample(tx, {
    traineeId: p.traineeId,
    day: today,
    seed: sampleSeed,
    algorithm: encodeSampleAlgorithm({ algorithm: draw.algorithm, count: p.count, minCallSeconds: p.minCallSeconds }),
    poolCallIds: pool.map((c) => c.id).sort((a, b) => a - b),
    shortfall: draw.shortfall,
    drawnBy: p.mentorId,
    createdAt: drawnAt,
  });
  const rows = draw.sampledIds.map((id, slot) => insertSampledCall(tx, { sampleId: sample.id, callId: Number(id), slot, createdAt: drawnAt }));

  // The last drawn call is swapped out, as a mentor does when a call turns out not to be the trainee's own work.
  let current = draw.sampledIds;
  const last = rows.at(-1);
  if (last) {
    const swap = replaceSampledCall({ calls: samplingCalls, sampledIds: current, replacedId: String(last.callId), minCallSeconds: p.minCallSeconds, seed: sampleSeed });
    if (swap.replacementId !== null) {
      markSampledCallReplaced(tx, { sampledCallId: last.id, replacedBy: p.mentorId, reason: '这通是同事代接后转给学员的，不代表学员本人的处理。', at: drawnAt + 600_000 });
      insertSampledCall(tx, { sampleId: sample.id, callId: Number(swap.replacementId), slot: last.slot, createdAt: drawnAt + 600_000 });
      current = swap.sampledIds;
    }
  }

  const rng = createRandom(`floor-reviews:${p.username}:${today}`);
  current.slice(0, 2).forEach((callId, i) => {
    const items: ItemResults = Object.fromEntries(
      p.scorecard.items.map((item) => {
        const roll = rng();
        const rating = item.allowNotApplicable && roll < 0.4 ? 'na' : roll < 0.8 ? 'met' : 'partial';
        return [item.id, rating === 'partial' ? { rating, comment: '这一项还可以更规范,参考评分表的检查要点。' } : { rating }];
      }),
    );
    const score = scoreCallReview(p.scorecard, items, {});
    insertCallReview(tx, {
      orgId,
      callId: Number(callId),
      traineeId: p.traineeId,
      reviewerId: p.mentorId,
      kind: 'mentor',
      day: today,
      scorecardVersion: p.scorecard.version,
      items: items as Record<string, unknown>,
      criticalFlags: [],
      total: score.total,
      criticalFailed: false,
      passed: score.passed,
      note: REVIEW_NOTES[i % REVIEW_NOTES.length]!,
      createdAt: drawnAt + (i + 2) * 900_000,
    });
  });
}

