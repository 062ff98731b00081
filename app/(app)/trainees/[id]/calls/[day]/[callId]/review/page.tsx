import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from '@/lib/i18n/server';
import { ReviewAcknowledgeButton } from '@/components/review-acknowledge-button';
import { CallFacts } from '@/components/call-facts';
import { ReviewForm } from '@/components/review-form';
import { ReviewView } from '@/components/review-view';
import { getDb } from '@/db/client';
import { getTraineeCall, isCallCurrentlySampled } from '@/db/queries/calls';
import { findCallReviewWithReviewer } from '@/db/queries/reviews';
import { isIsoDate } from '@/domain/dates';
import { loadTraineeOr404, traineeSubject } from '@/lib/access';
import { can } from '@/lib/authz';
import { MENTOR_REVIEW_POLICY } from '@/lib/call-reviews';
import { loadScorecard } from '@/lib/content/scorecard';
import { loadProgramContext } from '@/lib/program';
import { requireActor } from '@/lib/session';
import { acknowledgeReviewAction, submitMentorReviewAction } from './actions';

export default async function CallReviewPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; day: string; callId: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const actor = await requireActor();
  const db = getDb();
  const { id, day, callId } = await params;
  const trainee = loadTraineeOr404(db, actor, Number(id), 'trainee.read');
  const call = /^\d+$/.test(callId) ? getTraineeCall(db, { orgId: actor.orgId, traineeId: trainee.id, callId: Number(callId) }) : null;
  if (!call || !isIsoDate(day) || call.day !== day) notFound();

  const t = await getTranslations('review');
  const tc = await getTranslations('calls');
  const { timeZone } = loadProgramContext(db, trainee.orgId);
  const scorecard = loadScorecard();
  const subject = traineeSubject(trainee);
  const review = findCallReviewWithReviewer(db, { callId: call.id, kind: MENTOR_REVIEW_POLICY.kind });
  const sampled = isCallCurrentlySampled(db, { traineeId: trainee.id, callId: call.id });
  const canReview = !review && sampled && can(actor, MENTOR_REVIEW_POLICY.permission, subject);
  const canAcknowledge = review !== null && review.acknowledgedAt === null && can(actor, 'review.acknowledge', subject);
  const saved = (await searchParams).saved;
  const selfHref = `/trainees/${trainee.id}/calls/${day}/${call.id}/review`;

  return (
    <>
      <p className="small">
        <Link href={`/trainees/${trainee.id}/calls/${day}`}>{tc('day.backToDay', { day })}</Link>
      </p>
      <h1>{t('title', { name: trainee.displayName, callId: call.externalId })}</h1>
      <CallFacts call={call} timeZone={timeZone} />

      {review && saved === 'new' && (
        <div className="alert alert-ok" role="status">
          {t('saved')}
        </div>
      )}
      {review && saved === 'duplicate' && (
        <div className="alert alert-info" role="status">
          {t('alreadyReviewed')}
        </div>
      )}

      {review ? (
        <section className="card" aria-labelledby="review-heading">
          <h2 id="review-heading">{t('reviewHeading')}</h2>
          <ReviewView review={review} scorecard={scorecard} timeZone={timeZone} />
          {canAcknowledge && <ReviewAcknowledgeButton traineeId={trainee.id} reviewId={review.id} action={acknowledgeReviewAction} />}
        </section>
      ) : canReview ? (
        <section aria-labelledby="form-heading">
          <h2 id="form-heading">{t('formHeading')}</h2>
          <ReviewForm scorecard={scorecard} traineeId={trainee.id} callId={call.id} action={submitMentorReviewAction} savedHref={selfHref} />
        </section>
      ) : (
        <div className="alert alert-info">{sampled ? t('notReviewedYet') : t('notInSample')}</div>
      )}
    </>
  );
}
