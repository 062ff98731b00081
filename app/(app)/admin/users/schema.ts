import { usernameField } from '@/app/(app)/lead/enrol/schema';
import { requiredText, z } from '@/lib/validation';

/** Roles an admin hands out. `trainee` comes only with enrolment, which also creates the training record. */
export const STAFF_ROLES = ['mentor', 'qa', 'lead', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

const staffRoles = z.pipe(
  z.array(z.enum(STAFF_ROLES)).check(z.maxLength(STAFF_ROLES.length)),
  z.transform((roles: StaffRole[]) => [...new Set(roles)]),
);

export const createStaffUserSchema = z.object({
  username: usernameField,
  displayName: requiredText(80),
  roles: z.pipe(staffRoles, z.array(z.enum(STAFF_ROLES)).check(z.minLength(1, 'users.validation.pickRole'))),
});
export type CreateStaffUserInput = z.input<typeof createStaffUserSchema>;

const userId = z.int().check(z.positive());

/** A trainee keeps the trainee role whatever is ticked; a staff member needs at least one role (checked by the handler). */
export const updateUserSchema = z.object({
  userId,
  displayName: requiredText(80),
  roles: staffRoles,
});
export type UpdateUserInput = z.input<typeof updateUserSchema>;

export const setUserDisabledSchema = z.object({ userId, disabled: z.boolean() });
export type SetUserDisabledInput = z.input<typeof setUserDisabledSchema>;

export const resetPasswordSchema = z.object({ userId });
export type ResetPasswordInput = z.input<typeof resetPasswordSchema>;
