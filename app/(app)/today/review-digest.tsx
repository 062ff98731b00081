import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';
import type { DayMentorReview } from '@/db/queries/dashboard';
import type { ReviewDigest } from '@/domain/dashboard';
import type { ScorecardContent } from '@/lib/content/scorecard';

/** The mentor's reviews of the last working day: totals, then per call what to improve and the note. */
export async function ReviewDigestView({
  digest,
  sampled,
  traineeId,
  day,
  scorecard,
}: {
  digest: ReviewDigest<DayMentorReview>;
  sampled: number;
  traineeId: number;
  day: string;
  scorecard: ScorecardContent;
}) {
  const t = await getTranslations('today.reviews');
  if (digest.reviewed === 0) return <p className="muted">{sampled > 0 ? t('notYet', { sampled }) : t('none')}</p>;
  const itemTitle = (id: string) => scorecard.items.find((i) => i.id === id)?.title ?? id;
  const levelLabel = (rating: string) =>
    t.has(`levels.${rating}`) ? t(`levels.${rating}`) : (scorecard.levels.find((l) => l.id === rating)?.label ?? rating);
  const levelTone = (rating: string) => ((scorecard.levels.find((l) => l.id === rating)?.ratio ?? 0) > 0 ? 'badge badge-warn' : 'badge badge-bad');
  return (
    <>
      <p>{t('summary', { sampled: Math.max(sampled, digest.reviewed), reviewed: digest.reviewed, passed: digest.passed, failed: digest.failed })}</p>
      <ul className="review-digest">
        {digest.calls.map((call) => (
          <li key={call.reviewId} className="review-digest-call">
            <div className="inline">
              <strong>{t('call', { externalId: call.externalId })}</strong>
              <span className={call.passed ? 'badge badge-ok' : 'badge badge-bad'}>
                {call.passed ? `✓ ${t('passed', { total: call.total })}` : `✗ ${t('failed', { total: call.total })}`}
              </span>
              {call.criticalFailed && <span className="badge badge-bad">{t('critical')}</span>}
              {call.acknowledgedAt === null && <span className="badge badge-warn">{t('acknowledge')}</span>}
            </div>
            {call.weakItems.length === 0 ? (
              <p className="small muted">{t('allMet')}</p>
            ) : (
              <>
                <ul className="review-digest-items" aria-label={t('weakItems')}>
                  {call.weakItems.map((item) => (
                    <li key={item.itemId}>
                      <span className="review-digest-item">{itemTitle(item.itemId)}</span>{' '}
                      <span className={levelTone(item.rating)}>{levelLabel(item.rating)}</span>
                      {item.comment && <p className="small review-digest-comment">{item.comment}</p>}
                    </li>
                  ))}
                </ul>
              </>
            )}
            {call.note !== '' && (
              <p className="small review-note">{t('noteLine', { note: call.note })}</p>
            )}
            <p className="small">
              <Link href={`/trainees/${traineeId}/calls/${day}/${call.callId}/review`}>
                {t('open')}
                <span className="sr-only"> {t('call', { externalId: call.externalId })}</span>
              </Link>
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
