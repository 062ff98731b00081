// Seeded randomness for draws that must be reproducible and auditable (sampled calls,
// quiz papers). Every draw stores its seed string; replaying the same seed on any
// machine, any Node version, must give the same result, so this uses only 32-bit
// integer arithmetic (Math.imul, >>>) and never Math.random().
//
// Changing either function below changes every stored draw's replay: don't. Add a
// new algorithm next to it and tag draws with its version instead.

/** A source of floats in [0, 1), like Math.random but seeded. */
export type Random = () => number;

/**
 * Hashes a string into four 32-bit words (cyrb128, public domain, bryc).
 * Works on UTF-16 code units, which are the same on every JS engine.
 */
export function hashSeed(seed: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** sfc32 (Small Fast Counter, public domain) seeded from a string. */
export function createRandom(seed: string): Random {
  let [a, b, c, d] = hashSeed(seed);
  const next: Random = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // Discard the first outputs: sfc32's earliest values are poorly mixed for similar seeds.
  for (let i = 0; i < 15; i++) next();
  return next;
}

/** An integer in [0, maxExclusive). */
export function pickIndex(random: Random, maxExclusive: number): number {
  if (!Number.isInteger(maxExclusive) || maxExclusive <= 0) {
    throw new RangeError(`pickIndex: maxExclusive must be a positive integer, got ${maxExclusive}`);
  }
  return Math.floor(random() * maxExclusive);
}

/**
 * Fisher–Yates shuffle driven by a seed (or an already-seeded Random).
 * Returns a new array; the input is not touched. The result depends on the input's
 * order, so callers that want order-independence sort their input by a stable key first.
 */
export function shuffleSeeded<T>(items: readonly T[], seed: string | Random): T[] {
  const random = typeof seed === 'string' ? createRandom(seed) : seed;
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = pickIndex(random, i + 1);
    const tmp = out[i] as T;
    out[i] = out[j] as T;
    out[j] = tmp;
  }
  return out;
}

/**
 * Orders strings by UTF-16 code unit, the same everywhere. localeCompare is not used
 * on purpose: its order depends on the ICU data of the machine running it.
 */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
