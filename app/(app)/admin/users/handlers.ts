// An admin manages the organisation's accounts. Role changes, disabling and password resets end
// the user's current sessions (users.session_version, checked on every request by lib/session.ts).
// An admin can't lock themself out: their own admin role and account stay.
import { findTakenUsernames } from '@/db/queries/enrolment';
import {
  countCurrentMentees,
  getUserForAdmin,
  insertStaffUser,
  resetUserPassword,
  setUserDisabled,
  updateUserAccount,
} from '@/db/queries/user-admin';
import type { Role } from '@/db/schema';
import { assertCanInOrg } from '@/lib/access';
import type { ActionContext } from '@/lib/action';
import { AppError } from '@/lib/errors';
import { generateOneTimePassword } from '@/lib/one-time-password';
import { hashPassword } from '@/lib/password';
import type { z } from '@/lib/validation';
import type { createStaffUserSchema, resetPasswordSchema, setUserDisabledSchema, updateUserSchema } from './schema';

export type OneTimeCredential = { userId: number; username: string; displayName: string; initialPassword: string };

export async function createStaffUser(input: z.output<typeof createStaffUserSchema>, { actor, db }: ActionContext): Promise<OneTimeCredential> {
  assertCanInOrg(actor, 'users.manage');
  if (findTakenUsernames(db, { usernames: [input.username] }).size > 0) throw new AppError('username_taken');
  const initialPassword = generateOneTimePassword();
  const passwordHash = await hashPassword(initialPassword);
  // A double-clicked "create" meets the unique username and is refused: the password shown is the first one's.
  const created = db.transaction(
    (tx) => {
      if (findTakenUsernames(tx, { usernames: [input.username] }).size > 0) throw new AppError('username_taken');
      return insertStaffUser(tx, { orgId: actor.orgId, username: input.username, displayName: input.displayName, passwordHash, roles: input.roles });
    },
    { behavior: 'immediate' },
  );
  return { userId: created.id, username: input.username, displayName: input.displayName, initialPassword };
}

export function updateUser(input: z.output<typeof updateUserSchema>, { actor, db }: ActionContext): { rolesChanged: boolean } {
  assertCanInOrg(actor, 'users.manage');
  return db.transaction(
    (tx) => {
      const user = getUserForAdmin(tx, { orgId: actor.orgId, userId: input.userId });
      if (!user) throw new AppError('not_found');
      const isSelf = user.id === actor.userId;
      const roles: Role[] = [...(user.isTrainee ? (['trainee'] as Role[]) : []), ...input.roles];
      if (roles.length === 0) throw new AppError('user_needs_role');
      if (isSelf && user.roles.includes('admin') && !roles.includes('admin')) throw new AppError('cannot_remove_own_admin');
      if (user.roles.includes('mentor') && !roles.includes('mentor')) {
        const mentees = countCurrentMentees(tx, { orgId: actor.orgId, mentorId: user.id });
        if (mentees > 0) throw new AppError('mentor_has_mentees');
      }
      // The admin's own session survives their own edit: roles are re-read on every request anyway,
      // and signing someone out in the middle of the page they are using helps nobody.
      return updateUserAccount(tx, { orgId: actor.orgId, userId: user.id, displayName: input.displayName, roles, endSessions: !isSelf });
    },
    { behavior: 'immediate' },
  );
}

export function setDisabled(input: z.output<typeof setUserDisabledSchema>, { actor, db }: ActionContext): { disabled: boolean } {
  assertCanInOrg(actor, 'users.manage');
  if (input.userId === actor.userId && input.disabled) throw new AppError('cannot_disable_self');
  return db.transaction(
    (tx) => {
      const user = getUserForAdmin(tx, { orgId: actor.orgId, userId: input.userId });
      if (!user) throw new AppError('not_found');
      if (user.disabled !== input.disabled) setUserDisabled(tx, { orgId: actor.orgId, userId: user.id, disabled: input.disabled });
      return { disabled: input.disabled };
    },
    { behavior: 'immediate' },
  );
}

export async function resetPassword(input: z.output<typeof resetPasswordSchema>, { actor, db }: ActionContext): Promise<OneTimeCredential> {
  assertCanInOrg(actor, 'users.manage');
  // Resetting one's own password would sign the admin out with a password they must then change: use the change page.
  if (input.userId === actor.userId) throw new AppError('cannot_reset_own_password');
  const user = getUserForAdmin(db, { orgId: actor.orgId, userId: input.userId });
  if (!user) throw new AppError('not_found');
  const initialPassword = generateOneTimePassword();
  const passwordHash = await hashPassword(initialPassword);
  db.transaction((tx) => resetUserPassword(tx, { orgId: actor.orgId, userId: user.id, passwordHash }), { behavior: 'immediate' });
  return { userId: user.id, username: user.username, displayName: user.displayName, initialPassword };
}
