import { describe, expect, it } from 'vitest';
import { decideSignInThrottle, SIGN_IN_FAILURE_LIMIT } from './sign-in-guard';

describe('decideSignInThrottle', () => {
  it('lets the first attempts through at full speed', () => {
    expect(decideSignInThrottle({ forAccount: 0, forAddress: 0 })).toEqual({ refused: false, delayMs: 0 });
    expect(decideSignInThrottle({ forAccount: 2, forAddress: 1 })).toEqual({ refused: false, delayMs: 0 });
  });
  it('slows down as failures accumulate', () => {
    const a = decideSignInThrottle({ forAccount: 4, forAddress: 0 }).delayMs;
    const b = decideSignInThrottle({ forAccount: 8, forAddress: 0 }).delayMs;
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThan(a);
  });
  it(`refuses at ${SIGN_IN_FAILURE_LIMIT} failures for the account or for the address`, () => {
    expect(decideSignInThrottle({ forAccount: SIGN_IN_FAILURE_LIMIT, forAddress: 0 }).refused).toBe(true);
    expect(decideSignInThrottle({ forAccount: 0, forAddress: SIGN_IN_FAILURE_LIMIT }).refused).toBe(true);
    expect(decideSignInThrottle({ forAccount: SIGN_IN_FAILURE_LIMIT - 1, forAddress: 0 }).refused).toBe(false);
  });
});
