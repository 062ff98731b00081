'use client';

import type { FieldPath, FieldValues, Path, UseFormSetError } from 'react-hook-form';
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

/**
 * Shows an action's refusal on a form that knows which fields it has: messages for those fields on
 * them, the rest above the form (a refusal with nothing to show says the input was invalid).
 */
export function showActionErrors<T extends FieldValues>(
  result: Extract<ActionResult<unknown>, { ok: false }>,
  setError: UseFormSetError<T>,
  setFormError: (message: string | undefined) => void,
  fields: readonly FieldPath<T>[],
): void {
  let shown = false;
  for (const [field, messages] of Object.entries(result.fieldErrors)) {
    if ((fields as readonly string[]).includes(field) && messages[0]) {
      setError(field as FieldPath<T>, { type: 'server', message: messages[0] });
      shown = true;
    }
  }
  setFormError(result.formError ?? (shown ? undefined : 'errors.invalid_input'));
}

/** A fresh idempotency key for the next submission of a form. */
export function newRequestKey(): string {
  return crypto.randomUUID().replace(/-/g, '');
}
