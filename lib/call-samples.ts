// The daily random sample of a supervised trainee's calls: draw it, swap a call with a reason,
// and replay the draw from what was stored. The rules are domain/call-sampling.ts; this file
// loads the facts, checks who may act, and writes in one transaction.
// seeds/000 篇二 四(二)4 3): each day 5 typical calls the trainee answered are drawn at random.
import { randomUUID } from 'node:crypto';
import type { Db } from '@/db/client';
import {
  getDailySample,
  insertDailySample,
  insertSampledCall,
  listCallsByIds,
  listDayCalls,
  listSampledCallRows,
  markSampledCallReplaced,
  recountDayCallFacts,
  type DailySampleRow,
  type SampledCallRow,
} from '@/db/queries/calls';
import { findCallReview } from '@/db/queries/reviews';
import type { Call } from '@/db/schema';
import type { DbOrTx } from '@/db/tx';
import {
  CALL_SAMPLING_ALGORITHM,
  createSampleSeed,
  replaceSampledCall,
  sampleDailyCalls,
  type SamplingCall,
} from '@/domain/call-sampling';
import { isIsoDate, type IsoDate } from '@/domain/dates';
import type { BlockKind, Plan } from '@/domain/plan';
import { loadTraineeFor } from './access';
import type { Actor } from './authz';
import { AppError } from './errors';
import { computeTraineePlan, loadProgramContext, refreshTraineeStatus, todayFor, type ProgramContext } from './program';

export type SampleParameters = { algorithm: string; count: number; minCallSeconds: number };

/**
 * daily_samples.algorithm names the algorithm and the parameters it ran with
 * ('v1?count=5&minCallSeconds=30'), so a draw replays exactly even after the settings change.
 */
export function encodeSampleAlgorithm(p: SampleParameters): string {
  return `${p.algorithm}?count=${p.count}&minCallSeconds=${p.minCallSeconds}`;
}

export function decodeSampleAlgorithm(stored: string): SampleParameters | null {
  const [algorithm, query = ''] = stored.split('?', 2) as [string, string?];
  const params = new URLSearchParams(query);
  const count = Number(params.get('count'));
  const minCallSeconds = Number(params.get('minCallSeconds'));
  if (!algorithm || !params.has('count') || !params.has('minCallSeconds')) return null;
  if (!Number.isInteger(count) || count < 0 || !Number.isFinite(minCallSeconds) || minCallSeconds < 0) return null;
  return { algorithm, count, minCallSeconds };
}

export type SupervisedDay = { day: IsoDate; kind: BlockKind; attempt: number };

/**
 * Working days of every supervised-calls block: the regular stage, an extension week and a
 * retraining run in that stage (their stage is 'supervised' too). Excused days are left out:
 * they carry no quota.
 */
export function listSupervisedDays(plan: Plan): SupervisedDay[] {
  return plan.blocks
    .filter((b) => b.stage === 'supervised' && !b.skipped)
    .flatMap((b) => b.workingDays.map((day) => ({ day, kind: b.kind, attempt: b.attempt })));
}

function toSamplingCall(call: Call): SamplingCall {
  return { id: String(call.id), externalId: call.externalId, durationSec: call.durationSec };
}

function assertSupervisedDay(db: DbOrTx, ctx: ProgramContext, trainee: Parameters<typeof computeTraineePlan>[2], day: IsoDate, today: IsoDate) {
  if (!isIsoDate(day)) throw new AppError('not_found');
  if (day > today) throw new AppError('sample_future_day');
  const plan = computeTraineePlan(db, ctx, trainee, today);
  if (!listSupervisedDays(plan).some((d) => d.day === day)) throw new AppError('sample_not_supervised_day');
}

/**
 * Draws the day's sample once. The seed is fresh server randomness, stored with the pool (every
 * call of the day at that moment) so anyone can replay the draw; calls imported later are not in
 * the pool. A second draw for the same day returns the stored one.
 */
export function drawDailySample(
  db: Db,
  actor: Actor,
  params: { traineeId: number; day: IsoDate; nowMs: number },
): { sampleId: number; created: boolean } {
  const trainee = loadTraineeFor(db, actor, params.traineeId, 'calls.sample');
  return db.transaction(
    (tx) => {
      const existing = getDailySample(tx, { traineeId: trainee.id, day: params.day });
      if (existing) return { sampleId: existing.id, created: false };
      const ctx = loadProgramContext(tx, trainee.orgId);
      const today = todayFor(ctx, params.nowMs);
      assertSupervisedDay(tx, ctx, trainee, params.day, today);

      const pool = listDayCalls(tx, { traineeId: trainee.id, day: params.day });
      const { sampledCallsPerDay: count, minCallSeconds } = ctx.settings.quotas.supervised;
      const seed = createSampleSeed(String(trainee.id), params.day, randomUUID());
      const draw = sampleDailyCalls({ calls: pool.map(toSamplingCall), count, minCallSeconds, seed });
      if (draw.sampledIds.length === 0) throw new AppError('sample_no_calls');

      const sample = insertDailySample(tx, {
        traineeId: trainee.id,
        day: params.day,
        seed,
        algorithm: encodeSampleAlgorithm({ algorithm: draw.algorithm, count, minCallSeconds }),
        poolCallIds: pool.map((c) => c.id).sort((a, b) => a - b),
        shortfall: draw.shortfall,
        drawnBy: actor.userId,
        createdAt: params.nowMs,
      });
      draw.sampledIds.forEach((id, slot) => insertSampledCall(tx, { sampleId: sample.id, callId: Number(id), slot, createdAt: params.nowMs }));
      recountDayCallFacts(tx, { traineeId: trainee.id, day: params.day });
      refreshTraineeStatus(tx, ctx, trainee, today);
      return { sampleId: sample.id, created: true };
    },
    { behavior: 'immediate' },
  );
}

/** The sample's current call per slot, in slot order. */
function currentSlots(rows: readonly SampledCallRow[]): SampledCallRow[] {
  return rows.filter((r) => r.replacedAt === null).sort((a, b) => a.slot - b.slot);
}

/**
 * Swaps one sampled call for another of the same pool, chosen by the domain rule from the
 * stored seed; SPEC: never without a reason. A reviewed call stays. Submitting the same swap
 * twice records it once: the second finds the call already swapped out and returns that swap.
 */
export function replaceDailySampleCall(
  db: Db,
  actor: Actor,
  params: { traineeId: number; day: IsoDate; callId: number; reason: string; nowMs: number },
): { replacementCallId: number; duplicate: boolean } {
  const trainee = loadTraineeFor(db, actor, params.traineeId, 'calls.sample');
  return db.transaction(
    (tx) => {
      const sample = getDailySample(tx, { traineeId: trainee.id, day: params.day });
      if (!sample) throw new AppError('sample_not_drawn');
      const rows = listSampledCallRows(tx, { sampleId: sample.id });
      const target = rows.find((r) => r.callId === params.callId && r.replacedAt === null);
      if (!target) {
        const swappedOut = rows.find((r) => r.callId === params.callId && r.replacedAt !== null);
        const successor = swappedOut && rows.find((r) => r.slot === swappedOut.slot && r.id > swappedOut.id);
        if (successor) return { replacementCallId: successor.callId, duplicate: true };
        throw new AppError('not_found');
      }
      if (findCallReview(tx, { callId: target.callId, kind: 'mentor' })) throw new AppError('sample_call_reviewed');

      const parameters = decodeSampleAlgorithm(sample.algorithm);
      if (!parameters || parameters.algorithm !== CALL_SAMPLING_ALGORITHM) throw new AppError('sample_algorithm_unknown');
      const pool = listCallsByIds(tx, { traineeId: trainee.id, callIds: sample.poolCallIds });
      const slots = currentSlots(rows);
      const result = replaceSampledCall({
        calls: pool.map(toSamplingCall),
        sampledIds: slots.map((r) => String(r.callId)),
        replacedId: String(target.callId),
        previouslyReplacedIds: rows.filter((r) => r.replacedAt !== null).map((r) => String(r.callId)),
        minCallSeconds: parameters.minCallSeconds,
        seed: sample.seed,
      });
      if (result.replacementId === null) throw new AppError('sample_no_replacement');

      markSampledCallReplaced(tx, { sampledCallId: target.id, replacedBy: actor.userId, reason: params.reason, at: params.nowMs });
      insertSampledCall(tx, { sampleId: sample.id, callId: Number(result.replacementId), slot: target.slot, createdAt: params.nowMs });
      const ctx = loadProgramContext(tx, trainee.orgId);
      recountDayCallFacts(tx, { traineeId: trainee.id, day: params.day });
      refreshTraineeStatus(tx, ctx, trainee, todayFor(ctx, params.nowMs));
      return { replacementCallId: Number(result.replacementId), duplicate: false };
    },
    { behavior: 'immediate' },
  );
}

export type ReplacementCheck = { slot: number; replacedCallId: number; storedCallId: number; recomputedCallId: number | null; matches: boolean };

export type SampleVerification = {
  supported: boolean;
  seed: string;
  algorithm: string;
  parameters: SampleParameters | null;
  poolSize: number;
  eligibleCount: number;
  storedDraw: number[];
  recomputedDraw: number[];
  drawMatches: boolean;
  shortfallMatches: boolean;
  replacements: ReplacementCheck[];
  matches: boolean;
};

/**
 * Replays a stored draw: sampleDailyCalls on the stored pool, seed and parameters must give the
 * calls first written in each slot, and replaying the swaps in the order they were made must
 * give each replacement. Read-only; anyone who may read the trainee may run it.
 */
export function verifyDailySample(db: DbOrTx, params: { sample: DailySampleRow; traineeId: number }): SampleVerification {
  const { sample } = params;
  const rows = listSampledCallRows(db, { sampleId: sample.id });
  const firstRowOfSlot = new Map<number, SampledCallRow>();
  for (const r of rows) if (!firstRowOfSlot.has(r.slot)) firstRowOfSlot.set(r.slot, r);
  const storedDraw = [...firstRowOfSlot.values()].sort((a, b) => a.slot - b.slot).map((r) => r.callId);
  const parameters = decodeSampleAlgorithm(sample.algorithm);
  const base = { seed: sample.seed, algorithm: sample.algorithm, parameters, storedDraw };
  if (!parameters || parameters.algorithm !== CALL_SAMPLING_ALGORITHM) {
    return { ...base, supported: false, poolSize: sample.poolCallIds.length, eligibleCount: 0, recomputedDraw: [], drawMatches: false, shortfallMatches: false, replacements: [], matches: false };
  }

  const pool = listCallsByIds(db, { traineeId: params.traineeId, callIds: sample.poolCallIds }).map(toSamplingCall);
  const draw = sampleDailyCalls({ calls: pool, count: parameters.count, minCallSeconds: parameters.minCallSeconds, seed: sample.seed });
  const recomputedDraw = draw.sampledIds.map(Number);
  const drawMatches = recomputedDraw.length === storedDraw.length && recomputedDraw.every((id, i) => id === storedDraw[i]);

  const replacements: ReplacementCheck[] = [];
  let state = draw.sampledIds.slice();
  const swappedOut: string[] = [];
  const firstIds = new Set([...firstRowOfSlot.values()].map((r) => r.id));
  for (const r of rows.filter((row) => !firstIds.has(row.id))) {
    const replacedId = state[r.slot];
    if (replacedId === undefined) {
      replacements.push({ slot: r.slot, replacedCallId: -1, storedCallId: r.callId, recomputedCallId: null, matches: false });
      continue;
    }
    const replay = replaceSampledCall({
      calls: pool,
      sampledIds: state,
      replacedId,
      previouslyReplacedIds: swappedOut,
      minCallSeconds: parameters.minCallSeconds,
      seed: sample.seed,
    });
    const recomputed = replay.replacementId === null ? null : Number(replay.replacementId);
    replacements.push({ slot: r.slot, replacedCallId: Number(replacedId), storedCallId: r.callId, recomputedCallId: recomputed, matches: recomputed === r.callId });
    swappedOut.push(replacedId);
    // Follow what was stored, so one mismatch doesn't make every later check fail too.
    state = state.slice();
    state[r.slot] = String(r.callId);
  }
  const shortfallMatches = draw.shortfall === sample.shortfall;
  return {
    ...base,
    supported: true,
    poolSize: draw.poolSize,
    eligibleCount: draw.eligibleCount,
    recomputedDraw,
    drawMatches,
    shortfallMatches,
    replacements,
    matches: drawMatches && shortfallMatches && replacements.every((c) => c.matches),
  };
}
