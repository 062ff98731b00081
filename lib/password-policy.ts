// The one password policy (OWASP ASVS 5.0 V6.2) for every password a person chooses: 8 to 128
// characters, counted as a person counts them (an emoji is one), any characters at all, and not
// one that guessing scripts try first. Generated one-time passwords meet it by construction, which
// lib/password-policy.test.ts checks; sign-in accepts anything up to 256 so no policy change locks anyone out.
import { isCommonPassword } from './common-passwords';
import { encodeMessage, z } from './validation';

export const PASSWORD_LENGTH = { min: 8, max: 128 } as const;

/** Unicode code points: '😀' is one character here, two UTF-16 units for String#length. */
export const passwordLength = (password: string) => Array.from(password).length;

export const newPasswordField = z.string().check(
  z.superRefine((password, ctx) => {
    const length = passwordLength(password);
    if (length < PASSWORD_LENGTH.min) {
      ctx.addIssue({ code: 'custom', message: encodeMessage('validation.too_short', { minimum: PASSWORD_LENGTH.min }) });
    } else if (length > PASSWORD_LENGTH.max) {
      ctx.addIssue({ code: 'custom', message: encodeMessage('validation.too_long', { maximum: PASSWORD_LENGTH.max }) });
    } else if (isCommonPassword(password.normalize('NFKC'))) {
      // Hashing normalises to NFKC (lib/password.ts): full-width ｐａｓｓｗｏｒｄ is the same password.
      ctx.addIssue({ code: 'custom', message: 'account.validation.common' });
    }
  }),
);

/** Whether a password meets the policy; for passwords the system generates rather than a person types. */
export function meetsPasswordPolicy(password: string): boolean {
  return newPasswordField.safeParse(password).success;
}
