'use server';

import type { ReviewFormValues } from '@/components/review-form';
import { defineAction } from '@/lib/action';
import { acknowledgeReview, acknowledgeReviewSchema, buildReviewSubmissionSchema, MENTOR_REVIEW_POLICY, submitCallReview } from '@/lib/call-reviews';
import { loadScorecard } from '@/lib/content/scorecard';

// The schema depends on the scorecard (content/scorecard.yaml, read once per process); building it
// on first use keeps the file read out of module evaluation at build time.
const mentorReview = (input: { traineeId: number; callId: number; review: ReviewFormValues }) => {
  const scorecard = loadScorecard();
  return defineAction(buildReviewSubmissionSchema(scorecard), (parsed, { actor, db }) => {
    const { reviewId, duplicate } = submitCallReview(db, actor, parsed, { policy: MENTOR_REVIEW_POLICY, scorecard, nowMs: Date.now() });
    return { reviewId, duplicate };
  })(input);
};

const acknowledge = defineAction(acknowledgeReviewSchema, (input, { actor, db }) => acknowledgeReview(db, actor, input, Date.now()));

export async function submitMentorReviewAction(input: { traineeId: number; callId: number; review: ReviewFormValues }) {
  return mentorReview(input);
}

export async function acknowledgeReviewAction(input: { traineeId: number; reviewId: number }) {
  return acknowledge(input);
}
