// Brute-force brake for sign-in: slow down after a few failures, refuse at the limit.
// Counted per account and per address, so neither guessing one password nor spraying
// many accounts from one place gets far.
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;
export const SIGN_IN_FAILURE_LIMIT = 10;
const SLOWDOWN_AFTER = 3;
const SLOWDOWN_STEP_MS = 250;

export type ThrottleDecision = { refused: boolean; delayMs: number };

export function decideSignInThrottle(failures: { forAccount: number; forAddress: number }): ThrottleDecision {
  const worst = Math.max(failures.forAccount, failures.forAddress);
  if (worst >= SIGN_IN_FAILURE_LIMIT) return { refused: true, delayMs: 0 };
  const over = worst - SLOWDOWN_AFTER + 1;
  return { refused: false, delayMs: over > 0 ? Math.min(over * SLOWDOWN_STEP_MS, 2000) : 0 };
}
