'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { FormError } from '@/components/form-messages';
import { deleteDrillGroupFormAction } from './actions';

export function DeleteGroupButton({ groupId }: { groupId: number }) {
  const t = useTranslations('floor');
  const router = useRouter();
  const [armed, setArmed] = useState(false);
  const [pending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | undefined>();

  const remove = () =>
    startTransition(async () => {
      const result = await deleteDrillGroupFormAction({ groupId });
      if (!result.ok) setFormError(result.formError ?? 'errors.invalid_input');
      else router.refresh();
    });

  return (
    <div className="inline">
      <FormError message={formError} />
      {armed ? (
        <>
          <button type="button" className="btn btn-small btn-danger" onClick={remove} disabled={pending}>
            {t('leadDrills.confirmDelete')}
          </button>
          <button type="button" className="btn btn-small" onClick={() => setArmed(false)} disabled={pending}>
            {t('recording.keep')}
          </button>
        </>
      ) : (
        <button type="button" className="btn btn-small" onClick={() => setArmed(true)}>
          {t('leadDrills.delete')}
        </button>
      )}
    </div>
  );
}
