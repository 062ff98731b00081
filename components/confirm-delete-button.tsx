'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { FormError } from '@/components/form-messages';
import type { ActionResult } from '@/lib/action';

/**
 * Two taps to delete: a stray touch on a phone doesn't lose anything. `action` is a server action
 * with its arguments already bound (`deleteX.bind(null, { id })`); labels come translated from the page.
 */
export function ConfirmDeleteButton({
  action,
  labels,
}: {
  action: () => Promise<ActionResult<unknown>>;
  labels: { delete: string; confirm: string; keep: string };
}) {
  const router = useRouter();
  const [armed, setArmed] = useState(false);
  const [pending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | undefined>();

  const remove = () =>
    startTransition(async () => {
      const result = await action();
      if (!result.ok) setFormError(result.formError ?? 'errors.invalid_input');
      else router.refresh();
    });

  return (
    <div className="inline">
      <FormError message={formError} />
      {armed ? (
        <>
          <button type="button" className="btn btn-small btn-danger" onClick={remove} disabled={pending}>
            {labels.confirm}
          </button>
          <button type="button" className="btn btn-small" onClick={() => setArmed(false)} disabled={pending}>
            {labels.keep}
          </button>
        </>
      ) : (
        <button type="button" className="btn btn-small" onClick={() => setArmed(true)}>
          {labels.delete}
        </button>
      )}
    </div>
  );
}
