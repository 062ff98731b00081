// Scoring a call with the scorecard and the trainee's acknowledgement. One write path for
// every kind of review: a ReviewPolicy names the kind, the permission and which calls it may
// score. The mentor's daily review is wired now; qa's solo-assessment scoring adds its own
// policy (kind 'assessment', permission 'review.assessment.create') in its issue.
import type { Db } from '@/db/client';
import { getTraineeCall, isCallCurrentlySampled, recountDayCallFacts } from '@/db/queries/calls';
import { acknowledgeCallReview, findCallReview, getCallReview, insertCallReview, type ReviewKind } from '@/db/queries/reviews';
import type { Call } from '@/db/schema';
import type { TraineeRecord } from '@/db/queries/trainees';
import type { DbOrTx } from '@/db/tx';
import { scoreCallReview, type CallReviewInput, type Scorecard } from '@/domain/scorecard';
import { buildReviewInputSchema } from '@/domain/scorecard-input';
import { loadTraineeFor } from './access';
import type { Action, Actor } from './authz';
import { AppError } from './errors';
import { loadProgramContext, refreshTraineeStatus, todayFor } from './program';
import { z } from './validation';

export type ReviewPolicy = {
  kind: ReviewKind;
  /** Checked against the trainee the call belongs to. */
  permission: Action;
  /** Throws an AppError when this kind of review may not score the call. */
  assertReviewable(db: DbOrTx, params: { trainee: TraineeRecord; call: Call }): void;
};

/** seeds/000 篇二 四(二)4 3): the mentor reviews the calls drawn for the day, no others. */
export const MENTOR_REVIEW_POLICY: ReviewPolicy = {
  kind: 'mentor',
  permission: 'review.mentor.create',
  assertReviewable(db, { trainee, call }) {
    if (!isCallCurrentlySampled(db, { traineeId: trainee.id, callId: call.id })) throw new AppError('review_call_not_sampled');
  },
};

// zod compiles a schema the first time it parses; building a new one per request paid that compile
// on every review submitted (docs/decisions/010-performance.md). One schema per scorecard object.
const reviewInputSchemas = new WeakMap<Scorecard, ReturnType<typeof buildReviewInputSchema>>();
const submissionSchemas = new WeakMap<Scorecard, ReturnType<typeof submissionSchemaOf>>();

function reviewInputSchema(scorecard: Scorecard) {
  let schema = reviewInputSchemas.get(scorecard);
  if (!schema) {
    schema = buildReviewInputSchema(scorecard);
    reviewInputSchemas.set(scorecard, schema);
  }
  return schema;
}

function submissionSchemaOf(scorecard: Scorecard) {
  return z.object({
    traineeId: z.int().check(z.positive()),
    callId: z.int().check(z.positive()),
    review: reviewInputSchema(scorecard),
  });
}

/** What the review form posts: which call, and the scorecard answers (domain schema, shared with the browser). */
export function buildReviewSubmissionSchema(scorecard: Scorecard) {
  let schema = submissionSchemas.get(scorecard);
  if (!schema) {
    schema = submissionSchemaOf(scorecard);
    submissionSchemas.set(scorecard, schema);
  }
  return schema;
}
export type ReviewSubmission = { traineeId: number; callId: number; review: CallReviewInput };

export type SubmitReviewResult = { reviewId: number; duplicate: boolean; passed: boolean; total: number; day: string };

/**
 * Records a review once. A call has at most one review of each kind (unique callId+kind): a
 * second submission — a double click, a second tab, a replayed POST — gets the first review
 * back and changes nothing. There is no update path: a saved review is final.
 */
export function submitCallReview(
  db: Db,
  actor: Actor,
  input: ReviewSubmission,
  options: { policy: ReviewPolicy; scorecard: Scorecard; nowMs: number },
): SubmitReviewResult {
  const { policy, scorecard } = options;
  const trainee = loadTraineeFor(db, actor, input.traineeId, policy.permission);
  const call = getTraineeCall(db, { orgId: actor.orgId, traineeId: trainee.id, callId: input.callId });
  if (!call) throw new AppError('not_found');
  // The browser's check is a convenience; the server parses again whatever the caller sent.
  const parsed = reviewInputSchema(scorecard).safeParse(input.review);
  if (!parsed.success) throw new AppError('invalid_input');
  const review = parsed.data;

  return db.transaction(
    (tx) => {
      const existing = findCallReview(tx, { callId: call.id, kind: policy.kind });
      if (existing) return { reviewId: existing.id, duplicate: true, passed: existing.passed, total: existing.total, day: existing.day };
      policy.assertReviewable(tx, { trainee, call });

      const score = scoreCallReview(scorecard, review.items, review.critical);
      if (score.missingItems.length > 0) throw new AppError('invalid_input');
      const items = Object.fromEntries(
        Object.entries(review.items).map(([id, result]) => [id, result.comment ? { rating: result.rating, comment: result.comment } : { rating: result.rating }]),
      );
      const row = insertCallReview(tx, {
        orgId: trainee.orgId,
        callId: call.id,
        traineeId: trainee.id,
        reviewerId: actor.userId,
        kind: policy.kind,
        day: call.day,
        scorecardVersion: scorecard.version,
        items,
        criticalFlags: score.failedCriticalIds,
        total: score.total,
        criticalFailed: score.criticalFailed,
        passed: score.passed,
        note: review.note ?? '',
        createdAt: options.nowMs,
      });
      const ctx = loadProgramContext(tx, trainee.orgId);
      recountDayCallFacts(tx, { traineeId: trainee.id, day: call.day });
      refreshTraineeStatus(tx, ctx, trainee, todayFor(ctx, options.nowMs));
      return { reviewId: row.id, duplicate: false, passed: row.passed, total: row.total, day: row.day };
    },
    { behavior: 'immediate' },
  );
}

export const acknowledgeReviewSchema = z.object({
  traineeId: z.int().check(z.positive()),
  reviewId: z.int().check(z.positive()),
});

/** The trainee confirms they read the review; only the first acknowledgement is kept. */
export function acknowledgeReview(
  db: Db,
  actor: Actor,
  input: z.output<typeof acknowledgeReviewSchema>,
  nowMs: number,
): { acknowledgedAt: number; alreadyAcknowledged: boolean } {
  const trainee = loadTraineeFor(db, actor, input.traineeId, 'review.acknowledge');
  const review = getCallReview(db, { orgId: actor.orgId, reviewId: input.reviewId });
  if (!review || review.traineeId !== trainee.id) throw new AppError('not_found');
  if (review.acknowledgedAt !== null) return { acknowledgedAt: review.acknowledgedAt, alreadyAcknowledged: true };
  const updated = acknowledgeCallReview(db, { reviewId: review.id, traineeId: trainee.id, at: nowMs });
  if (!updated || updated.acknowledgedAt === null) throw new AppError('not_found');
  return { acknowledgedAt: updated.acknowledgedAt, alreadyAcknowledged: updated.acknowledgedAt !== nowMs };
}
