// The review form's schema for one scorecard version (react-hook-form in the browser, the server
// action on the server). Apart from domain/scorecard.ts so the form can compute its live score
// without downloading zod before the page is interactive (components/lazy-zod-resolver.ts).
import * as z from 'zod/mini';
import { NOT_APPLICABLE, type Scorecard } from './scorecard';

export const REVIEW_COMMENT_MAX = 500;
export const REVIEW_NOTE_MAX = 2000;

/**
 * The review form's schema for one scorecard version, used by react-hook-form (zodResolver)
 * in the browser and by the server action. Messages are i18n codes, not prose.
 *
 * Shape: { scorecardVersion, items: { [itemId]: { rating, comment? } }, critical: { [criticalId]: boolean }, note? }
 * - every item needs a rating; N/A only where the item allows it;
 * - a ticked critical item needs an overall note, because it fails the call outright and
 *   the trainee must be told why;
 * - scorecardVersion must match, so a form opened before a scorecard change is refused
 *   instead of being scored against the wrong items.
 */
export function buildReviewInputSchema(scorecard: Scorecard) {
  const levelIds = scorecard.levels.map((l) => l.id);
  const itemShape: Record<string, z.ZodMiniType<{ rating: string; comment?: string | undefined }>> = {};
  for (const item of scorecard.items) {
    const allowed = item.allowNotApplicable ? [...levelIds, NOT_APPLICABLE] : levelIds;
    itemShape[item.id] = z.object(
      {
        rating: z.string({ error: 'review.itemRequired' }).check(
          z.superRefine((value, ctx) => {
            if (value === '') ctx.addIssue({ code: 'custom', message: 'review.itemRequired' });
            else if (value === NOT_APPLICABLE && !item.allowNotApplicable) {
              ctx.addIssue({ code: 'custom', message: 'review.notApplicableNotAllowed' });
            } else if (!allowed.includes(value)) ctx.addIssue({ code: 'custom', message: 'review.invalidRating' });
          }),
        ),
        comment: z.optional(
          z.string({ error: 'review.invalidComment' }).check(z.trim(), z.maxLength(REVIEW_COMMENT_MAX, { error: 'review.commentTooLong' })),
        ),
      },
      { error: 'review.itemRequired' },
    );
  }

  const criticalShape: Record<string, z.ZodMiniDefault<z.ZodMiniBoolean>> = {};
  for (const critical of scorecard.criticalItems) {
    criticalShape[critical.id] = z._default(z.boolean({ error: 'review.invalidCriticalFlag' }), false);
  }

  return z
    .object({
      scorecardVersion: z.literal(scorecard.version, { error: 'review.scorecardVersionMismatch' }),
      items: z.object(itemShape, { error: 'review.itemRequired' }),
      critical: z.prefault(z.object(criticalShape, { error: 'review.invalidCriticalFlag' }), {}),
      note: z.optional(z.string({ error: 'review.invalidNote' }).check(z.trim(), z.maxLength(REVIEW_NOTE_MAX, { error: 'review.noteTooLong' }))),
    })
    .check(
      // `when` below lets this run on a value that failed the object check — even undefined or null.
      z.refine((review) => !Object.values(review?.critical ?? {}).some((flag) => flag === true) || (review?.note ?? '') !== '', {
        path: ['note'],
        error: 'review.criticalNoteRequired',
        // Run even when item ratings have errors, so the form shows every problem at once;
        // only the two fields this rule reads have to be valid.
        when: (payload) => payload.issues.every((issue) => issue.path?.[0] !== 'critical' && issue.path?.[0] !== 'note'),
      }),
    );
}

export type CallReviewInput = z.output<ReturnType<typeof buildReviewInputSchema>>;
