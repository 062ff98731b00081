// One call of the solo week: qa scores it with the scorecard (the shared review form, kind
// 'assessment'), or anyone who may read the trainee sees the saved score. A score is final.
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from '@/lib/i18n/server';
import { CallFacts } from '@/components/call-facts';
import { ReviewForm } from '@/components/review-form';
import { ReviewView } from '@/components/review-view';
import { getDb } from '@/db/client';
import { getTraineeCall } from '@/db/queries/calls';
import { findCallReviewWithReviewer } from '@/db/queries/reviews';
import { loadTraineeOr404, traineeSubject } from '@/lib/access';
import { isAssessableDay, loadSoloWeek } from '@/lib/assessment';
import { can } from '@/lib/authz';
import { loadScorecard } from '@/lib/content/scorecard';
import { computeTraineePlan, loadProgramContext, todayFor } from '@/lib/program';
import { requireActor } from '@/lib/session';
import { submitAssessmentReviewAction } from '../../actions';

export default async function AssessmentCallPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; callId: string }>;
  searchParams: Promise<{ saved?: string }>;
}) {
  const actor = await requireActor();
  const db = getDb();
  const { id, callId } = await params;
  const trainee = loadTraineeOr404(db, actor, Number(id), 'trainee.read');
  const call = /^\d+$/.test(callId) ? getTraineeCall(db, { orgId: actor.orgId, traineeId: trainee.id, callId: Number(callId) }) : null;
  if (!call) notFound();

  const t = await getTranslations('assessment');
  const tr = await getTranslations('review');
  const ctx = loadProgramContext(db, trainee.orgId);
  const today = todayFor(ctx);
  const scorecard = loadScorecard();
  const plan = computeTraineePlan(db, ctx, trainee, today);
  const week = loadSoloWeek(db, { plan, traineeId: trainee.id, settings: ctx.settings, scorecard, today });
  const review = findCallReviewWithReviewer(db, { callId: call.id, kind: 'assessment' });
  const assessable = isAssessableDay(week, call.day, today);
  const canScore = !review && assessable && can(actor, 'review.assessment.create', traineeSubject(trainee));
  const saved = (await searchParams).saved;
  const selfHref = `/trainees/${trainee.id}/solo/calls/${call.id}`;

  return (
    <>
      <p className="small">
        <Link href={`/trainees/${trainee.id}/solo`}>{t('call.back')}</Link>
      </p>
      <h1>{t('call.title', { name: trainee.displayName, callId: call.externalId })}</h1>
      <CallFacts call={call} timeZone={ctx.timeZone} />

      {review && saved === 'new' && (
        <div className="alert alert-ok" role="status">
          {t('call.saved')}
        </div>
      )}
      {review && saved === 'duplicate' && (
        <div className="alert alert-info" role="status">
          {t('call.alreadyScored')}
        </div>
      )}

      {review ? (
        <section className="card" aria-labelledby="score-heading">
          <h2 id="score-heading">{t('call.scoreHeading')}</h2>
          <ReviewView review={review} scorecard={scorecard} timeZone={ctx.timeZone} showAcknowledgement={false} />
        </section>
      ) : canScore ? (
        <section aria-labelledby="form-heading">
          <h2 id="form-heading">{tr('formHeading')}</h2>
          <ReviewForm scorecard={scorecard} traineeId={trainee.id} callId={call.id} action={submitAssessmentReviewAction} savedHref={selfHref} />
        </section>
      ) : (
        <div className="alert alert-info">{assessable ? t('call.notScoredYet') : t('call.notInWeek')}</div>
      )}
    </>
  );
}
