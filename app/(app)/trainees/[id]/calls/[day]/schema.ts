import { sampledCallReplacementSchema } from '@/domain/call-sampling';
import { isoDate, z } from '@/lib/validation';

export const drawSampleSchema = z.object({ traineeId: z.number().int().positive(), day: isoDate });
export type DrawSampleInput = z.input<typeof drawSampleSchema>;

/** The domain's swap request (a call and a reason) plus whose day it is. */
export const replaceSampledCallSchema = sampledCallReplacementSchema.extend({
  traineeId: z.number().int().positive(),
  day: isoDate,
});
export type ReplaceSampledCallInput = z.input<typeof replaceSampledCallSchema>;
