import { programStages, trainingStages } from '@/domain/program-settings';
import { isoDate, requestKey, requiredText, z } from '@/lib/validation';

const traineeId = z.coerce.number().int().positive();
const reason = requiredText(500);

export const excuseAbsenceSchema = z.object({ traineeId, date: isoDate, reason, requestKey });
export type ExcuseAbsenceInput = z.input<typeof excuseAbsenceSchema>;

export const OVERRIDE_ACTIONS = ['complete_stage', 'set_stage_days', 'restart_stage'] as const;
export const overrideSchema = z
  .object({
    traineeId,
    action: z.enum(OVERRIDE_ACTIONS),
    stage: z.enum(programStages),
    days: z.union([z.literal(''), z.coerce.number().int().min(1).max(60)]).optional(),
    reason,
    requestKey,
  })
  .superRefine((value, ctx) => {
    if (value.action === 'set_stage_days' && (value.days === undefined || value.days === '')) {
      ctx.addIssue({ code: 'custom', path: ['days'], message: 'validation.required' });
    }
    // Assessments end with a result, never by decree (docs/decisions/002).
    if (value.action === 'complete_stage' && (value.stage === 'solo' || value.stage === 'probation')) {
      ctx.addIssue({ code: 'custom', path: ['stage'], message: 'plan.errors.stageNeedsResult' });
    }
  });
export type OverrideInput = z.input<typeof overrideSchema>;

export const decisionSchema = z.object({
  traineeId,
  decision: z.enum(['continue', 'exit']),
  retrainingStage: z.union([z.literal(''), z.enum(trainingStages)]).optional(),
  reason,
  requestKey,
});
export type DecisionInput = z.input<typeof decisionSchema>;
