'use server';

import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/action';
import { changePassword } from './handlers';
import { changePasswordSchema, type ChangePasswordInput } from './schema';

const change = defineAction(changePasswordSchema, changePassword, { allowPendingPasswordChange: true });

/** On success the user goes to their home page; the session they are using stays signed in. */
export async function changePasswordAction(input: ChangePasswordInput) {
  const result = await change(input);
  if (result.ok) redirect('/');
  return result;
}
