// A saved review, read-only: what the trainee reads and acknowledges, and what anyone with
// access to the trainee sees. Reviews are never edited, so there is nothing to act on but
// the acknowledgement (components/review-acknowledge-button.tsx).
import { getFormatter, getTranslations } from '@/lib/i18n/server';
import type { CallReviewWithReviewer } from '@/db/queries/reviews';
import { NOT_APPLICABLE } from '@/domain/scorecard';
import type { ScorecardContent } from '@/lib/content/scorecard';

type StoredItem = { rating?: string; comment?: string };

export async function ReviewView({
  review,
  scorecard,
  timeZone,
  showAcknowledgement = true,
}: {
  review: CallReviewWithReviewer;
  scorecard: ScorecardContent;
  timeZone: string;
  /** qa's assessment scores are not acknowledged by the trainee: the solo pages hide the line. */
  showAcknowledgement?: boolean;
}) {
  const t = await getTranslations('review');
  const format = await getFormatter();
  const when = (ms: number) => format.dateTime(new Date(ms), { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const items = review.items as Record<string, StoredItem>;
  const levelLabel = (rating: string | undefined) => {
    if (rating === undefined) return '—';
    if (rating === NOT_APPLICABLE) return t('notApplicable');
    if (t.has(`levels.${rating}`)) return t(`levels.${rating}`);
    return scorecard.levels.find((l) => l.id === rating)?.label ?? rating;
  };
  const levelClass = (rating: string | undefined) => {
    const ratio = scorecard.levels.find((l) => l.id === rating)?.ratio;
    return ratio === undefined ? 'badge' : ratio >= 1 ? 'badge badge-ok' : ratio > 0 ? 'badge badge-warn' : 'badge badge-bad';
  };
  // Items in the scorecard's order; a review made with another version may hold ids this one lacks.
  const knownIds = new Set(scorecard.items.map((i) => i.id));
  const rows = [
    ...scorecard.items.filter((i) => i.id in items).map((i) => ({ id: i.id, title: i.title })),
    ...Object.keys(items)
      .filter((id) => !knownIds.has(id))
      .map((id) => ({ id, title: id })),
  ];
  const criticalTitle = (id: string) => scorecard.criticalItems.find((c) => c.id === id)?.title ?? id;

  return (
    <div className="stack review-view">
      <div className={review.passed ? 'alert alert-ok' : 'alert alert-error'} role="status">
        <strong>{review.passed ? t('resultPassed') : t('resultFailed')}</strong> {t('resultTotal', { total: review.total, passMark: scorecard.passMark })}
        {review.criticalFailed && <> {t('resultCritical')}</>}
      </div>
      {review.criticalFlags.length > 0 && (
        <section aria-labelledby="critical-found-heading">
          <h3 id="critical-found-heading">{t('criticalFound')}</h3>
          <ul>
            {review.criticalFlags.map((id) => (
              <li key={id}>
                <span className="badge badge-bad">{criticalTitle(id)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {review.note !== '' && (
        <section aria-labelledby="note-heading">
          <h3 id="note-heading">{t('note')}</h3>
          <p className="review-note">{review.note}</p>
        </section>
      )}
      <ol className="review-items review-items-read">
        {rows.map((row) => {
          const item = items[row.id];
          return (
            <li key={row.id} className="review-item-read">
              <div className="inline">
                <span>{row.title}</span>
                <span className={levelClass(item?.rating)}>{levelLabel(item?.rating)}</span>
              </div>
              {item?.comment && <p className="small">{item.comment}</p>}
            </li>
          );
        })}
      </ol>
      <p className="small muted">
        {t('reviewedBy', { name: review.reviewerName, when: when(review.createdAt), version: review.scorecardVersion })}
      </p>
      {showAcknowledgement && (
        <p className="small">
          {review.acknowledgedAt === null ? <span className="badge badge-warn">{t('notAcknowledged')}</span> : t('acknowledgedAt', { when: when(review.acknowledgedAt) })}
        </p>
      )}
    </div>
  );
}
