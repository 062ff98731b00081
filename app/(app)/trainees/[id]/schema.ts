import { programStages, trainingStages } from '@/domain/program-settings';
import { isoDate, requestKey, requiredText, z } from '@/lib/validation';
import { OVERRIDE_ACTIONS } from './constants';

const traineeId = z.coerce.number().check(z.int(), z.positive());
const reason = requiredText(500);

export const excuseAbsenceSchema = z.object({ traineeId, date: isoDate, reason, requestKey });
export type ExcuseAbsenceInput = z.input<typeof excuseAbsenceSchema>;

export { OVERRIDE_ACTIONS };
export const overrideSchema = z
  .object({
    traineeId,
    action: z.enum(OVERRIDE_ACTIONS),
    stage: z.enum(programStages),
    days: z.optional(z.union([z.literal(''), z.coerce.number().check(z.int(), z.gte(1), z.lte(60))])),
    reason,
    requestKey,
  })
  .check(
    z.superRefine((value, ctx) => {
      if (value.action === 'set_stage_days' && (value.days === undefined || value.days === '')) {
        ctx.addIssue({ code: 'custom', path: ['days'], message: 'validation.required' });
      }
      // Assessments end with a result, never by decree (docs/decisions/002).
      if (value.action === 'complete_stage' && (value.stage === 'solo' || value.stage === 'probation')) {
        ctx.addIssue({ code: 'custom', path: ['stage'], message: 'plan.errors.stageNeedsResult' });
      }
    }),
  );
export type OverrideInput = z.input<typeof overrideSchema>;

export const decisionSchema = z.object({
  traineeId,
  decision: z.enum(['continue', 'exit']),
  retrainingStage: z.optional(z.union([z.literal(''), z.enum(trainingStages)])),
  reason,
  requestKey,
});
export type DecisionInput = z.input<typeof decisionSchema>;
