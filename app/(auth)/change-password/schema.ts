import { newPasswordField, PASSWORD_LENGTH } from '@/lib/password-policy';
import { z } from '@/lib/validation';

export { PASSWORD_LENGTH };

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().check(z.minLength(1), z.maxLength(256)),
    newPassword: newPasswordField,
    // Code units, not characters: 128 characters of astral script are up to 256 units.
    confirmPassword: z.string().check(z.minLength(1), z.maxLength(PASSWORD_LENGTH.max * 2)),
  })
  .check(
    z.refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'account.validation.mismatch' }),
    z.refine((v) => v.newPassword !== v.currentPassword, { path: ['newPassword'], message: 'account.validation.sameAsCurrent' }),
  );
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;
