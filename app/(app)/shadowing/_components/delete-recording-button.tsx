'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { FormError } from '@/components/form-messages';
import { deleteRecordingFormAction } from '../actions';

/** Two taps: a mistaken recording isn't lost to a stray touch on a phone. */
export function DeleteRecordingButton({ recordingId }: { recordingId: number }) {
  const t = useTranslations('floor');
  const router = useRouter();
  const [armed, setArmed] = useState(false);
  const [pending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | undefined>();

  const remove = () =>
    startTransition(async () => {
      const result = await deleteRecordingFormAction({ recordingId });
      if (!result.ok) setFormError(result.formError ?? 'errors.invalid_input');
      else router.refresh();
    });

  return (
    <div className="inline">
      <FormError message={formError} />
      {armed ? (
        <>
          <button type="button" className="btn btn-small btn-danger" onClick={remove} disabled={pending}>
            {t('recording.confirmDelete')}
          </button>
          <button type="button" className="btn btn-small" onClick={() => setArmed(false)} disabled={pending}>
            {t('recording.keep')}
          </button>
        </>
      ) : (
        <button type="button" className="btn btn-small" onClick={() => setArmed(true)}>
          {t('recording.delete')}
        </button>
      )}
    </div>
  );
}
