// The solo assessment week's writes: qa scores a call of the week with the scorecard (one write path
// with the mentor's reviews, lib/call-reviews.ts, under the assessment policy), and a lead records
// the week's result — the computed one, or another with a reason — or corrects a recorded result.
// seeds/000 篇二 四(三)(二)2): fail → one more week of supervised training, scheduled by the engine.
import type { Db } from '@/db/client';
import { assertReviewableForAssessment, loadSoloWeek } from '@/lib/assessment';
import { loadTraineeFor } from '@/lib/access';
import type { ActionContext } from '@/lib/action';
import type { Actor } from '@/lib/authz';
import { submitCallReview, type ReviewPolicy, type ReviewSubmission } from '@/lib/call-reviews';
import { loadScorecard } from '@/lib/content/scorecard';
import { AppError } from '@/lib/errors';
import { computeTraineePlan, loadProgramContext, todayFor } from '@/lib/program';
import { appendResult, correctSignOff, findRecordedRequest, type RecordedResult } from '@/lib/sign-offs';
import type { z } from '@/lib/validation';
import type { confirmSoloSchema, correctSoloSchema, overrideSoloSchema } from './schema';

/** qa scores any call of the week's past days while the week waits for its result; no sampling. */
export const ASSESSMENT_REVIEW_POLICY: ReviewPolicy = {
  kind: 'assessment',
  permission: 'review.assessment.create',
  assertReviewable: assertReviewableForAssessment,
};

export function submitAssessmentReview(db: Db, actor: Actor, input: ReviewSubmission, nowMs = Date.now()) {
  return submitCallReview(db, actor, input, { policy: ASSESSMENT_REVIEW_POLICY, scorecard: loadScorecard(), nowMs });
}

type SoloResultInput = z.output<typeof confirmSoloSchema> & { reason?: string };

/**
 * Records the week's result. Without a reason the lead may only confirm the computed result, and
 * only once the week's last planned day has come; anything else — another result, or a result
 * before the week is over (for a week not yet started it is dated the week's first day, so the
 * engine applies it to that week) — is an override and needs a reason, kept on the event.
 */
export function recordSoloResult(input: SoloResultInput, { actor, db }: ActionContext): RecordedResult {
  const trainee = loadTraineeFor(db, actor, input.traineeId, 'solo.confirm');
  const scorecard = loadScorecard();
  return db.transaction(
    (tx) => {
      const recorded = findRecordedRequest(tx, trainee, input.requestKey);
      if (recorded) return recorded;
      const ctx = loadProgramContext(tx, trainee.orgId);
      const today = todayFor(ctx);
      const plan = computeTraineePlan(tx, ctx, trainee, today);
      const week = loadSoloWeek(tx, { plan, traineeId: trainee.id, settings: ctx.settings, scorecard, today });
      // The page showed another week (or one that has a result since): never record against this one.
      if (!week || week.state === 'recorded' || week.block.start !== input.blockStart) throw new AppError('stale');
      const computed = week.result.passed ? 'passed' : 'failed';
      const overridden = input.result !== computed || week.state !== 'due';
      if (overridden && !input.reason) throw new AppError('solo_result_needs_reason');
      const payload = {
        ...(week.result.average !== null ? { scorePercent: week.result.average } : {}),
        // Kept for the audit trail: what the settings computed, and whether the lead followed it.
        assessment: { computed, average: week.result.average, scoredCount: week.result.scoredCount, reasons: week.result.reasons },
        overridden,
      };
      return appendResult(tx, {
        ctx,
        trainee,
        actor,
        today,
        requestKey: input.requestKey,
        drafts: [
          {
            kind: input.result === 'passed' ? 'solo_passed' : 'solo_failed',
            effectiveDate: week.state === 'upcoming' ? week.block.start : today,
            payload,
            reason: input.reason ?? null,
          },
        ],
      });
    },
    { behavior: 'immediate' },
  );
}

export function confirmSoloResult(input: z.output<typeof confirmSoloSchema>, context: ActionContext): RecordedResult {
  return recordSoloResult(input, context);
}

export function overrideSoloResult(input: z.output<typeof overrideSoloSchema>, context: ActionContext): RecordedResult {
  return recordSoloResult(input, context);
}

export function correctSoloResult(input: z.output<typeof correctSoloSchema>, { actor, db }: ActionContext): RecordedResult {
  return correctSignOff(db, actor, { gate: 'solo', ...input });
}
