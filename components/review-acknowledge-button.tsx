'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import { FormError } from '@/components/form-messages';
import type { ActionResult } from '@/lib/action';

export type AcknowledgeReviewAction = (input: { traineeId: number; reviewId: number }) => Promise<ActionResult<{ acknowledgedAt: number; alreadyAcknowledged: boolean }>>;

/** The trainee confirms they have read the review; recorded once. */
export function ReviewAcknowledgeButton({ traineeId, reviewId, action }: { traineeId: number; reviewId: number; action: AcknowledgeReviewAction }) {
  const t = useTranslations('review');
  const tc = useTranslations('common');
  const router = useRouter();
  const [error, setError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();
  return (
    <div className="stack">
      <FormError message={error} />
      <p className="hint">{t('acknowledgeHint')}</p>
      <div>
        <button
          type="button"
          className="btn btn-primary"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              setError(undefined);
              const result = await action({ traineeId, reviewId });
              if (result.ok) router.refresh();
              else setError(result.formError ?? 'errors.internal');
            })
          }
        >
          {pending ? tc('submitting') : t('acknowledge')}
        </button>
      </div>
    </div>
  );
}
