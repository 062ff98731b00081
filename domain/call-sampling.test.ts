import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createSampleSeed,
  replaceSampledCall,
  sampleDailyCalls,
  sampledCallReplacementSchema,
  type SamplingCall,
} from './call-sampling';
import { shuffleSeeded } from './random';

const DURATIONS = [45, 20, 300, 90, 10, 61, 0, 125, 30, 29, 240, 75];
/** c1..c12; c2 (20 s), c5 (10 s), c10 (29 s) are short, c7 (0 s) was never connected. */
const DAY_CALLS: SamplingCall[] = DURATIONS.map((durationSec, i) => ({
  id: `c${i + 1}`,
  externalId: `EXT-${String(i + 1).padStart(3, '0')}`,
  durationSec,
}));
const STORED_SEED = 'call-sample:v1:trainee-1:2026-11-24:7f3c';
const SETTINGS = { count: 5, minCallSeconds: 30 };

function calls(...durations: number[]): SamplingCall[] {
  return durations.map((durationSec, i) => ({ id: `id-${i}`, externalId: `ext-${i}`, durationSec }));
}

describe('sampleDailyCalls', () => {
  it('replays a stored draw exactly (audit)', () => {
    // Frozen: the draw a mentor saw on that day. Changing the algorithm must not change it.
    expect(sampleDailyCalls({ calls: DAY_CALLS, ...SETTINGS, seed: STORED_SEED })).toEqual({
      sampledIds: ['c3', 'c12', 'c4', 'c11', 'c8'],
      shortCallIds: [],
      poolSize: 11,
      eligibleCount: 8,
      shortfall: 0,
      count: 5,
      minCallSeconds: 30,
      seed: STORED_SEED,
      algorithm: 'v1',
    });
  });

  it('gives the same draw whatever order the calls arrive in', () => {
    const expected = sampleDailyCalls({ calls: DAY_CALLS, ...SETTINGS, seed: STORED_SEED });
    for (const order of ['a', 'b', 'c', 'd']) {
      const shuffled = shuffleSeeded(DAY_CALLS, `input-order-${order}`);
      expect(sampleDailyCalls({ calls: shuffled, ...SETTINGS, seed: STORED_SEED })).toEqual(expected);
    }
    expect(sampleDailyCalls({ calls: DAY_CALLS.slice().reverse(), ...SETTINGS, seed: STORED_SEED })).toEqual(expected);
  });

  it('draws differently for different seeds', () => {
    const draws = new Set(
      ['n1', 'n2', 'n3', 'n4', 'n5'].map((n) => sampleDailyCalls({ calls: DAY_CALLS, ...SETTINGS, seed: n }).sampledIds.join(',')),
    );
    expect(draws.size).toBeGreaterThan(1);
  });

  it('never samples a call under minCallSeconds while typical calls remain', () => {
    for (let i = 0; i < 50; i++) {
      const { sampledIds } = sampleDailyCalls({ calls: DAY_CALLS, ...SETTINGS, seed: `s${i}` });
      expect(sampledIds).not.toContain('c2');
      expect(sampledIds).not.toContain('c5');
      expect(sampledIds).not.toContain('c10');
    }
  });

  it.each([
    // [case, durations, count, minCallSeconds, eligibleCount, sampled, shortCalls, shortfall]
    ['empty day', [], 5, 30, 0, 0, 0, 5],
    ['exactly 5 typical', [31, 40, 50, 60, 70], 5, 30, 5, 5, 0, 0],
    ['4 calls, all typical', [31, 40, 50, 60], 5, 30, 4, 4, 0, 1],
    ['3 typical + 2 short → topped up to 5', [100, 200, 300, 5, 25], 5, 30, 3, 5, 2, 0],
    ['2 typical + 1 short → all 3, shortfall 2', [100, 200, 12], 5, 30, 2, 3, 1, 2],
    ['only short calls → all sampled', [5, 10, 15], 5, 30, 0, 3, 3, 2],
    ['unconnected calls never sampled', [0, 0, 100], 5, 30, 1, 1, 0, 4],
    ['exactly minCallSeconds is typical', [30, 30], 2, 30, 2, 2, 0, 0],
    ['minCallSeconds 0 → every connected call typical', [1, 2, 3], 2, 0, 3, 2, 0, 0],
    ['count 0 samples nothing', [100, 200], 0, 30, 2, 0, 0, 0],
  ] as const)('%s', (_name, durations, count, minCallSeconds, eligibleCount, sampled, shortCalls, shortfall) => {
    const result = sampleDailyCalls({ calls: calls(...durations), count, minCallSeconds, seed: 'table' });
    expect(result.eligibleCount).toBe(eligibleCount);
    expect(result.sampledIds).toHaveLength(sampled);
    expect(result.shortCallIds).toHaveLength(shortCalls);
    expect(result.shortfall).toBe(shortfall);
    expect(new Set(result.sampledIds).size).toBe(result.sampledIds.length);
  });

  it('tops up with the longest short calls first, after the typical ones', () => {
    const pool = calls(100, 5, 25, 15, 200, 29);
    const result = sampleDailyCalls({ calls: pool, count: 4, minCallSeconds: 30, seed: 'top-up' });
    expect(result.sampledIds.slice(0, 2).sort()).toEqual(['id-0', 'id-4']);
    expect(result.sampledIds.slice(2)).toEqual(['id-5', 'id-2']); // 29 s, then 25 s
    expect(result.shortCallIds).toEqual(['id-5', 'id-2']);
  });

  it('refuses duplicate call ids and nonsense settings', () => {
    const dup = [...calls(100), { id: 'id-0', externalId: 'other', durationSec: 50 }];
    expect(() => sampleDailyCalls({ calls: dup, count: 5, minCallSeconds: 30, seed: 's' })).toThrow(/duplicate/);
    expect(() => sampleDailyCalls({ calls: [], count: -1, minCallSeconds: 30, seed: 's' })).toThrow(RangeError);
    expect(() => sampleDailyCalls({ calls: [], count: 2.5, minCallSeconds: 30, seed: 's' })).toThrow(RangeError);
    expect(() => sampleDailyCalls({ calls: [], count: 5, minCallSeconds: -1, seed: 's' })).toThrow(RangeError);
  });

  describe('properties', () => {
    const callArb = fc.uniqueArray(
      fc.record({
        id: fc.string({ minLength: 1, maxLength: 6 }),
        externalId: fc.string({ maxLength: 6 }),
        durationSec: fc.integer({ min: 0, max: 900 }),
      }),
      { selector: (c) => c.id, maxLength: 40 },
    );
    const params = fc.record({ count: fc.integer({ min: 0, max: 10 }), minCallSeconds: fc.integer({ min: 0, max: 120 }), seed: fc.string() });

    it('samples a subset of the connected pool, min(count, pool) of them, typical calls first', () => {
      fc.assert(
        fc.property(callArb, params, (pool, { count, minCallSeconds, seed }) => {
          const r = sampleDailyCalls({ calls: pool, count, minCallSeconds, seed });
          const connected = pool.filter((c) => c.durationSec > 0);
          const eligible = connected.filter((c) => c.durationSec >= minCallSeconds);
          const connectedIds = new Set(connected.map((c) => c.id));
          expect(r.sampledIds.every((id) => connectedIds.has(id))).toBe(true);
          expect(new Set(r.sampledIds).size).toBe(r.sampledIds.length);
          expect(r.sampledIds).toHaveLength(Math.min(count, connected.length));
          expect(r.eligibleCount).toBe(eligible.length);
          expect(r.shortfall).toBe(count - r.sampledIds.length);
          // The typical part is min(count, eligible); short calls appear only as top-up.
          const typicalIds = new Set(eligible.map((c) => c.id));
          const typicalDrawn = r.sampledIds.filter((id) => typicalIds.has(id));
          expect(typicalDrawn).toHaveLength(Math.min(count, eligible.length));
          expect(r.sampledIds.slice(0, typicalDrawn.length)).toEqual(typicalDrawn);
        }),
      );
    });

    it('is deterministic in (pool, seed) regardless of input order', () => {
      fc.assert(
        fc.property(callArb, params, fc.string(), (pool, { count, minCallSeconds, seed }, orderSeed) => {
          const a = sampleDailyCalls({ calls: pool, count, minCallSeconds, seed });
          const b = sampleDailyCalls({ calls: shuffleSeeded(pool, orderSeed), count, minCallSeconds, seed });
          expect(b).toEqual(a);
        }),
      );
    });
  });
});

describe('replaceSampledCall', () => {
  const draw = sampleDailyCalls({ calls: DAY_CALLS, ...SETTINGS, seed: STORED_SEED });

  it('puts a typical, unsampled call in the replaced call’s place', () => {
    const replacedId = draw.sampledIds[1] as string;
    const result = replaceSampledCall({ calls: DAY_CALLS, sampledIds: draw.sampledIds, replacedId, minCallSeconds: 30, seed: STORED_SEED });
    expect(result.replacementId).not.toBeNull();
    expect(draw.sampledIds).not.toContain(result.replacementId);
    expect(['c1', 'c6', 'c9']).toContain(result.replacementId); // the typical calls left: 45 s, 61 s, 30 s
    expect(result.sampledIds).toHaveLength(5);
    expect(result.sampledIds[1]).toBe(result.replacementId);
    expect(result.sampledIds.filter((_, i) => i !== 1)).toEqual(draw.sampledIds.filter((_, i) => i !== 1));
  });

  it('is reproducible and independent of input order', () => {
    const input = { sampledIds: draw.sampledIds, replacedId: 'c4', minCallSeconds: 30, seed: STORED_SEED };
    const a = replaceSampledCall({ ...input, calls: DAY_CALLS });
    const b = replaceSampledCall({ ...input, calls: DAY_CALLS.slice().reverse() });
    expect(b).toEqual(a);
  });

  it('never brings back a call swapped out earlier, and falls back to short calls, then to nothing', () => {
    // Replay a day of swaps: each swap removes one call for good.
    let sampledIds = draw.sampledIds;
    const swappedOut: string[] = [];
    const replacements: (string | null)[] = [];
    for (let i = 0; i < 7; i++) {
      const replacedId = sampledIds[0] as string;
      const r = replaceSampledCall({ calls: DAY_CALLS, sampledIds, replacedId, previouslyReplacedIds: swappedOut, minCallSeconds: 30, seed: STORED_SEED });
      replacements.push(r.replacementId);
      if (r.replacementId === null) {
        expect(r.sampledIds).toEqual(sampledIds);
        break;
      }
      swappedOut.push(replacedId);
      expect(swappedOut).not.toContain(r.replacementId);
      sampledIds = r.sampledIds;
    }
    // 3 typical calls left (c1, c6, c9), then the short ones longest first (c10 29 s, c2 20 s, c5 10 s), then none.
    expect(replacements.slice(0, 3).sort()).toEqual(['c1', 'c6', 'c9']);
    expect(replacements.slice(3)).toEqual(['c10', 'c2', 'c5', null]);
  });

  it('refuses to replace a call that is not in the sample', () => {
    expect(() =>
      replaceSampledCall({ calls: DAY_CALLS, sampledIds: draw.sampledIds, replacedId: 'c2', minCallSeconds: 30, seed: STORED_SEED }),
    ).toThrow(/not in the sample/);
  });
});

describe('createSampleSeed', () => {
  it('combines trainee, day and nonce with the algorithm version', () => {
    expect(createSampleSeed('t-42', '2026-11-24', 'a1b2')).toBe('call-sample:v1:t-42:2026-11-24:a1b2');
  });

  it.each([
    ['', '2026-11-24', 'n'],
    ['t', '24/11/2026', 'n'],
    ['t', '2026-11-24', ''],
  ])('refuses (%j, %j, %j)', (trainee, day, nonce) => {
    expect(() => createSampleSeed(trainee, day, nonce)).toThrow();
  });
});

describe('sampledCallReplacementSchema', () => {
  it.each([
    [{ sampledCallId: 'c1', reason: '' }, 'reason', 'sampling.reasonRequired'],
    [{ sampledCallId: 'c1', reason: '   ' }, 'reason', 'sampling.reasonRequired'],
    [{ sampledCallId: 'c1' }, 'reason', 'sampling.reasonRequired'],
    [{ sampledCallId: 'c1', reason: 'x'.repeat(501) }, 'reason', 'sampling.reasonTooLong'],
    [{ sampledCallId: '', reason: '录音缺失' }, 'sampledCallId', 'sampling.callRequired'],
  ])('refuses %j with a code', (input, path, code) => {
    const result = sampledCallReplacementSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toContainEqual([path, code]);
  });

  it('accepts a reason and trims it', () => {
    expect(sampledCallReplacementSchema.parse({ sampledCallId: 'c1', reason: ' 录音缺失，无法点评 ' })).toEqual({
      sampledCallId: 'c1',
      reason: '录音缺失，无法点评',
    });
  });
});
