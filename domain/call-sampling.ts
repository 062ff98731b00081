// Daily random sampling of a supervised trainee's calls for mentor review.
// seeds/000 篇二 四(二)4 3): each day 5 typical calls the trainee answered are drawn at random for the mentor.
//
// Reproducibility contract (algorithm 'v1'): the same pool, count, minCallSeconds and seed
// give the same sampledIds on any machine and for any input order. Callers store the
// seed, count and minCallSeconds with the draw so an auditor can replay it.
import * as z from 'zod/mini';
import { compareCodeUnits, shuffleSeeded } from './random';

export const CALL_SAMPLING_ALGORITHM = 'v1' as const;

/** The fields sampling needs; imported call rows may carry more (start time, direction, recording link). */
export interface SamplingCall {
  /** Our row id; what sampledIds contain. */
  id: string;
  /** The telephony system's call id; stable across re-imports, so it is the sort key. */
  externalId: string;
  durationSec: number;
}

export interface SampleDailyCallsInput {
  calls: readonly SamplingCall[];
  /** How many to draw (program setting; 5 by the source). */
  count: number;
  /** Calls shorter than this are not "typical" and are only used to top up (program setting). */
  minCallSeconds: number;
  seed: string;
}

export interface DailyCallSample {
  /** In draw order. */
  sampledIds: string[];
  /** Of sampledIds, those under minCallSeconds that were used to top up; the UI marks them. */
  shortCallIds: string[];
  /** Connected calls in the pool (duration > 0). */
  poolSize: number;
  /** Calls of at least minCallSeconds. */
  eligibleCount: number;
  /** count − sampledIds.length: how many reviews the day is short of; shown, not hidden. */
  shortfall: number;
  count: number;
  minCallSeconds: number;
  seed: string;
  algorithm: typeof CALL_SAMPLING_ALGORITHM;
}

/**
 * Draws `count` calls: a seeded shuffle of the typical calls (≥ minCallSeconds).
 *
 * When fewer typical calls exist than `count`, the draw is topped up with the short calls,
 * longest first, and whatever is still missing is reported as `shortfall`. SPEC: "Fewer than
 * 5 calls in the pool → all are sampled and the shortfall is shown": a trainee with 4 calls
 * of which one is 20 s gets all 4 reviewed rather than 3. Calls with no talk time
 * (duration ≤ 0: unanswered or failed) are never sampled; there is nothing to review.
 */
export function sampleDailyCalls(input: SampleDailyCallsInput): DailyCallSample {
  const { count, minCallSeconds, seed } = input;
  assertSamplingParams(count, minCallSeconds);
  const pool = toSortedPool(input.calls);
  const eligible = pool.filter((c) => c.durationSec >= minCallSeconds);
  const short = pool.filter((c) => c.durationSec < minCallSeconds);

  const drawn = shuffleSeeded(eligible, seed).slice(0, count);
  const topUp = orderShortCalls(short).slice(0, count - drawn.length);
  const sampledIds = [...drawn, ...topUp].map((c) => c.id);

  return {
    sampledIds,
    shortCallIds: topUp.map((c) => c.id),
    poolSize: pool.length,
    eligibleCount: eligible.length,
    shortfall: count - sampledIds.length,
    count,
    minCallSeconds,
    seed,
    algorithm: CALL_SAMPLING_ALGORITHM,
  };
}

export interface ReplaceSampledCallInput {
  calls: readonly SamplingCall[];
  /** The day's current sample, in order. */
  sampledIds: readonly string[];
  /** The sampled call the mentor wants to swap out. */
  replacedId: string;
  /** Calls swapped out earlier that day; they must not come back. */
  previouslyReplacedIds?: readonly string[];
  minCallSeconds: number;
  /** The day's stored draw seed. */
  seed: string;
}

export interface SampledCallReplacement {
  /** null when no other call is left; the sample is then unchanged and the swap should be refused. */
  replacementId: string | null;
  /** The new sample with the replacement in the replaced call's position. */
  sampledIds: string[];
}

/**
 * Picks a replacement for one sampled call, deterministically from the same seed: a seeded
 * shuffle (sub-seed per replaced call) of the typical calls not yet sampled nor swapped out,
 * falling back to the longest remaining short call. Replaying the day's swap events in
 * order reproduces the final sample.
 */
export function replaceSampledCall(input: ReplaceSampledCallInput): SampledCallReplacement {
  const { sampledIds, replacedId, minCallSeconds, seed } = input;
  assertSamplingParams(1, minCallSeconds);
  const position = sampledIds.indexOf(replacedId);
  if (position === -1) {
    throw new Error(`replaceSampledCall: call ${replacedId} is not in the sample`);
  }
  const taken = new Set<string>([...sampledIds, ...(input.previouslyReplacedIds ?? [])]);
  const remaining = toSortedPool(input.calls).filter((c) => !taken.has(c.id));
  const eligible = remaining.filter((c) => c.durationSec >= minCallSeconds);
  const short = remaining.filter((c) => c.durationSec < minCallSeconds);

  const pick =
    shuffleSeeded(eligible, `${seed}|replace|${replacedId}`)[0] ?? orderShortCalls(short)[0] ?? null;
  if (pick === null) return { replacementId: null, sampledIds: sampledIds.slice() };

  const next = sampledIds.slice();
  next[position] = pick.id;
  return { replacementId: pick.id, sampledIds: next };
}

/**
 * The seed for one trainee's draw on one day. `nonce` is fresh randomness from the caller
 * (e.g. crypto.randomUUID()), so nobody can work out tomorrow's sample in advance; once
 * stored, the seed replays the draw exactly.
 */
export function createSampleSeed(traineeId: string, day: string, nonce: string): string {
  if (traineeId.length === 0) throw new Error('createSampleSeed: traineeId is empty');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new Error(`createSampleSeed: day must be YYYY-MM-DD, got ${day}`);
  if (nonce.length === 0) throw new Error('createSampleSeed: nonce is empty');
  return `call-sample:${CALL_SAMPLING_ALGORITHM}:${traineeId}:${day}:${nonce}`;
}

/** The mentor's request to swap a sampled call: SPEC says never without a reason. */
export const sampledCallReplacementSchema = z.object({
  sampledCallId: z.string({ error: 'sampling.callRequired' }).check(z.minLength(1, { error: 'sampling.callRequired' })),
  reason: z
    .string({ error: 'sampling.reasonRequired' })
    .check(z.trim(), z.minLength(1, { error: 'sampling.reasonRequired' }), z.maxLength(500, { error: 'sampling.reasonTooLong' })),
});
export type SampledCallReplacementInput = z.output<typeof sampledCallReplacementSchema>;

function assertSamplingParams(count: number, minCallSeconds: number): void {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`call sampling: count must be a non-negative integer, got ${count}`);
  if (!Number.isFinite(minCallSeconds) || minCallSeconds < 0) {
    throw new RangeError(`call sampling: minCallSeconds must be ≥ 0, got ${minCallSeconds}`);
  }
}

/** Connected calls sorted by a key that doesn't depend on how the caller ordered them. */
function toSortedPool(calls: readonly SamplingCall[]): SamplingCall[] {
  const seen = new Set<string>();
  for (const c of calls) {
    if (seen.has(c.id)) throw new Error(`call sampling: duplicate call id ${c.id}`);
    seen.add(c.id);
  }
  return calls
    .filter((c) => c.durationSec > 0)
    .slice()
    .sort((a, b) => compareCodeUnits(a.externalId, b.externalId) || compareCodeUnits(a.id, b.id));
}

/** Longest first: among short calls, the longer ones are the closer to a typical call. */
function orderShortCalls(short: readonly SamplingCall[]): SamplingCall[] {
  return short.slice().sort((a, b) => b.durationSec - a.durationSec || compareCodeUnits(a.externalId, b.externalId) || compareCodeUnits(a.id, b.id));
}
