// A signed-in user replaces their password: required after an initial or reset one-time password,
// available to anyone. The session in use stays valid (session_version is not bumped).
import { countRecentFailures, findUserById, recordLoginAttempt } from '@/db/queries/users';
import { changeOwnPassword } from '@/db/queries/user-admin';
import type { ActionContext } from '@/lib/action';
import { AppError } from '@/lib/errors';
import { hashPassword, verifyPassword } from '@/lib/password';
import { decideSignInThrottle, SIGN_IN_WINDOW_MS } from '@/lib/sign-in-guard';
import type { z } from '@/lib/validation';
import type { changePasswordSchema } from './schema';

// A stolen session must not become a way to guess the password: wrong current passwords count as
// failed sign-ins of the account, under the same brake.
const ADDRESS = 'change-password';

export async function changePassword(input: z.output<typeof changePasswordSchema>, { actor, db }: ActionContext, nowMs = Date.now()): Promise<{ changed: true }> {
  const user = findUserById(db, { userId: actor.userId });
  if (!user) throw new AppError('not_found');
  const { forAccount } = countRecentFailures(db, { username: user.username, ip: ADDRESS, since: nowMs - SIGN_IN_WINDOW_MS });
  if (decideSignInThrottle({ forAccount, forAddress: 0 }).refused) throw new AppError('rate_limited');
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) {
    recordLoginAttempt(db, { username: user.username, ip: ADDRESS, succeeded: false, at: nowMs });
    throw new AppError('wrong_current_password');
  }
  const passwordHash = await hashPassword(input.newPassword);
  db.transaction((tx) => changeOwnPassword(tx, { userId: user.id, passwordHash }), { behavior: 'immediate' });
  return { changed: true };
}
