'use server';

import type { ReviewFormValues } from '@/components/review-form';
import { defineAction } from '@/lib/action';
import { buildReviewSubmissionSchema } from '@/lib/call-reviews';
import { loadScorecard } from '@/lib/content/scorecard';
import { confirmSoloResult, correctSoloResult, overrideSoloResult, submitAssessmentReview } from './handlers';
import { confirmSoloSchema, correctSoloSchema, overrideSoloSchema } from './schema';

// The review schema depends on the scorecard (content/scorecard.yaml): built on first use, not at import.
export async function submitAssessmentReviewAction(input: { traineeId: number; callId: number; review: ReviewFormValues }) {
  const scorecard = loadScorecard();
  return defineAction(buildReviewSubmissionSchema(scorecard), (parsed, { actor, db }) => {
    const { reviewId, duplicate } = submitAssessmentReview(db, actor, parsed);
    return { reviewId, duplicate };
  })(input);
}

const confirm = defineAction(confirmSoloSchema, confirmSoloResult);
const override = defineAction(overrideSoloSchema, overrideSoloResult);
const correct = defineAction(correctSoloSchema, correctSoloResult);

export async function confirmSoloResultAction(input: Parameters<typeof confirm>[0]) {
  return confirm(input);
}

export async function overrideSoloResultAction(input: Parameters<typeof override>[0]) {
  return override(input);
}

export async function correctSoloResultAction(input: Parameters<typeof correct>[0]) {
  return correct(input);
}
