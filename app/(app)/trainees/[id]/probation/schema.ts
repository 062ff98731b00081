// The probation review's forms: an assessor's score (the domain's schema, shared with the engine's
// tests), a lead's sign-off, and a correction of a sign-off with a reason.
import { probationScoreInputSchema } from '@/domain/probation-review';
import { assessorKinds, trainingStages } from '@/domain/program-settings';
import { isoDate, requestKey, requiredText, z } from '@/lib/validation';

const traineeId = z.coerce.number().check(z.int(), z.positive());
const result = z.enum(['passed', 'failed']);
const retrainingStage = z.optional(z.union([z.literal(''), z.enum(trainingStages)]));
export const REASON_MAX = 1000;

export const probationScoreSchema = z.extend(probationScoreInputSchema, { traineeId, assessorKind: z.enum(assessorKinds) });
export type ProbationScoreFormInput = z.input<typeof probationScoreSchema>;

/** A sign-off that differs from the weighted result needs a reason; the server checks which it is. */
export const signOffSchema = z.object({
  traineeId,
  blockStart: isoDate,
  result,
  retrainingStage,
  reason: z.optional(z.string().check(z.trim(), z.maxLength(REASON_MAX))),
  requestKey,
});
export type SignOffInput = z.input<typeof signOffSchema>;

export const correctProbationSchema = z.object({
  traineeId,
  eventId: z.coerce.number().check(z.int(), z.positive()),
  result,
  retrainingStage,
  reason: requiredText(REASON_MAX),
  requestKey,
});
export type CorrectProbationInput = z.input<typeof correctProbationSchema>;
