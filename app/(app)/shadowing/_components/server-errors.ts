// Shows an action's refusal on the form: field messages on their fields, the rest above the form.
import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import type { ActionResult } from '@/lib/action';

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
