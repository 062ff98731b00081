// The sign-in brake over time (lib/sign-in-guard.ts + db/queries/users.ts): ten failures for one
// account or from one address within 15 minutes refuse further attempts — even with the right
// password — until the oldest of them leaves the window. Explicit instants, no clock.
import { describe, expect, it } from 'vitest';
import { countRecentFailures, recordLoginAttempt } from '@/db/queries/users';
import { decideSignInThrottle, SIGN_IN_FAILURE_LIMIT, SIGN_IN_WINDOW_MS } from '@/lib/sign-in-guard';
import { createTestDb } from '@/lib/test/db';

const T0 = Date.UTC(2026, 10, 25, 2, 0, 0);
const SECOND = 1000;
const MINUTE = 60 * SECOND;

function brakeAt(db: ReturnType<typeof createTestDb>, username: string, ip: string, now: number) {
  return decideSignInThrottle(countRecentFailures(db, { username, ip, since: now - SIGN_IN_WINDOW_MS }));
}

describe('the sign-in failure window', () => {
  it('refuses from the tenth failure of an account until fifteen minutes after the first have passed', () => {
    const db = createTestDb();
    // Ten wrong passwords for one account, a second apart, each from a different address.
    for (let i = 0; i < SIGN_IN_FAILURE_LIMIT; i++) {
      recordLoginAttempt(db, { username: 'trainee4', ip: `198.51.100.${i}`, succeeded: false, at: T0 + i * SECOND });
    }
    const fresh = '203.0.113.9';
    expect(brakeAt(db, 'trainee4', fresh, T0 + 10 * SECOND).refused).toBe(true);
    expect(brakeAt(db, 'trainee4', fresh, T0 + 14 * MINUTE).refused).toBe(true);
    // The first failure leaves the window: nine remain, slowed but let through.
    const afterFirst = brakeAt(db, 'trainee4', fresh, T0 + SIGN_IN_WINDOW_MS + 1);
    expect(afterFirst.refused).toBe(false);
    expect(afterFirst.delayMs).toBeGreaterThan(0);
    // Once the last has left it too, the account signs in at full speed.
    expect(brakeAt(db, 'trainee4', fresh, T0 + 9 * SECOND + SIGN_IN_WINDOW_MS + 1)).toEqual({ refused: false, delayMs: 0 });
    // Another account is untouched all along.
    expect(brakeAt(db, 'trainee6', fresh, T0 + 10 * SECOND)).toEqual({ refused: false, delayMs: 0 });
  });

  it('refuses an address that sprayed ten accounts, for every account, for the same window', () => {
    const db = createTestDb();
    const ip = '198.51.100.77';
    for (let i = 0; i < SIGN_IN_FAILURE_LIMIT; i++) recordLoginAttempt(db, { username: `user${i}`, ip, succeeded: false, at: T0 + i * SECOND });
    expect(brakeAt(db, 'lead', ip, T0 + 5 * MINUTE).refused).toBe(true);
    expect(brakeAt(db, 'lead', '198.51.100.78', T0 + 5 * MINUTE).refused).toBe(false);
    expect(brakeAt(db, 'lead', ip, T0 + 9 * SECOND + SIGN_IN_WINDOW_MS + 1).refused).toBe(false);
  });

  it('counts failures only: successful sign-ins neither add to nor clear the count', () => {
    const db = createTestDb();
    for (let i = 0; i < SIGN_IN_FAILURE_LIMIT - 1; i++) recordLoginAttempt(db, { username: 'qa', ip: '198.51.100.1', succeeded: false, at: T0 + i });
    for (let i = 0; i < 20; i++) recordLoginAttempt(db, { username: 'qa', ip: '198.51.100.1', succeeded: true, at: T0 + 100 + i });
    expect(brakeAt(db, 'qa', '198.51.100.2', T0 + MINUTE).refused).toBe(false);
    recordLoginAttempt(db, { username: 'qa', ip: '198.51.100.1', succeeded: false, at: T0 + 2 * MINUTE });
    expect(brakeAt(db, 'qa', '198.51.100.2', T0 + 3 * MINUTE).refused).toBe(true);
  });
});
