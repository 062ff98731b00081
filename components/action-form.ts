'use client';

import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { ActionResult } from '@/lib/action';

/** Puts a server action's field errors on the react-hook-form fields; returns the form-level message. */
export function applyActionResult<T extends FieldValues>(
  result: ActionResult<unknown>,
  setError: UseFormSetError<T>,
): string | undefined {
  if (result.ok) return undefined;
  for (const [field, messages] of Object.entries(result.fieldErrors)) {
    if (field !== '_form' && messages[0]) setError(field as Path<T>, { type: 'server', message: messages[0] });
  }
  return result.formError;
}

/** A fresh idempotency key for the next submission of a form. */
export function newRequestKey(): string {
  return crypto.randomUUID().replace(/-/g, '');
}
