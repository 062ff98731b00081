'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { FormError } from '@/components/form-messages';
import type { QuizKind } from '@/domain/classroom';
import { startAttemptAction } from './actions';

/** Starts (or resumes) an attempt and opens it. The server refuses what the rules don't allow. */
export function StartAttemptButton({
  kind,
  moduleId,
  label,
  primary = true,
}: {
  kind: QuizKind;
  moduleId?: string;
  label: string;
  primary?: boolean;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | undefined>();

  const start = () =>
    startTransition(async () => {
      setError(undefined);
      const result = await startAttemptAction({ kind, moduleId });
      if (result.ok) router.push(`/classroom/attempts/${result.data.attemptId}`);
      else setError(result.formError ?? 'errors.internal');
    });

  return (
    <div className="stack">
      <FormError message={error} />
      <button type="button" className={primary ? 'btn btn-primary' : 'btn'} onClick={start} disabled={pending}>
        {label}
      </button>
    </div>
  );
}
