'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { FormError } from '@/components/form-messages';
import { liveShadowingFormAction } from '../actions';

/** The trainee's "I shadowed my mentor today" (在线旁听); the mentor's confirmation makes it final. */
export function LiveShadowingToggle({ day, attended }: { day: string; attended: boolean }) {
  const t = useTranslations('floor');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | undefined>();

  const toggle = () =>
    startTransition(async () => {
      setFormError(undefined);
      const result = await liveShadowingFormAction({ day, attended: !attended });
      if (!result.ok) setFormError(result.formError ?? 'errors.invalid_input');
      else router.refresh();
    });

  return (
    <div className="stack">
      <FormError message={formError} />
      {attended ? (
        <div className="inline">
          <span className="badge badge-ok">{t('shadowing.liveMarked')}</span>
          <button type="button" className="btn btn-small" onClick={toggle} disabled={pending}>
            {t('shadowing.liveUndo')}
          </button>
        </div>
      ) : (
        <button type="button" className="btn btn-wrap" onClick={toggle} disabled={pending}>
          {t('shadowing.liveMark')}
        </button>
      )}
      <p className="hint">{t('shadowing.liveHint')}</p>
    </div>
  );
}
