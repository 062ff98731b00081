import { isCommonPassword } from '@/lib/common-passwords';
import { z } from '@/lib/validation';

export const PASSWORD_LENGTH = { min: 8, max: 128 } as const;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1).max(256),
    newPassword: z
      .string()
      .min(PASSWORD_LENGTH.min)
      .max(PASSWORD_LENGTH.max)
      .refine((pw) => !isCommonPassword(pw), 'account.validation.common'),
    confirmPassword: z.string().min(1).max(PASSWORD_LENGTH.max),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'account.validation.mismatch' })
  .refine((v) => v.newPassword !== v.currentPassword, { path: ['newPassword'], message: 'account.validation.sameAsCurrent' });
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;
