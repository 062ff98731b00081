'use client';

// The scorecard form for one call: a vertical list of items with large radio buttons (mentors
// review on a phone on the floor), the critical items, and an overall note. The same zod schema
// (domain/scorecard-input buildReviewInputSchema) checks it here and in the server action. The kind of
// review (a mentor's daily review now, qa's assessment later) is the caller's: it passes the action.
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { useForm, useWatch, type FieldPath, type Resolver } from 'react-hook-form';
import { FieldError, FormError } from '@/components/form-messages';
import { lazyZodResolver } from '@/components/lazy-zod-resolver';
import { NOT_APPLICABLE, scoreCallReview } from '@/domain/scorecard';
import type { ActionResult } from '@/lib/action';
import type { ScorecardContent } from '@/lib/content/scorecard';

export type ReviewFormValues = {
  scorecardVersion: number;
  items: Record<string, { rating: string; comment?: string }>;
  critical: Record<string, boolean>;
  note?: string;
};

export type ReviewSubmitAction = (input: {
  traineeId: number;
  callId: number;
  review: ReviewFormValues;
}) => Promise<ActionResult<{ reviewId: number; duplicate: boolean }>>;

export function ReviewForm({
  scorecard,
  traineeId,
  callId,
  action,
  savedHref,
}: {
  scorecard: ScorecardContent;
  traineeId: number;
  callId: number;
  action: ReviewSubmitAction;
  /** Where the saved (or already existing) review is shown. */
  savedHref: string;
}) {
  const t = useTranslations('review');
  const tc = useTranslations('common');
  const router = useRouter();
  const [formError, setFormError] = useState<string | undefined>();
  // The schema arrives after the page is interactive (components/lazy-zod-resolver.ts); the live
  // score below needs only domain/scorecard.ts.
  const resolver = useMemo(
    () => lazyZodResolver(() => import('@/domain/scorecard-input').then((m) => m.buildReviewInputSchema(scorecard))),
    [scorecard],
  );
  const defaultValues: ReviewFormValues = {
    scorecardVersion: scorecard.version,
    items: Object.fromEntries(scorecard.items.map((item) => [item.id, { rating: '', comment: '' }])),
    critical: Object.fromEntries(scorecard.criticalItems.map((c) => [c.id, false])),
    note: '',
  };
  const {
    register,
    handleSubmit,
    control,
    setError,
    formState: { errors, isSubmitting },
  } = useForm<ReviewFormValues>({ resolver: resolver as unknown as Resolver<ReviewFormValues>, defaultValues });
  const watched = useWatch({ control });
  const preview = scoreCallReview(scorecard, (watched.items ?? {}) as ReviewFormValues['items'], watched.critical ?? {});
  const levelLabel = (id: string, fallback: string) => (t.has(`levels.${id}`) ? t(`levels.${id}`) : fallback);

  const onSubmit = handleSubmit(async (review) => {
    setFormError(undefined);
    const result = await action({ traineeId, callId, review });
    if (!result.ok) {
      for (const [path, messages] of Object.entries(result.fieldErrors)) {
        if (path.startsWith('review.')) setError(path.slice('review.'.length) as FieldPath<ReviewFormValues>, { message: messages[0] });
      }
      setFormError(result.formError ?? 'errors.invalid_input');
      return;
    }
    router.replace(`${savedHref}?saved=${result.data.duplicate ? 'duplicate' : 'new'}`);
  });

  return (
    <form onSubmit={onSubmit} noValidate className="review-form stack">
      <p className="hint">{t('formIntro')}</p>
      <ol className="review-items">
        {scorecard.items.map((item) => {
          const error = errors.items?.[item.id]?.rating?.message ?? errors.items?.[item.id]?.message;
          const commentError = errors.items?.[item.id]?.comment?.message;
          const errorId = `item-${item.id}-error`;
          return (
            <li key={item.id}>
              <fieldset className="review-item" aria-describedby={error ? errorId : undefined}>
                <legend>
                  {item.title} <span className="muted small">{t('weight', { weight: item.weight })}</span>
                </legend>
                <p className="hint">{item.description}</p>
                <details className="review-checks">
                  <summary>{t('checks')}</summary>
                  <ul className="small">
                    {item.checks.map((check) => (
                      <li key={check}>{check}</li>
                    ))}
                  </ul>
                </details>
                <div className="review-levels">
                  {scorecard.levels.map((level) => (
                    <label key={level.id} className="review-level">
                      <input type="radio" value={level.id} {...register(`items.${item.id}.rating`)} />
                      <span>{levelLabel(level.id, level.label)}</span>
                    </label>
                  ))}
                  {item.allowNotApplicable && (
                    <label className="review-level review-level-na">
                      <input type="radio" value={NOT_APPLICABLE} {...register(`items.${item.id}.rating`)} />
                      <span>{t('notApplicable')}</span>
                    </label>
                  )}
                </div>
                {item.notApplicableHint && <p className="hint">{item.notApplicableHint}</p>}
                <FieldError message={error} id={errorId} />
                <details className="review-comment" open={!!commentError}>
                  <summary>{t('addComment')}</summary>
                  <div className="field">
                    <label htmlFor={`item-${item.id}-comment`}>{t('itemComment', { title: item.title })}</label>
                    <textarea id={`item-${item.id}-comment`} rows={2} {...register(`items.${item.id}.comment`)} aria-invalid={!!commentError} />
                    <FieldError message={commentError} />
                  </div>
                </details>
              </fieldset>
            </li>
          );
        })}
      </ol>

      <fieldset className="review-critical">
        <legend>{t('criticalHeading')}</legend>
        <p className="hint">{t('criticalHint')}</p>
        {scorecard.criticalItems.map((c) => (
          <label key={c.id} className="review-critical-item">
            <input type="checkbox" {...register(`critical.${c.id}`)} />
            <span>
              <strong>{c.title}</strong>
              <span className="hint">{c.description}</span>
            </span>
          </label>
        ))}
      </fieldset>

      <div className="field">
        <label htmlFor="review-note">{t('note')}</label>
        <textarea id="review-note" rows={4} {...register('note')} aria-invalid={!!errors.note} aria-describedby="review-note-hint" />
        <p className="hint" id="review-note-hint">
          {t('noteHint')}
        </p>
        <FieldError message={errors.note?.message} />
      </div>

      <div className="review-preview" aria-live="polite">
        <strong>{t('previewTotal', { total: preview.total, passMark: scorecard.passMark })}</strong>{' '}
        {preview.criticalFailed ? (
          <span className="badge badge-bad">{t('previewCriticalFail')}</span>
        ) : preview.missingItems.length > 0 ? (
          <span className="badge">{t('previewMissing', { count: preview.missingItems.length })}</span>
        ) : (
          <span className={preview.passed ? 'badge badge-ok' : 'badge badge-bad'}>{preview.passed ? t('previewPass') : t('previewFail')}</span>
        )}
      </div>

      <FormError message={formError} />
      {errors.scorecardVersion?.message && <FormError message={errors.scorecardVersion.message} />}
      <div className="stack">
        <button type="submit" className="btn btn-primary review-submit" disabled={isSubmitting}>
          {isSubmitting ? tc('submitting') : t('submit')}
        </button>
        <p className="hint">{t('final')}</p>
      </div>
    </form>
  );
}
