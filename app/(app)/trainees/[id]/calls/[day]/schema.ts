import { sampledCallReplacementSchema } from '@/domain/call-sampling';
import { isoDate, z } from '@/lib/validation';

export const drawSampleSchema = z.object({ traineeId: z.int().check(z.positive()), day: isoDate });
export type DrawSampleInput = z.input<typeof drawSampleSchema>;

/** The domain's swap request (a call and a reason) plus whose day it is. */
export const replaceSampledCallSchema = z.extend(sampledCallReplacementSchema, {
  traineeId: z.int().check(z.positive()),
  day: isoDate,
});
export type ReplaceSampledCallInput = z.input<typeof replaceSampledCallSchema>;
