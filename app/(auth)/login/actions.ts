'use server';

import { AuthError, CredentialsSignin } from 'next-auth';
import { signIn } from '@/lib/auth';
import { toFieldErrors, type ActionResult } from '@/lib/action';
import { signInSchema, type SignInInput } from './schema';

// Only same-site paths: an attacker's `next=https://evil` must not become an open redirect.
function safeNext(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

/** Not wrapped by defineAction: the caller is anonymous by definition. */
export async function signInAction(input: SignInInput): Promise<ActionResult<never>> {
  const parsed = signInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, fieldErrors: toFieldErrors(parsed.error) };
  try {
    await signIn('credentials', {
      username: parsed.data.username,
      password: parsed.data.password,
      redirectTo: safeNext(parsed.data.next),
    });
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === 'too_many_attempts') {
      return { ok: false, fieldErrors: {}, formError: 'auth.tooManyAttempts' };
    }
    if (error instanceof AuthError) return { ok: false, fieldErrors: {}, formError: 'auth.invalidCredentials' };
    throw error;
  }
  throw new Error('unreachable: signIn redirects on success');
}
