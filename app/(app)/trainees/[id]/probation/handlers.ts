// The probation review's writes (试用期内部评定, seeds/000 篇二 四(三)(一)/(三)): each enabled assessor
// scores once; a lead signs off pass or fail against the weighted result; a pass certifies the
// trainee in the same transaction; a sign-off is corrected by a superseding event, never edited.
import { findProbationScore, insertProbationScore } from '@/db/queries/probation';
import type { AssessorKind } from '@/domain/program-settings';
import { loadTraineeFor } from '@/lib/access';
import type { ActionContext } from '@/lib/action';
import { assessorKindsFor, loadProbationReview } from '@/lib/assessment';
import { AppError } from '@/lib/errors';
import { computeTraineePlan, loadProgramContext, todayFor } from '@/lib/program';
import { appendResult, certifyDraft, correctSignOff, findRecordedRequest, retrainingStagesFor, type RecordedResult } from '@/lib/sign-offs';
import type { z } from '@/lib/validation';
import type { correctProbationSchema, probationScoreSchema, signOffSchema } from './schema';

export type SubmittedScore = { scoreId: number; assessorKind: string; score: number; comment: string; duplicate: boolean };

/**
 * One score per assessor kind and probation period. A second submission for the same kind — a
 * double click, a replayed POST, someone else holding the same role — gets the stored score back
 * and changes nothing: there is no update path.
 */
export function submitProbationScore(input: z.output<typeof probationScoreSchema>, { actor, db }: ActionContext): SubmittedScore {
  const trainee = loadTraineeFor(db, actor, input.traineeId, 'probation.score');
  return db.transaction(
    (tx) => {
      const ctx = loadProgramContext(tx, trainee.orgId);
      // A kind this person doesn't score for is answered like a missing trainee.
      if (!assessorKindsFor(actor, trainee, ctx.settings).includes(input.assessorKind as AssessorKind)) throw new AppError('not_found');
      const today = todayFor(ctx);
      const plan = computeTraineePlan(tx, ctx, trainee, today);
      const review = loadProbationReview(tx, { plan, traineeId: trainee.id, settings: ctx.settings, today });
      if (!review) throw new AppError('probation_scoring_not_open');
      const existing = findProbationScore(tx, { traineeId: trainee.id, attempt: review.attempt, assessorKind: input.assessorKind });
      if (existing) {
        return { scoreId: existing.id, assessorKind: existing.assessorKind, score: existing.score, comment: existing.comment, duplicate: true };
      }
      if (review.state === 'recorded') throw new AppError('probation_already_signed_off');
      if (!review.scoringOpen) throw new AppError('probation_scoring_not_open');
      const row = insertProbationScore(tx, {
        traineeId: trainee.id,
        attempt: review.attempt,
        assessorKind: input.assessorKind,
        assessorId: actor.userId,
        score: input.score,
        comment: input.comment,
        createdAt: Date.now(),
      });
      return { scoreId: row.id, assessorKind: row.assessorKind, score: row.score, comment: row.comment, duplicate: false };
    },
    { behavior: 'immediate' },
  );
}

/**
 * The lead's sign-off, once every enabled assessor has scored and the period's last day has come.
 * Following the weighted result needs no reason; signing off the other way does. A pass appends
 * probation_passed and, in the same transaction, issues the certificate and appends `certified`;
 * a fail appends probation_failed (with the retraining stage the lead picked, if any) and the
 * engine schedules the retraining — or, at the failure limit, waits for a lead's decision.
 */
export function signOffProbation(input: z.output<typeof signOffSchema>, { actor, db }: ActionContext): RecordedResult {
  const trainee = loadTraineeFor(db, actor, input.traineeId, 'probation.signoff');
  return db.transaction(
    (tx) => {
      const recorded = findRecordedRequest(tx, trainee, input.requestKey);
      if (recorded) return recorded;
      const ctx = loadProgramContext(tx, trainee.orgId);
      const today = todayFor(ctx);
      const plan = computeTraineePlan(tx, ctx, trainee, today);
      const review = loadProbationReview(tx, { plan, traineeId: trainee.id, settings: ctx.settings, today });
      if (!review || review.state === 'recorded' || review.block.start !== input.blockStart) throw new AppError('stale');
      if (review.state !== 'due') throw new AppError('probation_not_due');
      if (!review.result.complete || review.result.passed === null) throw new AppError('probation_scores_incomplete');
      const computed = review.result.passed ? 'passed' : 'failed';
      const reason = input.reason ? input.reason : null;
      if (input.result !== computed && !reason) throw new AppError('probation_result_needs_reason');
      const stage = input.result === 'failed' && input.retrainingStage ? input.retrainingStage : undefined;
      if (stage && !retrainingStagesFor(ctx, trainee).includes(stage)) throw new AppError('invalid_input');

      const scorePercent = review.result.weightedScore ?? undefined;
      const common = { ...(scorePercent !== undefined ? { scorePercent } : {}), computed, overridden: input.result !== computed };
      const drafts =
        input.result === 'passed'
          ? [
              { kind: 'probation_passed' as const, effectiveDate: today, payload: common, reason },
              certifyDraft(tx, { traineeId: trainee.id, date: today, actorId: actor.userId, nowMs: Date.now() }),
            ]
          : [{ kind: 'probation_failed' as const, effectiveDate: today, payload: { ...common, ...(stage ? { retrainingStage: stage } : {}) }, reason }];
      return appendResult(tx, { ctx, trainee, actor, today, requestKey: input.requestKey, drafts });
    },
    { behavior: 'immediate' },
  );
}

export function correctProbationSignOff(input: z.output<typeof correctProbationSchema>, { actor, db }: ActionContext): RecordedResult {
  const { retrainingStage, ...rest } = input;
  return correctSignOff(db, actor, {
    gate: 'probation',
    ...rest,
    ...(input.result === 'failed' && retrainingStage ? { retrainingStage } : {}),
  });
}
