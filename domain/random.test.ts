import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareCodeUnits, createRandom, hashSeed, pickIndex, shuffleSeeded } from './random';

describe('hashSeed / createRandom', () => {
  // Golden values: stored draws are replayed from their seed, so these must never change.
  // If this test fails, the algorithm changed and every stored sample/quiz would replay differently.
  it('matches the frozen reference outputs', () => {
    expect(hashSeed('abc')).toEqual([1181011423, 830437656, 3964173471, 1611500297]);
    expect(hashSeed('')).toEqual([41608494, 3485963809, 1435736333, 1262568316]);
    const random = createRandom('call-sample:v1:trainee-1:2026-11-24:nonce');
    expect([random(), random(), random()]).toEqual([0.06215199059806764, 0.22919624485075474, 0.9841897643636912]);
    expect(shuffleSeeded(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'], 'golden')).toEqual(['a', 'j', 'c', 'd', 'g', 'b', 'f', 'h', 'i', 'e']);
  });

  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = createRandom('seed-1');
    const b = createRandom('seed-1');
    const c = createRandom('seed-2');
    const seqA = Array.from({ length: 20 }, () => a());
    const seqB = Array.from({ length: 20 }, () => b());
    const seqC = Array.from({ length: 20 }, () => c());
    expect(seqA).toEqual(seqB);
    expect(seqA).not.toEqual(seqC);
  });

  it('stays in [0, 1)', () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const random = createRandom(seed);
        for (let i = 0; i < 50; i++) {
          const x = random();
          if (!(x >= 0 && x < 1)) return false;
        }
        return true;
      }),
    );
  });

  it('hashes non-ASCII seeds (trainee names, Chinese ids) deterministically', () => {
    expect(hashSeed('新客服代表-张三')).toEqual(hashSeed('新客服代表-张三'));
    expect(hashSeed('新客服代表-张三')).not.toEqual(hashSeed('新客服代表-张四'));
  });
});

describe('pickIndex', () => {
  it.each([0, -1, 1.5, Number.NaN])('refuses maxExclusive %s', (n) => {
    expect(() => pickIndex(() => 0.5, n)).toThrow(RangeError);
  });

  it('maps the edges of [0, 1) into range', () => {
    expect(pickIndex(() => 0, 5)).toBe(0);
    expect(pickIndex(() => 0.9999999999, 5)).toBe(4);
  });
});

describe('shuffleSeeded', () => {
  it('returns a permutation and leaves the input alone', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.string(), (items, seed) => {
        const before = items.slice();
        const out = shuffleSeeded(items, seed);
        expect(items).toEqual(before);
        expect(out.slice().sort((x, y) => x - y)).toEqual(items.slice().sort((x, y) => x - y));
      }),
    );
  });

  it('handles empty and single-item lists', () => {
    expect(shuffleSeeded([], 's')).toEqual([]);
    expect(shuffleSeeded(['only'], 's')).toEqual(['only']);
  });

  it('is roughly uniform over the 6 orders of 3 items', () => {
    const counts = new Map<string, number>();
    const runs = 6000;
    for (let i = 0; i < runs; i++) {
      const key = shuffleSeeded(['a', 'b', 'c'], `uniformity-${i}`).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    for (const n of counts.values()) {
      expect(n).toBeGreaterThan(runs / 6 * 0.85);
      expect(n).toBeLessThan(runs / 6 * 1.15);
    }
  });

  it('accepts an already-seeded Random and continues its sequence', () => {
    const random = createRandom('shared');
    const first = shuffleSeeded([1, 2, 3, 4, 5], random);
    const second = shuffleSeeded([1, 2, 3, 4, 5], random);
    expect(first).toEqual(shuffleSeeded([1, 2, 3, 4, 5], 'shared'));
    expect(second).not.toEqual(first);
  });
});

describe('compareCodeUnits', () => {
  it.each([
    ['a', 'b', -1],
    ['b', 'a', 1],
    ['a', 'a', 0],
    ['B', 'a', -1], // uppercase sorts before lowercase: code units, not locale
    ['EXT-10', 'EXT-9', -1],
  ])('%s vs %s → %i', (a, b, expected) => {
    expect(compareCodeUnits(a, b)).toBe(expected);
  });
});
